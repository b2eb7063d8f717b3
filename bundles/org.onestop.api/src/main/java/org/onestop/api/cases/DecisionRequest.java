package org.onestop.api.cases;

/**
 * Deciding a case: approve (准予许可) or deny (不予许可). A denial needs its reason and legal basis, and
 * its decision names the applicant's remedies (administrative reconsideration within 60 days, a lawsuit
 * within 6 months).
 *
 * @param decision   approve or deny (required)
 * @param reason     why; required for a denial
 * @param legalBasis the provision the decision rests on; required for a denial
 * @param result     what the applicant receives on approval, for example a certificate's number; may be null
 * @param act        who decides, where and when
 */
public record DecisionRequest(Decision decision, String reason, String legalBasis, String result, ActDetails act) {

    /** An approval with nothing more to say. */
    public static DecisionRequest approve(ActDetails act) {
        return new DecisionRequest(Decision.APPROVED, null, null, null, act);
    }
}
