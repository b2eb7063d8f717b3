package org.onestop.api.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Handles cases (办件) through every act from intake to delivery. Each act is checked against the case's
 * state (refused with {@link org.onestop.api.ErrorCode#STATE} naming the states it needs), written with
 * its event, and any document it issues, in one transaction, and then published to every
 * {@link org.onestop.api.plugin.CaseListener}. Two clerks acting on one case at once: one wins, the other
 * gets a {@link org.onestop.api.ErrorCode#CONFLICT}.
 *
 * <p>The paths: 即办件 receive → {@link #decideOnTheSpot}; 承诺件 receive → accept → steps (with special
 * procedures and extensions) → decide → deliver → conclude; 联办件 the same, with one part per department
 * answered, defaulted by timeout or by absence from a joint meeting; 上报件 receive → accept → report →
 * updates → decide → deliver → conclude. A one-time notice and the applicant's supplement come before
 * acceptance; a refusal ends a case before acceptance, a withdrawal at any time before the decision.
 */
@ProviderType
public interface CaseService {

    /** Receives an application (收件): gives it a number and the item version in force that day. */
    Case receive(String centerId, ReceiveRequest request);

    /**
     * What the platform finds wrong with the case's materials against its item's list: every required
     * material (and conditional one whose condition was met) that is missing, in the wrong form or short
     * of copies. Empty when the materials are complete.
     */
    List<MaterialProblem> materialCheck(String centerId, String number);

    /**
     * Issues a one-time notice (一次性告知 / 补正材料通知书) listing every problem at once: the platform's
     * check and the clerk's own findings. A later notice that flags a material which was present and
     * unflagged at the first is refused, and the attempt is recorded on the case as a breach.
     */
    Case issueOneTimeNotice(String centerId, String number, NoticeRequest request);

    /** Records what the applicant brought after a notice (补正); the case can then be accepted. */
    Case supplement(String centerId, String number, SupplementRequest request);

    /**
     * Accepts a received case (受理, with its 受理通知书): the clock starts (the acceptance day is not
     * counted) and the deadline is set. Refused while the platform's check finds a problem, or a problem a
     * notice raised has not been answered by handing the material in again.
     */
    Case accept(String centerId, String number, ActDetails act);

    /** Does not accept the case (不予受理, with its 不予受理通知书 naming the applicant's remedies). */
    Case refuse(String centerId, String number, RefusalRequest request);

    /**
     * Handles an immediate item (即办件) on the spot: accepts, decides, delivers at the window and concludes,
     * the same day, in one act.
     */
    Case decideOnTheSpot(String centerId, String number, DecisionRequest request);

    /** Assigns a step to the person who does it. */
    Case assignStep(String centerId, String number, StepAssignment assignment);

    /** Completes the current step; the next one starts the same day. */
    Case completeStep(String centerId, String number, StepCompletion completion);

    /** Starts a special procedure the item lists (特别程序): the clock stops. */
    Case pause(String centerId, String number, PauseRequest request);

    /** Ends the running special procedure: the clock runs again and the deadline moves by its working days. */
    Case resume(String centerId, String number, ActDetails act);

    /** Asks for an extension (申请延期); refused if it would pass the legal limit. */
    Case requestExtension(String centerId, String number, ExtensionRequest request);

    /**
     * Approves or rejects the pending extension request; an approval moves the deadline. Decided while the clock
     * runs, not during a special procedure, so that the new deadline is known when it is written down.
     */
    Case decideExtension(String centerId, String number, ExtensionDecision decision);

    /** A department answers its part of a joint case. */
    Case answerJoint(String centerId, String number, JointAnswer answer);

    /** Records a joint review meeting; every open part of an absent department is taken to consent. */
    Case recordJointMeeting(String centerId, String number, JointMeetingRequest request);

    /**
     * Takes every open part of a joint case whose deadline passed before {@code asOf} to consent (超时默认).
     * Run by the platform's timer; safe to run at any time and beside human answers.
     *
     * @return the cases changed
     */
    List<Case> applyJointTimeouts(String centerId, LocalDate asOf);

    /**
     * Today at the centers (今天): the business day now, by the platform's clock in its time zone (the core's
     * {@code time.zone}). What an act means by "today" when it leaves its day out.
     */
    LocalDate today();

    /** Forwards a reported item's case to the higher-level center (上报). */
    Case report(String centerId, String number, ReportRequest request);

    /** Records what the higher-level center says of a reported case. */
    Case updateReport(String centerId, String number, ReportUpdate update);

    /**
     * Decides the case (准予许可 or 不予许可, with its decision document). Needs every step before the last
     * completed (the last, the delivery, is completed by {@link #deliver}) and, for a joint case, every
     * department's part answered; an approval needs every department's consent.
     */
    Case decide(String centerId, String number, DecisionRequest request);

    /** Delivers the decision (送达). */
    Case deliver(String centerId, String number, DeliveryRequest request);

    /** Concludes a delivered case (办结). */
    Case conclude(String centerId, String number, ActDetails act);

    /** Withdraws the case at the applicant's request (退回件), at any time before the decision. */
    Case withdraw(String centerId, String number, WithdrawRequest request);

    /**
     * Records that the applicant came to a window about the case (申请人到窗口). A case complete at intake
     * that needs a third visit breaks the two-visit rule (两次终结制), which is recorded as a breach.
     */
    Case recordVisit(String centerId, String number, ActDetails act);

    Optional<Case> find(String centerId, String number);

    List<Case> cases(String centerId, CaseQuery query);

    /** Where the case stands against its limit on {@code asOf}. */
    CaseClock clock(Case c, LocalDate asOf);

    /** Where one department's part of a joint case stands against its own limit on {@code asOf}. */
    CaseClock clock(Case c, SubCase part, LocalDate asOf);

    /** Where the case stands against its limit today, in the center's time zone. */
    CaseClock clock(Case c);
}
