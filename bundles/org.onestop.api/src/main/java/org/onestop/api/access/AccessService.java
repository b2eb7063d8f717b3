package org.onestop.api.access;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sign-in, people, roles, tokens and the security log (人员与权限管理). Passwords are stored as Argon2id
 * hashes; session and token secrets as hashes too, and shown once. Sign-ins, failures, lockouts and
 * every change of a person, role or token are written to the append-only security log.
 *
 * <p>Methods that take an {@code actor} check that the actor holds the permission they need in the
 * center concerned ({@link Permission#PEOPLE_MANAGE}, {@link Permission#TOKEN_MANAGE},
 * {@link Permission#SECURITY_LOG_READ}) and refuse with {@link org.onestop.api.ErrorCode#FORBIDDEN}
 * otherwise, having changed nothing.
 */
@ProviderType
public interface AccessService {

    /**
     * Signs a person in and opens a new session. Wrong account and wrong password get the same answer
     * ({@link org.onestop.api.ErrorCode#UNAUTHENTICATED}); after repeated failures the account is
     * locked for a growing time ({@link org.onestop.api.ErrorCode#LOCKED}).
     *
     * @param remote the client's address, for the security log
     */
    SignIn signIn(String account, String password, String remote);

    /** The live session with this secret, its expiry pushed back; empty when unknown or expired. */
    Optional<Session> session(String sessionSecret);

    /** Ends the session on the server; an unknown secret is ignored. */
    void signOut(String sessionSecret, String remote);

    /** The integration client behind a bearer secret; empty when unknown, expired or revoked (logged). */
    Optional<Principal> tokenPrincipal(String bearerSecret, String remote);

    List<Person> people(Principal actor, String centerId);

    Person createPerson(Principal actor, String centerId, NewPerson person);

    /** Grants a role; the grant's center must be one where the actor manages people. */
    Person grant(Principal actor, String account, RoleGrant grant);

    Person revoke(Principal actor, String account, RoleGrant grant);

    /** Disables or enables an account of the center; disabling ends its sessions. */
    Person setEnabled(Principal actor, String centerId, String account, boolean enabled);

    /**
     * Changes a password: one's own (the old password required), or, for an administrator of a center
     * where the person holds a role, a reset (old password ignored). Ends every session of the person,
     * the caller's too: sign in again with the new password.
     */
    void changePassword(Principal actor, String account, String oldPassword, String newPassword);

    IssuedToken issueToken(Principal actor, String centerId, NewToken token);

    List<ApiToken> tokens(Principal actor, String centerId);

    ApiToken revokeToken(Principal actor, String centerId, String tokenId);

    /**
     * Creates the first administrator of a center, with no actor: refused when the center already has
     * an administrator. This is what {@code bin/onestop admin create} runs; no default password ships.
     */
    Person createFirstAdministrator(String centerId, NewPerson person);

    /** The newest entries of the center's security log, newest first (1 to 500). */
    List<SecurityEvent> securityLog(Principal actor, String centerId, int limit);

    /** Records a refused act (HTTP 403) in the security log. */
    void recordDenied(Principal actor, String centerId, String subject, String remote);
}
