package org.onestop.api.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Handles cases (办件) through their acts. Each act is checked against the case's state, written with
 * its event in one transaction, and then published to every
 * {@link org.onestop.api.plugin.CaseListener}. Two clerks acting on one case at once: one wins, the
 * other gets a {@link org.onestop.api.ErrorCode#CONFLICT}.
 */
@ProviderType
public interface CaseService {

    /** Receives an application (收件): gives it a number and the item version in force today. */
    Case receive(String centerId, ReceiveRequest request);

    /** Accepts a received case (受理): the clock starts, and the deadline is set. */
    Case accept(String centerId, String number, ActDetails act);

    /** Concludes an accepted case (办结). */
    Case conclude(String centerId, String number, ActDetails act);

    Optional<Case> find(String centerId, String number);

    List<Case> cases(String centerId, CaseQuery query);

    /** Where the case stands against its limit on {@code asOf}. */
    CaseClock clock(Case c, LocalDate asOf);

    /** Where the case stands against its limit today, in the center's time zone. */
    CaseClock clock(Case c);
}
