package org.onestop.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onestop.web.internal.Fixture.error;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.cases.CaseService;

/**
 * How refusals and failures of a service reach the client. The real case service is wrapped so that
 * {@code accept} throws what a test sets, on a case the market clerk received: the real services never
 * throw some of these, nor a bug.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorMappingTest {

    private Fixture fx;
    private String accept;
    private final AtomicReference<RuntimeException> thrown = new AtomicReference<>();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        fx = new Fixture(dataDir, this::throwingOnAccept);
        accept = "/centers/hanshan/cases/" + fx.receiveMarketCase() + "/accept";
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    private CaseService throwingOnAccept(CaseService real) {
        return (CaseService) Proxy.newProxyInstance(CaseService.class.getClassLoader(), new Class<?>[] {CaseService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("accept") && thrown.get() != null) {
                        throw thrown.get();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest
    @CsvSource({"INVALID,400", "NOT_FOUND,404", "STATE,409", "CONFLICT,409", "FORBIDDEN,403", "UNAUTHENTICATED,401",
            "LOCKED,423"})
    void eachServiceCodeHasItsStatus(ErrorCode code, int status) {
        thrown.set(new OneStopException(code, "办件“X”不允许此操作", code == ErrorCode.STATE ? null : "number"));
        ApiResponse r = fx.post(fx.clerk, accept, "{}");
        assertEquals(status, r.status());
        assertEquals(code.name(), error(r).get("code").getAsString());
        assertEquals("办件“X”不允许此操作", error(r).get("message").getAsString());
        assertEquals(code != ErrorCode.STATE, error(r).has("field"));
    }

    @Test
    void anUnexpectedExceptionIs500WithAGenericMessageAndTheStackTraceInTheLogOnly() {
        thrown.set(new IllegalStateException("connection pool exhausted: jdbc:derby:/secret/path"));
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ApiResponse r;
        try {
            // slf4j-simple writes to whatever System.err is at the time of the call.
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            r = fx.post(fx.clerk, accept, "{}");
        } finally {
            System.setErr(original);
        }
        assertEquals(500, r.status());
        assertEquals("INTERNAL_ERROR", error(r).get("code").getAsString());
        String body = r.text();
        assertFalse(body.contains("secret") || body.contains("Exception") || body.contains("at org."), body);
        Matcher incident = Pattern.compile("事件编号 ([0-9a-f]{8})").matcher(error(r).get("message").getAsString());
        assertTrue(incident.find(), body);

        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("incident " + incident.group(1)), logged);
        assertTrue(logged.contains("POST " + accept), logged);
        assertTrue(logged.contains("java.lang.IllegalStateException: connection pool exhausted"), logged);
        assertTrue(logged.contains("\tat "), "the stack trace is logged: " + logged);
    }

    @Test
    void anErrorOtherThanTheVirtualMachineRunningOutIsAlso500() {
        thrown.set(null);
        ApiRouter router = new ApiRouter(java.util.List.of(new Route("GET", "/boom", java.util.Set.of(), false,
                Access.open(), c -> {
                    throw new NoClassDefFoundError("org/onestop/Gone");
                })), fx.access);
        PrintStream original = System.err;
        ApiResponse r;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            r = router.handle(ApiRequest.of("GET", "/boom", null));
        } finally {
            System.setErr(original);
        }
        assertEquals(500, r.status());
        assertFalse(r.text().contains("Gone"));
    }
}
