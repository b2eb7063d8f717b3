package org.onestop.api.cases;

import java.time.LocalDate;

/**
 * One of the item's steps (办理环节) as a case goes through it.
 *
 * @param number      1 for the item's first step
 * @param name        the step's name, for example 审查
 * @param role        who does it by the item's guide
 * @param limitDays   the step's own limit in working days
 * @param assignee    the person it is assigned to; null until assigned
 * @param startedOn   the day it became the current step; null before
 * @param due         the day it must be completed by (moved by a special procedure); null before it starts
 * @param completedOn the day it was completed; null before
 * @param completedBy who completed it; null before
 * @param opinion     its opinion; may be null
 */
public record StepProgress(int number, String name, String role, int limitDays, String assignee, LocalDate startedOn,
        LocalDate due, LocalDate completedOn, String completedBy, String opinion) {

    public boolean completed() {
        return completedOn != null;
    }
}
