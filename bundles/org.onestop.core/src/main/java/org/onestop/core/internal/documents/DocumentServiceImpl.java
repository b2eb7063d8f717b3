package org.onestop.core.internal.documents;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.documents.DocumentService;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.store.Store;

/**
 * The issued documents (文书) over the store, read-only: the case engine writes them in the same
 * transaction as the act that issues them, and nothing changes them afterwards.
 */
public final class DocumentServiceImpl implements DocumentService {

    private final Store store;

    public DocumentServiceImpl(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<CaseDocument> documents(String centerId, String caseNumber) {
        return store.read(s -> {
            // An unknown center is a NOT_FOUND, as everywhere else, not an empty list that hides a typo.
            CatalogServiceImpl.requireCenter(s, centerId);
            return caseNumber == null ? List.<CaseDocument>of() : s.documents(centerId, caseNumber);
        });
    }

    @Override
    public Optional<CaseDocument> document(String centerId, String documentNumber) {
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return documentNumber == null ? Optional.<CaseDocument>empty() : s.document(centerId, documentNumber);
        });
    }

    @Override
    public String printable(CaseDocument document) {
        return DocumentPages.html(Objects.requireNonNull(document, "document"));
    }
}
