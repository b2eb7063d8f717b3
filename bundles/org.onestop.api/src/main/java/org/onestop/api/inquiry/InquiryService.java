package org.onestop.api.inquiry;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** First-inquiry records (首问负责制). Only the current owner may hand an inquiry over or close it. */
@ProviderType
public interface InquiryService {

    Inquiry open(String centerId, NewInquiry inquiry);

    Inquiry handOver(String centerId, String id, HandOver handOver);

    /**
     * Closes the inquiry with its answer.
     *
     * @param by         the owner (required)
     * @param answer     what the inquirer was told (required)
     * @param caseNumber the case it became, when it became one; may be null
     */
    Inquiry close(String centerId, String id, String by, String answer, String caseNumber);

    Optional<Inquiry> find(String centerId, String id);

    /**
     * The center's inquiries, newest first.
     *
     * @param state only these; null for all
     * @param owner only those this person owns; null for all
     * @param limit at most this many (1 to 500; 50 when 0)
     */
    List<Inquiry> inquiries(String centerId, InquiryState state, String owner, int limit);
}
