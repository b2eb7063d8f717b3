package org.onestop.web.internal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.onestop.web.internal.ApiResponse.SessionCookie;

/**
 * When the session cookie is Secure, for the addresses a real Jetty test cannot come from: Secure everywhere
 * except plain HTTP from a loopback address, and never less secure because of a header.
 */
class SessionCookieTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,false,,false", "127.8.9.10,false,,false", "0:0:0:0:0:0:0:1,false,,false", "[::1],false,,false",
            "127.0.0.1,true,,true", "127.0.0.1,false,https,true",
            "192.168.1.20,false,,true", "10.0.0.7,false,http,true", "fe80::1,false,,true", "localhost,false,,true",
            "not-an-address,false,,true", ",false,,true"})
    void secureUnlessPlainHttpFromLoopback(String remote, boolean https, String forwardedProto, boolean secure) {
        HttpServletRequest req = request(remote, https, forwardedProto == null ? Map.of()
                : Map.of("X-Forwarded-Proto", forwardedProto));
        assertEquals(secure, ApiServlet.secure(req), remote + " https=" + https + " proto=" + forwardedProto);
        assertEquals(secure, ApiServlet.setCookie(new SessionCookie("abc_DEF-123"), req).endsWith("; Secure"));
    }

    @Test
    void theCookieIsScopedToTheApiOfTheContext() {
        String set = ApiServlet.setCookie(new SessionCookie("abc_DEF-123"), request("192.168.1.20", false, Map.of()));
        assertEquals("ONESTOP_SESSION=abc_DEF-123; Path=/onestop/api/; HttpOnly; SameSite=Strict; Secure", set);
        String expire = ApiServlet.setCookie(SessionCookie.expire(), request("127.0.0.1", false, Map.of()));
        assertEquals("ONESTOP_SESSION=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/onestop/api/; HttpOnly; "
                + "SameSite=Strict", expire);
    }

    @Test
    void aSecretThatCouldBreakTheHeaderIsNeverWritten() {
        assertThrows(IllegalStateException.class, () -> ApiServlet.setCookie(new SessionCookie("a; Path=/"),
                request("127.0.0.1", false, Map.of())));
        assertFalse(ApiServlet.loopback("localhost"), "names are never resolved");
        assertTrue(ApiServlet.loopback("::1"));
    }

    private static HttpServletRequest request(String remote, boolean https, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(SessionCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "isSecure" -> https;
                    case "getRemoteAddr" -> remote;
                    case "getContextPath" -> "/onestop";
                    case "getHeader" -> headers.get((String) a[0]);
                    case "toString" -> "request from " + remote;
                    default -> throw new AssertionError(m.getName() + " was not to be called");
                });
    }
}
