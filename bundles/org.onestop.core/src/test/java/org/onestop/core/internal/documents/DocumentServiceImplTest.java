package org.onestop.core.internal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.onestop.core.internal.documents.DocumentFixture.CASE_NUMBER;
import static org.onestop.core.internal.documents.DocumentFixture.CENTER;
import static org.onestop.core.internal.documents.DocumentFixture.context;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.cases.CaseAct;
import org.onestop.api.documents.CaseDocument;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;

class DocumentServiceImplTest {

    private final DocumentFactory factory = new DocumentFactory();
    private final CaseDocument acceptance = factory.acceptance(context(CaseAct.ACCEPT));

    /** A store holding one center and one document: only the reads the service may make answer. */
    private Store store() {
        StoreSession session = (StoreSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StoreSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "center" -> CENTER.id().equals(args[0]) ? Optional.of(CENTER) : Optional.empty();
                    case "documents" -> CASE_NUMBER.equals(args[1]) ? List.of(acceptance) : List.of();
                    case "document" -> acceptance.number().equals(args[1]) ? Optional.of(acceptance) : Optional.empty();
                    default -> throw new UnsupportedOperationException("a document read must not call " + method.getName());
                });
        return new Store() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                throw new UnsupportedOperationException("documents are only read here");
            }

            @Override
            public <T> T read(Work<T> work) {
                return work.run(session);
            }

            @Override
            public String dialectName() {
                return "fake";
            }
        };
    }

    @Test
    void readsTheCasesDocumentsInItsCenter() {
        DocumentServiceImpl service = new DocumentServiceImpl(store());
        assertEquals(List.of(acceptance), service.documents(CENTER.id(), CASE_NUMBER));
        assertEquals(List.of(), service.documents(CENTER.id(), "340522-20261012-0008"));
        assertEquals(Optional.of(acceptance), service.document(CENTER.id(), acceptance.number()));
        assertEquals(Optional.empty(), service.document(CENTER.id(), CASE_NUMBER + "-D9"));
        assertEquals(Optional.empty(), service.document(CENTER.id(), null));
    }

    @Test
    void anUnknownCenterIsNotFound() {
        DocumentServiceImpl service = new DocumentServiceImpl(store());
        OneStopException list = assertThrows(OneStopException.class, () -> service.documents("nowhere", CASE_NUMBER));
        assertEquals(ErrorCode.NOT_FOUND, list.code());
        OneStopException one = assertThrows(OneStopException.class, () -> service.document("nowhere", acceptance.number()));
        assertEquals(ErrorCode.NOT_FOUND, one.code());
    }

    @Test
    void printsThroughThePage() {
        assertEquals(DocumentPages.html(acceptance), new DocumentServiceImpl(store()).printable(acceptance));
    }
}
