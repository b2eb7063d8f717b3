package org.onestop.core.internal.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.access.AccessService;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.IssuedToken;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Person;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.access.SecurityEventKind;
import org.onestop.api.access.Session;
import org.onestop.api.access.SignIn;
import org.onestop.api.catalog.Center;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.catalog.Check;
import org.onestop.store.PersonRecord;
import org.onestop.store.SessionRecord;
import org.onestop.store.Store;
import org.onestop.store.StoreSession;
import org.onestop.store.TokenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People, roles, sessions, tokens and the security log over the store. Every change is written with its
 * security log entry in one transaction; a refusal (failed sign-in, denied act, rejected token) is logged
 * in a transaction of its own, since the act it refuses writes nothing.
 *
 * <p>Password hashing, deliberately slow, runs outside any transaction so that no database lock is held
 * during it.
 */
public final class AccessServiceImpl implements AccessService {

    /** The one answer to a wrong account or a wrong password, so that neither reveals which it was. */
    public static final String WRONG_CREDENTIALS = "账号或密码错误";
    public static final String DISABLED = "账号已停用，请联系中心管理员";
    /** Bearer values look like {@code ost_<id>.<secret>}. */
    public static final String TOKEN_PREFIX = "ost_";
    /** The actor of acts with no signed-in person, such as creating a center's first administrator. */
    static final String SYSTEM = "system";
    static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(366);

