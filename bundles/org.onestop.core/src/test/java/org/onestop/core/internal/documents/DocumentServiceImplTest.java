package org.onestop.core.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.onestop.core.internal.documents.DocumentFixture.CASE_NUMBER;
import static org.onestop.core.internal.documents.DocumentFixture.CENTER;
import static org.onestop.core.internal.documents.DocumentFixture.DEPARTMENT;
import static org.onestop.core.internal.documents.DocumentFixture.LICENSE;
import static org.onestop.core.internal.documents.DocumentFixture.PERSON;
import static org.onestop.core.internal.documents.DocumentFixture.acceptedCase;
import static org.onestop.core.internal.documents.DocumentFixture.context;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.documents.CaseDocument;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;

/** The document service over the real embedded Derby, holding one case and the one document issued on it. */
class DocumentServiceImplTest {

    private final CaseDocument acceptance = new DocumentFactory().acceptance(context(CaseAct.ACCEPT));
    private EmbeddedStore store;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = Stores.embeddedDerby(dir.resolve("derby"));
        store.inTransaction(s -> {
            s.saveCenter(CENTER);
            s.saveDepartment(CENTER.id(), DEPARTMENT);
            s.insertItemVersion(CENTER.id(), LICENSE);
            s.insertCase(CENTER.id(), acceptedCase(PERSON));
            s.insertDocument(CENTER.id(), acceptance);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsTheCasesDocumentsInItsCenter() {
        DocumentServiceImpl service = new DocumentServiceImpl(store);
        assertEquals(List.of(acceptance), service.documents(CENTER.id(), CASE_NUMBER));
        assertEquals(List.of(), service.documents(CENTER.id(), "340522-20261012-0008"));
        assertEquals(Optional.of(acceptance), service.document(CENTER.id(), acceptance.number()));
        assertEquals(Optional.empty(), service.document(CENTER.id(), CASE_NUMBER + "-D9"));
        assertEquals(Optional.empty(), service.document(CENTER.id(), null));
    }

    @Test
    void anUnknownCenterIsNotFound() {
        DocumentServiceImpl service = new DocumentServiceImpl(store);
        OneStopException list = assertThrows(OneStopException.class, () -> service.documents("nowhere", CASE_NUMBER));
        assertEquals(ErrorCode.NOT_FOUND, list.code());
        OneStopException one = assertThrows(OneStopException.class, () -> service.document("nowhere", acceptance.number()));
        assertEquals(ErrorCode.NOT_FOUND, one.code());
    }

    @Test
    void printsThroughThePage() {
        assertEquals(DocumentPages.html(acceptance), new DocumentServiceImpl(store).printable(acceptance));
    }
}
