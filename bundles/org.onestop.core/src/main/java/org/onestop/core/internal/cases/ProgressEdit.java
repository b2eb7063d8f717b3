package org.onestop.core.internal.cases;

import java.util.ArrayList;
import java.util.List;
import org.onestop.api.cases.Breach;
import org.onestop.api.cases.CaseProgress;
import org.onestop.api.cases.Decision;
import org.onestop.api.cases.Delivery;
import org.onestop.api.cases.Extension;
import org.onestop.api.cases.ExtensionStatus;
import org.onestop.api.cases.JointMeeting;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.PauseRecord;
import org.onestop.api.cases.Report;
import org.onestop.api.cases.StepProgress;
import org.onestop.api.cases.SubCase;

/**
 * A case's progress while one act changes it. {@link CaseProgress} is immutable; an act copies it here,
 * changes what it must, and builds the new one.
 */
final class ProgressEdit {

    final List<String> conditionsMet;
    final List<MaterialProblem> flagged;
    final List<String> settled;
    int notices;
    boolean completeAtIntake;
    int visits;
    final List<StepProgress> steps;
    final List<PauseRecord> pauses;
    final List<Extension> extensions;
    final List<SubCase> subCases;
    final List<JointMeeting> meetings;
    Report report;
    Decision decision;
    Delivery delivery;
    final List<Breach> breaches;

    ProgressEdit(CaseProgress p) {
        conditionsMet = new ArrayList<>(p.conditionsMet());
        flagged = new ArrayList<>(p.flagged());
        settled = new ArrayList<>(p.settled());
        notices = p.notices();
        completeAtIntake = p.completeAtIntake();
        visits = p.visits();
        steps = new ArrayList<>(p.steps());
        pauses = new ArrayList<>(p.pauses());
        extensions = new ArrayList<>(p.extensions());
        subCases = new ArrayList<>(p.subCases());
        meetings = new ArrayList<>(p.meetings());
        report = p.report();
        decision = p.decision();
        delivery = p.delivery();
        breaches = new ArrayList<>(p.breaches());
    }

    CaseProgress build() {
        return new CaseProgress(conditionsMet, flagged, settled, notices, completeAtIntake, visits, steps, pauses,
                extensions, subCases, meetings, report, decision, delivery, breaches);
    }

    /** The running special procedure, or null. */
    PauseRecord runningPause() {
        return pauses.isEmpty() || !last(pauses).running() ? null : last(pauses);
    }

    /** The extension request awaiting its decision, or null. */
    Extension pendingExtension() {
        return extensions.isEmpty() || last(extensions).status() != ExtensionStatus.REQUESTED ? null : last(extensions);
    }

    /** The first step not yet completed, or null when all are. */
    StepProgress currentStep() {
        return steps.stream().filter(s -> !s.completed()).findFirst().orElse(null);
    }

    static <T> void replaceLast(List<T> list, T value) {
        list.set(list.size() - 1, value);
    }

    static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