    private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TOKEN_SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<Permission> NOT_FOR_TOKENS = Set.of(Permission.PEOPLE_MANAGE, Permission.TOKEN_MANAGE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_SECRET_LENGTH = 200;
    private static final int MAX_TYPED_PASSWORD = 4096;

    private final Logger logger = LoggerFactory.getLogger(AccessServiceImpl.class);
    private final Store store;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final AccessSettings settings;
    private final Secrets secrets = new Secrets(new SecureRandom());
    private volatile String dummyHash;

    public AccessServiceImpl(Store store, Clock clock, PasswordHasher hasher, AccessSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The service with a hasher of the settings' Argon2 cost. */
    public static AccessServiceImpl create(Store store, Clock clock, AccessSettings settings) {
        return new AccessServiceImpl(store, clock, new PasswordHasher(settings.argon2(), new SecureRandom()), settings);
    }

    // --- sign-in and sessions ------------------------------------------------------------------

    @Override
    public SignIn signIn(String account, String password, String remote) {
        Instant now = clock.instant();
        String acc = AccessRules.normalizeAccount(account);
        boolean wellFormed = acc != null && AccessRules.ACCOUNT.matcher(acc).matches();
        Optional<PersonRecord> found = wellFormed ? store.read(s -> s.person(acc)) : Optional.empty();
        // An absurdly long password is hashed as the empty one, which matches nothing: still one hash, so the
        // time taken tells nothing either.
        String typed = password == null || password.length() > MAX_TYPED_PASSWORD ? "" : password;
        if (found.isEmpty()) {
            // Hash anyway, so that an unknown account takes as long to refuse as a wrong password.
            hasher.verify(typed, dummyHash());
            // What was typed is not recorded: people type their password into the account field by mistake.
            log(null, "(未知账号)", SecurityEventKind.SIGN_IN_FAILED, null, wellFormed ? "账号不存在" : "账号格式无效", remote);
            throw unauthenticated(WRONG_CREDENTIALS);
        }
        PersonRecord person = found.get();
        if (person.lockedUntil() != null && person.lockedUntil().isAfter(now)) {
            log(null, acc, SecurityEventKind.SIGN_IN_FAILED, acc, "账号锁定期间尝试登录，未核对密码", remote);
            throw locked(person.lockedUntil());
        }
        if (!hasher.verify(typed, person.passwordHash())) {
            Instant lockedUntil = recordFailure(acc, now, remote, "密码错误");
            throw lockedUntil == null ? unauthenticated(WRONG_CREDENTIALS) : locked(lockedUntil);
        }
        if (!person.enabled()) {
            log(null, acc, SecurityEventKind.SIGN_IN_FAILED, acc, "账号已停用", remote);
            throw unauthenticated(DISABLED);
        }
        // Raising the Argon2 cost takes effect for each person at their next sign-in.
        String renewedHash = hasher.needsRehash(person.passwordHash()) ? hasher.hash(typed) : null;
        // A new secret on every sign-in: a session id planted before sign-in is never promoted (fixation).
        String secret = secrets.secret();
        String csrf = secrets.secret();
        Instant absolute = now.plus(settings.sessionAbsolute());
        Instant expires = earlier(now.plus(settings.sessionIdle()), absolute);
        SignIn signIn = store.inTransaction(s -> {
            s.clearFailedSignIns(acc);
            if (renewedHash != null) {
                s.updatePassword(acc, renewedHash);
            }
            s.insertSession(new SessionRecord(Secrets.hash(secret), acc, csrf, now, now, expires, absolute));
            append(s, null, acc, SecurityEventKind.SIGN_IN, acc, null, remote);
            return new SignIn(secret, csrf, principal(person, s.grants(acc)), expires);
        });
        purgeExpiredSessions(now);
        return signIn;
    }

    /** Counts a failed sign-in and locks the account when it reaches the threshold; returns the lock's end or null. */
    private Instant recordFailure(String account, Instant now, String remote, String what) {
        return store.inTransaction(s -> {
            int failures = s.addFailedSignIn(account);
            append(s, null, account, SecurityEventKind.SIGN_IN_FAILED, account, what + "（连续第" + failures + "次）", remote);
            Duration lock = settings.lockoutAfter(failures);
            if (lock.isZero()) {
                return null;
            }
            Instant until = now.plus(lock);
            s.updateLockedUntil(account, until);
            append(s, null, account, SecurityEventKind.LOCKED_OUT, account,
                    "连续" + failures + "次登录失败，锁定" + lock.toMinutes() + "分钟，至" + format(until), remote);
            return until;
        });
    }

    /** Sessions are deleted when found expired; this sweeps the ones nobody asks for again. */
    private void purgeExpiredSessions(Instant now) {
        try {
            store.inTransaction(s -> s.deleteExpiredSessions(now));
        } catch (RuntimeException e) {
            // The sign-in itself has succeeded; the next one sweeps again.
            logger.warn("Expired sessions not purged: {}", e.getMessage());
        }
    }

    @Override
    public Optional<Session> session(String sessionSecret) {
        if (sessionSecret == null || sessionSecret.isBlank() || sessionSecret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        String hash = Secrets.hash(sessionSecret);
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            Optional<SessionRecord> found = s.sessionByHash(hash);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SessionRecord session = found.get();
            Optional<PersonRecord> person = s.person(session.account());
            if (!session.expiresAt().isAfter(now) || !session.absoluteExpiry().isAfter(now) || person.isEmpty()
                    || !person.get().enabled()) {
                s.deleteSession(hash);
                return Optional.empty();
            }
            // Sliding expiry, but never past the absolute end set at sign-in.
            Instant expires = earlier(now.plus(settings.sessionIdle()), session.absoluteExpiry());
            s.touchSession(hash, now, expires);
            return Optional.of(new Session(principal(person.get(), s.grants(session.account())), session.csrfToken(),
                    expires));
        });
    }

    @Override
    public void signOut(String sessionSecret, String remote) {
        if (sessionSecret == null || sessionSecret.isBlank() || sessionSecret.length() > MAX_SECRET_LENGTH) {
            return;
        }
        String hash = Secrets.hash(sessionSecret);
        store.inTransaction(s -> {
            s.sessionByHash(hash).ifPresent(session -> {
                s.deleteSession(hash);
                append(s, null, session.account(), SecurityEventKind.SIGN_OUT, session.account(), null, remote);
            });
            return null;
        });
    }

    // --- tokens --------------------------------------------------------------------------------

    @Override
    public Optional<Principal> tokenPrincipal(String bearerSecret, String remote) {
        String bearer = bearerSecret == null ? "" : bearerSecret.strip();
        int dot = bearer.indexOf('.');
        String id = dot > 0 && bearer.startsWith(TOKEN_PREFIX) ? bearer.substring(TOKEN_PREFIX.length(), dot) : "";
        String secret = dot > 0 ? bearer.substring(dot + 1) : "";
        if (!TOKEN_ID.matcher(id).matches() || !TOKEN_SECRET.matcher(secret).matches()) {
            log(null, "(未知令牌)", SecurityEventKind.TOKEN_REJECTED, null, "令牌格式无效", remote);
            return Optional.empty();
        }
        String subject = "token:" + id;
        Optional<TokenRecord> found = store.read(s -> s.token(id));
        if (found.isEmpty()) {
            log(null, subject, SecurityEventKind.TOKEN_REJECTED, subject, "令牌不存在", remote);
            return Optional.empty();
        }
        ApiToken token = found.get().token();
        String problem = null;
        if (!Secrets.sameHash(found.get().secretHash(), Secrets.hash(secret))) {
            problem = "令牌密钥不符";
        } else if (token.revokedAt() != null) {
            problem = "令牌已于" + format(token.revokedAt()) + "撤销";
        } else if (!token.expiresAt().isAfter(clock.instant())) {
            problem = "令牌已于" + format(token.expiresAt()) + "过期";
        }
        if (problem != null) {
            log(token.centerId(), subject, SecurityEventKind.TOKEN_REJECTED, subject, problem, remote);
            return Optional.empty();
        }
        return Optional.of(new Principal(subject, token.name(),
                List.of(new RoleGrant(Role.INTEGRATION, token.centerId(), token.departmentId(), null)), token.scope(), true));
    }

    @Override
    public IssuedToken issueToken(Principal actor, String centerId, NewToken token) {
        require(actor, Permission.TOKEN_MANAGE, centerId, "签发令牌");
        Check check = Check.at("");
        check.present("token", token, "令牌信息");
        String name = check.text("name", token.name(), "令牌名称", 100).strip();
        String department = token.departmentId() == null || token.departmentId().isBlank() ? null
                : token.departmentId().strip();
        check.rule("scope", !token.scope().isEmpty(), "令牌的权限范围不能为空");
        check.rule("scope", token.scope().stream().noneMatch(NOT_FOR_TOKENS::contains),
                "令牌不能带有“人员管理”或“令牌管理”权限：这两项只属于中心管理员本人");
        Instant expires = check.present("expiresAt", token.expiresAt(), "有效期截止时间");
        Instant now = clock.instant();
        check.rule("expiresAt", expires.isAfter(now), "有效期截止时间须晚于当前时间");
        check.rule("expiresAt", !expires.isAfter(now.plus(MAX_TOKEN_LIFETIME)),
                "令牌有效期不能超过" + MAX_TOKEN_LIFETIME.toDays() + "天");
        String id = secrets.id();
        String secret = secrets.secret();
        ApiToken issued = new ApiToken(id, centerId, department, name, token.scope(), actor.account(), now, expires, null);
        store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            if (department != null && s.department(centerId, department).isEmpty()) {
                throw check.invalid("departmentId", "部门“" + department + "”不是本中心的进驻部门");
            }
            s.insertToken(new TokenRecord(issued, Secrets.hash(secret)));
            append(s, centerId, actor.account(), SecurityEventKind.TOKEN_ISSUED, "token:" + id, "名称：" + name
                    + (department == null ? "" : "；部门：" + department) + "；权限：" + labels(issued.scope())
                    + "；有效期至" + format(expires), null);
            return null;
        });
        return new IssuedToken(issued, TOKEN_PREFIX + id + "." + secret);
    }

    @Override
    public List<ApiToken> tokens(Principal actor, String centerId) {
        require(actor, Permission.TOKEN_MANAGE, centerId, "查看令牌");
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.tokens(centerId);
        });
    }

    @Override
    public ApiToken revokeToken(Principal actor, String centerId, String tokenId) {
        require(actor, Permission.TOKEN_MANAGE, centerId, "撤销令牌");
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            ApiToken token = (tokenId == null ? Optional.<TokenRecord>empty() : s.token(tokenId.strip()))
                    .map(TokenRecord::token)
                    .filter(t -> t.centerId().equals(centerId))
                    .orElseThrow(() -> OneStopException.notFound("tokenId", "令牌“" + tokenId + "”不存在"));
            if (token.revokedAt() != null) {
                return token;
            }
            s.updateTokenRevoked(token.id(), now);
            append(s, centerId, actor.account(), SecurityEventKind.TOKEN_REVOKED, "token:" + token.id(),
                    "名称：" + token.name(), null);
            return new ApiToken(token.id(), token.centerId(), token.departmentId(), token.name(), token.scope(),
                    token.createdBy(), token.createdAt(), token.expiresAt(), now);
        });
    }

    // --- people and roles ----------------------------------------------------------------------

    @Override
    public List<Person> people(Principal actor, String centerId) {
        require(actor, Permission.PEOPLE_MANAGE, centerId, "查看人员");
        Instant now = clock.instant();
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            List<Person> people = new ArrayList<>();
            for (PersonRecord p : s.peopleOfCenter(centerId)) {
                people.add(person(p, s.grants(p.account()), centerId, now));
            }
            return people;
        });
    }

    @Override
    public Person createPerson(Principal actor, String centerId, NewPerson person) {
        require(actor, Permission.PEOPLE_MANAGE, centerId, "新建人员");
        Check check = Check.at("");
        check.present("person", person, "人员信息");
        String account = AccessRules.account(person.account(), check);
        String name = check.text("name", person.name(), "姓名", 100).strip();
        AccessRules.password(person.password(), check, "password");
        check.rule("grants", !person.grants().isEmpty(), "请至少授予一个本中心的角色");
        List<RoleGrant> grants = new ArrayList<>();
        for (int i = 0; i < person.grants().size(); i++) {
            Check g = check.nested("grants[" + i + "]");
            RoleGrant grant = AccessRules.grant(person.grants().get(i), centerId, g);
            g.rule("centerId", grant.centerId().equals(centerId), "新建人员时只能授予本中心的角色");
            grants.add(grant);
        }
        if (grants.stream().anyMatch(g -> g.role() == Role.ADMINISTRATOR)) {
            requireAdministrator(actor, centerId);
        }
        String hash = hasher.hash(person.password());
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            if (s.person(account).isPresent()) {
                throw OneStopException.conflict("account", "账号“" + account + "”已被使用");
            }
            for (int i = 0; i < grants.size(); i++) {
                requirePlace(s, grants.get(i), check.nested("grants[" + i + "]"));
            }
            PersonRecord stored = new PersonRecord(account, name, hash, true, 0, null, now);
            s.insertPerson(stored);
            append(s, centerId, actor.account(), SecurityEventKind.PERSON_CREATED, account, "姓名：" + name, null);
            for (RoleGrant grant : grants) {
                if (s.insertGrant(account, grant)) {
                    append(s, grant.centerId(), actor.account(), SecurityEventKind.ROLE_GRANTED, account,
                            AccessRules.describe(grant), null);
                }
            }
            return person(stored, s.grants(account), centerId, now);
        });
    }

    /** A well-formed grant in a center where the actor manages people (administrators only by administrators). */
    private RoleGrant managedGrant(Principal actor, RoleGrant grant, Check check, String act) {
        RoleGrant g = AccessRules.grant(grant, null, check);
        require(actor, Permission.PEOPLE_MANAGE, g.centerId(), act);
        if (g.role() == Role.ADMINISTRATOR) {
            requireAdministrator(actor, g.centerId());
        }
        return g;
    }

    @Override
    public Person grant(Principal actor, String account, RoleGrant grant) {
        Check check = Check.at("");
        RoleGrant g = managedGrant(actor, grant, check, "授予角色");
        String acc = AccessRules.normalizeAccount(account);
        if (acc != null && acc.equals(actor.account())) {
            // Separation of duties: an administrator would otherwise give themselves a clerk's access to
            // applicants' personal data in one call. Another administrator has to grant it.
            throw OneStopException.forbidden("不能为自己授予角色，请由本中心其他管理员授予");
        }
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            CatalogServiceImpl.requireCenter(s, g.centerId());
            PersonRecord person = requirePerson(s, acc);
            requirePlace(s, g, check);
            if (s.insertGrant(acc, g)) {
                append(s, g.centerId(), actor.account(), SecurityEventKind.ROLE_GRANTED, acc, AccessRules.describe(g), null);
            }
            return person(person, s.grants(acc), g.centerId(), now);
        });
    }

    @Override
    public Person revoke(Principal actor, String account, RoleGrant grant) {
        RoleGrant g = managedGrant(actor, grant, Check.at(""), "撤销角色");
        String acc = AccessRules.normalizeAccount(account);
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            PersonRecord person = requirePerson(s, acc);
            if (!s.grants(acc).contains(g)) {
                throw OneStopException.notFound("role", "人员“" + acc + "”没有角色" + AccessRules.describe(g));
            }
            // A center without an administrator could only be repaired from the command line.
            if (g.role() == Role.ADMINISTRATOR && s.countGrants(g.centerId(), Role.ADMINISTRATOR) <= 1) {
                throw OneStopException.state("不能撤销本中心最后一名中心管理员的角色，请先为他人授予该角色");
            }
            s.deleteGrant(acc, g);
            append(s, g.centerId(), actor.account(), SecurityEventKind.ROLE_REVOKED, acc, AccessRules.describe(g), null);
            return person(person, s.grants(acc), g.centerId(), now);
        });
    }

    @Override
    public Person setEnabled(Principal actor, String centerId, String account, boolean enabled) {
        require(actor, Permission.PEOPLE_MANAGE, centerId, enabled ? "启用人员" : "停用人员");
        String acc = AccessRules.normalizeAccount(account);
        if (!enabled && !actor.token() && actor.account().equals(acc)) {
            throw OneStopException.state("不能停用自己的账号");
        }
        List<RoleGrant> held = store.read(s -> {
            requirePerson(s, acc);
            return s.grants(acc);
        });
        if (held.stream().noneMatch(g -> g.centerId().equals(centerId))) {
            throw OneStopException.notFound("account", "人员“" + acc + "”不在本中心");
        }
        requireGoverns(actor, acc, held, centerId, enabled ? "启用人员" : "停用人员");
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            PersonRecord person = requirePerson(s, acc);
            s.updateEnabled(acc, enabled);
            if (enabled) {
                // Enabling is also how an administrator lifts a lockout before it ends.
                s.clearFailedSignIns(acc);
            } else {
                s.deleteSessionsOf(acc);
            }
            boolean wasLocked = person.lockedUntil() != null && person.lockedUntil().isAfter(now);
            append(s, centerId, actor.account(), enabled ? SecurityEventKind.PERSON_ENABLED
                    : SecurityEventKind.PERSON_DISABLED, acc, enabled && wasLocked ? "同时解除登录锁定" : null, null);
            PersonRecord changed = new PersonRecord(person.account(), person.name(), person.passwordHash(), enabled,
                    enabled ? 0 : person.failedAttempts(), enabled ? null : person.lockedUntil(), person.createdAt());
            return person(changed, s.grants(acc), centerId, now);
        });
    }

    @Override
    public void changePassword(Principal actor, String account, String oldPassword, String newPassword) {
        if (actor == null) {
            throw unauthenticated("请先登录");
        }
        String acc = AccessRules.normalizeAccount(account);
        boolean own = !actor.token() && actor.account().equals(acc);
        Check check = Check.at("");
        PersonRecord person;
        String detail;
        if (own) {
            person = store.read(s -> requirePerson(s, acc));
            AccessRules.password(newPassword, check, "newPassword");
            if (oldPassword == null || oldPassword.length() > AccessRules.PASSWORD_MAX
                    || !hasher.verify(oldPassword, person.passwordHash())) {
                // Counts like a failed sign-in, so that a left-open session cannot be used to guess the password.
                recordFailure(acc, clock.instant(), null, "修改密码时原密码错误");
                throw check.invalid("oldPassword", "原密码不正确");
            }
            detail = "本人修改密码";
        } else {
            boolean managesSomewhere = actor.grants().stream()
                    .anyMatch(g -> actor.may(Permission.PEOPLE_MANAGE, g.centerId(), null));
            Optional<PersonRecord> found = managesSomewhere ? store.read(s -> s.person(acc)) : Optional.empty();
            List<RoleGrant> held = found.isPresent() ? store.read(s -> s.grants(acc)) : List.of();
            if (managesSomewhere && found.isEmpty()) {
                throw OneStopException.notFound("account", "人员“" + acc + "”不存在");
            }
            requireGoverns(actor, acc, held, held.isEmpty() ? null : held.get(0).centerId(), "重置密码");
            person = found.get();
            AccessRules.password(newPassword, check, "newPassword");
            // The store clears a lockout with the new password: say so, as enabling an account does.
            detail = person.lockedUntil() != null && person.lockedUntil().isAfter(clock.instant())
                    ? "由管理员重置密码，同时解除登录锁定" : "由管理员重置密码";
        }
        String hash = hasher.hash(newPassword);
        String target = person.account();
        String how = detail;
        store.inTransaction(s -> {
            s.updatePassword(target, hash);
            // Anyone holding an old session may have been the reason for the change: end them all.
            s.deleteSessionsOf(target);
            append(s, null, actor.account(), SecurityEventKind.PASSWORD_CHANGED, target, how, null);
            return null;
        });
    }

    @Override
    public Person createFirstAdministrator(String centerId, NewPerson person) {
        Check check = Check.at("");
        check.present("person", person, "人员信息");
        String account = AccessRules.account(person.account(), check);
        String name = check.text("name", person.name(), "姓名", 100).strip();
        AccessRules.password(person.password(), check, "password");
        RoleGrant admin = RoleGrant.center(Role.ADMINISTRATOR, centerId);
        check.rule("grants", person.grants().stream().allMatch(admin::equals), "首位管理员只授予本中心的“中心管理员”角色");
        String hash = hasher.hash(person.password());
        Instant now = clock.instant();
        return store.inTransaction(s -> {
            Center center = CatalogServiceImpl.requireCenter(s, centerId);
            if (s.countGrants(centerId, Role.ADMINISTRATOR) > 0) {
                throw OneStopException.conflict(null, "中心“" + center.name() + "”已有中心管理员，请由现有管理员在平台中添加人员");
            }
            if (s.person(account).isPresent()) {
                throw OneStopException.conflict("account", "账号“" + account + "”已被使用");
            }
            PersonRecord stored = new PersonRecord(account, name, hash, true, 0, null, now);
            s.insertPerson(stored);
            s.insertGrant(account, admin);
            append(s, centerId, SYSTEM, SecurityEventKind.PERSON_CREATED, account, "首位中心管理员，姓名：" + name, null);
            append(s, centerId, SYSTEM, SecurityEventKind.ROLE_GRANTED, account, AccessRules.describe(admin), null);
            return person(stored, List.of(admin), centerId, now);
        });
    }

    // --- security log --------------------------------------------------------------------------

    @Override
    public List<SecurityEvent> securityLog(Principal actor, String centerId, int limit) {
        require(actor, Permission.SECURITY_LOG_READ, centerId, "查看安全日志");
        Check.at("").range("limit", limit, 1, 500, "条数");
        return store.read(s -> {
            CatalogServiceImpl.requireCenter(s, centerId);
            return s.securityEvents(centerId, limit);
        });
    }

    @Override
    public void recordDenied(Principal actor, String centerId, String subject, String remote) {
        log(centerId, actor == null ? "(匿名)" : actor.account(), SecurityEventKind.ACCESS_DENIED, subject, null, remote);
    }

    // --- checks --------------------------------------------------------------------------------

    /** Refuses, logging the refusal, unless the actor may do {@code permission} in the center. */
    private void require(Principal actor, Permission permission, String centerId, String act) {
        if (actor == null) {
            throw unauthenticated("请先登录");
        }
        if (!actor.may(permission, centerId, null)) {
            throw deny(actor, centerId, act, "需要中心“" + centerId + "”的“" + permission.label() + "”权限");
        }
    }

    /**
     * Granting or revoking the administrator role needs every permission that role carries in the
     * center, so that no one hands out more than they hold.
     */
    private void requireAdministrator(Principal actor, String centerId) {
        for (Permission p : Role.ADMINISTRATOR.permissions()) {
            if (!actor.may(p, centerId, null)) {
                throw deny(actor, centerId, "授予或撤销中心管理员角色",
                        "需要中心“" + centerId + "”的“" + p.label() + "”权限");
            }
        }
    }

    /**
     * A person's enabled flag and password hold in every center they work in; changing them needs the
     * right to manage people in all of those centers, or an administrator of one center could take over
     * an account of another by granting it a role first.
     */
    private void requireGoverns(Principal actor, String account, List<RoleGrant> held, String centerId, String act) {
        Set<String> centers = held.stream().map(RoleGrant::centerId).collect(Collectors.toCollection(TreeSet::new));
        if (centers.isEmpty()) {
            throw deny(actor, centerId, act, "需要“人员管理”权限");
        }
        for (String c : centers) {
            if (!actor.may(Permission.PEOPLE_MANAGE, c, null)) {
                throw deny(actor, centerId, act + "（" + account + "）", "该人员也在中心“" + c + "”任职，需要该中心的“人员管理”权限");
            }
        }
    }

    private OneStopException deny(Principal actor, String centerId, String act, String reason) {
        log(centerId, actor.account(), SecurityEventKind.ACCESS_DENIED, act, reason, null);
        return OneStopException.forbidden("无权" + act + "：" + reason);
    }

    /** A department-scoped grant names a department of its center. */
    private static void requirePlace(StoreSession s, RoleGrant grant, Check check) {
        if (grant.departmentId() != null && s.department(grant.centerId(), grant.departmentId()).isEmpty()) {
            throw check.invalid("departmentId", "部门“" + grant.departmentId() + "”不是中心“" + grant.centerId() + "”的进驻部门");
        }
    }

    private static PersonRecord requirePerson(StoreSession s, String account) {
        return (account == null ? Optional.<PersonRecord>empty() : s.person(account))
                .orElseThrow(() -> OneStopException.notFound("account", "人员“" + account + "”不存在"));
    }

    // --- plumbing ------------------------------------------------------------------------------

    private static Principal principal(PersonRecord p, List<RoleGrant> grants) {
        return new Principal(p.account(), p.name(), grants, Set.of(), false);
    }

    /** The person as a center's administrators see them: only the grants of that center. */
    private static Person person(PersonRecord p, List<RoleGrant> grants, String centerId, Instant now) {
        Instant locked = p.lockedUntil() != null && p.lockedUntil().isAfter(now) ? p.lockedUntil() : null;
        return new Person(p.account(), p.name(), p.enabled(),
                grants.stream().filter(g -> g.centerId().equals(centerId)).toList(), locked);
    }

    /** Writes one log entry in a transaction of its own: for refusals, whose act writes nothing. */
    private void log(String centerId, String actor, SecurityEventKind kind, String subject, String detail, String remote) {
        store.inTransaction(s -> {
            append(s, centerId, actor, kind, subject, detail, remote);
            return null;
        });
    }

    private void append(StoreSession s, String centerId, String actor, SecurityEventKind kind, String subject,
            String detail, String remote) {
        s.appendSecurityEvent(new SecurityEvent(0, clock.instant(), clip(centerId, 40), clip(actor == null ? "-" : actor, 100),
                kind, clip(subject, 400), clip(detail, 1000), clip(remote, 100)));
    }

    /** Log fields come partly from callers (paths, addresses); cut them to their columns rather than fail. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(secrets.secret());
            dummyHash = hash;
        }
        return hash;
    }

    private String format(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    private static String labels(Set<Permission> scope) {
        return scope.stream().sorted().map(Permission::label).collect(Collectors.joining("、"));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OneStopException unauthenticated(String message) {
        return new OneStopException(ErrorCode.UNAUTHENTICATED, message, null);
    }

    private OneStopException locked(Instant until) {
        return new OneStopException(ErrorCode.LOCKED, "登录失败次数过多，账号已锁定至" + format(until) + "，请届时再试", null);
    }
}
