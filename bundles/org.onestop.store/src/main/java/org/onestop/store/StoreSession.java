package org.onestop.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.calendar.CenterDay;
import org.onestop.api.cases.Case;
import org.onestop.api.cases.CaseEvent;
import org.onestop.api.cases.CaseQuery;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Item;
import org.onestop.api.documents.CaseDocument;
import org.onestop.api.inquiry.Inquiry;
import org.onestop.api.inquiry.InquiryState;
import org.onestop.api.inquiry.InquiryStep;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed reads and writes of one transaction. Records are taken and returned whole; the services
 * above have validated them. Case events and security events are only ever appended.
 */
@ProviderType
public interface StoreSession {

    List<Center> centers();

    Optional<Center> center(String centerId);

    Optional<Center> centerByRegionCode(String regionCode);

    /** Inserts the center, or replaces the stored one with the same id. */
    void saveCenter(Center center);

    List<Department> departments(String centerId);

    Optional<Department> department(String centerId, String departmentId);

    void saveDepartment(String centerId, Department department);

    /** The newest version of every item of the center, ordered by code. */
    List<Item> latestItems(String centerId);

    Optional<Item> latestItem(String centerId, String code);

    Optional<Item> itemVersion(String centerId, String code, int version);

    /** The version with the latest {@code effectiveFrom} on or before {@code day}, the newest among equals. */
    Optional<Item> itemInForce(String centerId, String code, LocalDate day);

    List<Item> itemHistory(String centerId, String code);

    /** Adds a version; the pair (code, version) must be new. */
    void insertItemVersion(String centerId, Item item);

    List<CenterDay> centerDays(String centerId);

    void saveCenterDay(String centerId, CenterDay day);

    /** The next number of the center's daily case sequence (1 for the first case of the day). */
    int nextCaseSequence(String centerId, LocalDate day);

    /** Stores a new case and its whole timeline. */
    void insertCase(String centerId, Case c);

    /**
     * Writes the case's new state and progress and appends {@code events}, provided the stored revision is still
     * {@code expectedRevision}; the stored revision becomes {@code c.revision()}.
     *
     * @return false when another writer changed the case first (nothing was written)
     */
    boolean updateCase(String centerId, Case c, int expectedRevision, List<CaseEvent> events);

    /** Replaces the materials handed in for the case (after a supplement), within the act's transaction. */
    void updateCaseMaterials(String centerId, String number, List<SubmittedMaterial> materials);

    /** Records the departments taking part in a joint case, so that {@link #cases} finds it for them too. */
    void insertCaseParts(String centerId, String number, List<String> departmentIds);

    /** The case with its whole timeline. */
    Optional<Case> findCase(String centerId, String number);

    /**
     * Cases without their timelines, newest first. A department filter matches the cases of those departments
     * and the joint cases they take part in.
     */
    List<Case> cases(String centerId, CaseQuery query);

    /**
     * The numbers of the center's cases that have a joint part still pending whose deadline is before
     * {@code day}, oldest first: what the joint-timeout timer must look at.
     */
    List<String> casesWithJointPartDueBefore(String centerId, LocalDate day);

    // --- documents ---------------------------------------------------------------------------

    /** Stores an issued document; its number must be new. Documents are never changed. */
    void insertDocument(String centerId, CaseDocument document);

    /** The case's documents, oldest first. */
    List<CaseDocument> documents(String centerId, String caseNumber);

    Optional<CaseDocument> document(String centerId, String documentNumber);

    // --- first inquiries -----------------------------------------------------------------------

    /** The next number of the center's daily inquiry sequence (1 for the first of the day). */
    int nextInquirySequence(String centerId, LocalDate day);

    /** Stores a new inquiry with its whole history. */
    void insertInquiry(Inquiry inquiry);

    /**
     * Writes the inquiry's new owner, window, state and case, and appends {@code step}, provided its stored
     * history is still {@code expectedSteps} long.
     *
     * @return false when another writer changed it first (nothing was written)
     */
    boolean updateInquiry(Inquiry inquiry, int expectedSteps, InquiryStep step);

    /** The inquiry with its history. */
    Optional<Inquiry> inquiry(String centerId, String id);

    /** Inquiries with their histories, newest first; null filters match all. */
    List<Inquiry> inquiries(String centerId, InquiryState state, String owner, int limit);

    // --- people and access ---------------------------------------------------------------------

    Optional<PersonRecord> person(String account);

    void insertPerson(PersonRecord person);

    /** Stores a new password hash and clears the failed sign-ins and any lock. */
    void updatePassword(String account, String passwordHash);

    void updateEnabled(String account, boolean enabled);

    /** Adds one failed sign-in and returns the new count of consecutive failures. */
    int addFailedSignIn(String account);

    void updateLockedUntil(String account, Instant lockedUntil);

    /** Clears the failed sign-ins and any lock, after a successful sign-in or an unlock. */
    void clearFailedSignIns(String account);

    /** The people holding at least one role in the center, ordered by account. */
    List<PersonRecord> peopleOfCenter(String centerId);

    /** Every role the person holds, in every center. */
    List<RoleGrant> grants(String account);

    /** Adds the grant; false (and nothing written) when the person holds it already. */
    boolean insertGrant(String account, RoleGrant grant);

    /** Removes the grant; false when the person did not hold it. */
    boolean deleteGrant(String account, RoleGrant grant);

    /** How many grants of {@code role} the center has. */
    int countGrants(String centerId, Role role);

    void insertSession(SessionRecord session);

    Optional<SessionRecord> sessionByHash(String secretHash);

    /** Marks the session used at {@code lastSeen} and moves its idle expiry. */
    void touchSession(String secretHash, Instant lastSeen, Instant expiresAt);

    /** Deletes one session; false when there was none. */
    boolean deleteSession(String secretHash);

    /** Deletes every session of the person; returns how many. */
    int deleteSessionsOf(String account);

    /** Deletes the sessions whose idle or absolute expiry is at or before {@code now}; returns how many. */
    int deleteExpiredSessions(Instant now);

    void insertToken(TokenRecord token);

    Optional<TokenRecord> token(String tokenId);

    /** The center's tokens, revoked and expired ones too, newest first. */
    List<ApiToken> tokens(String centerId);

    void updateTokenRevoked(String tokenId, Instant revokedAt);

    /** Appends an entry to the security log; the entry's {@code sequence} is ignored and assigned by the database. */
    void appendSecurityEvent(SecurityEvent event);

    /**
     * The newest {@code limit} entries of the center's security log, newest first: the center's own entries
     * and those tied to no center (sign-ins, sign-outs, password changes) whose subject is a person holding a
     * role in the center.
     */
    List<SecurityEvent> securityEvents(String centerId, int limit);
}
