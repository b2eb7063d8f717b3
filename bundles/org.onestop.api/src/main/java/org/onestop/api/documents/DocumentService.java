package org.onestop.api.documents;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The documents case acts issued (文书), as data and as printable pages. Every act that issues one names
 * its number in the event's {@code document} entry, so a listener (the approval-seal module) can follow
 * and seal it.
 */
@ProviderType
public interface DocumentService {

    /** The case's documents, oldest first. */
    List<CaseDocument> documents(String centerId, String caseNumber);

    Optional<CaseDocument> document(String centerId, String documentNumber);

    /**
     * The document as a whole HTML page in Chinese, laid out for A4 paper, ready to print; the applicant is
     * shown as the document carries it (pass {@link CaseDocument#masked()} for a public page).
     */
    String printable(CaseDocument document);
}
