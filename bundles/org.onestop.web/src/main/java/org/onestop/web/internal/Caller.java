package org.onestop.web.internal;

import org.onestop.api.access.Principal;
import org.onestop.api.access.Session;

/**
 * Who sent a request, once the router has checked the credentials.
 *
 * @param principal     who it is; null for the public (anonymous)
 * @param via           how it was proved
 * @param session       the live session, when {@code via} is {@link Via#SESSION}; null otherwise
 * @param sessionCookie the session cookie as sent, live or not: signing in ends it (against session
 *                      fixation) and signing out ends it; null when none was sent
 * @param remote        the client's address, for the security log
 */
public record Caller(Principal principal, Via via, Session session, String sessionCookie, String remote) {

    /** How the caller proved who it is. */
    public enum Via {
        /** Nothing, or a session cookie that is no longer live. */
        NONE,
        /** A live session cookie: a browser, whose unsafe calls must also carry the CSRF token. */
        SESSION,
        /** An {@code Authorization: Bearer} token: an integration client, with no ambient credential. */
        TOKEN
    }

    static Caller anonymous(String sessionCookie, String remote) {
        return new Caller(null, Via.NONE, null, sessionCookie, remote);
    }

    boolean signedIn() {
        return principal != null;
    }

    @Override
    public String toString() {
        return "Caller[" + (principal == null ? "anonymous" : principal.account()) + " via " + via + "]";
    }
}
