package org.onestop.web.internal;

import java.util.Objects;
import java.util.function.Function;
import org.onestop.api.OneStopException;
import org.onestop.api.access.Permission;

/**
 * Who may call a route (访问规则). Every route declares one and the {@link ApiRouter} refuses to be built
 * with a route that has none, so an endpoint added without thinking about access fails every test instead
 * of going out open. The router checks the rule before the handler runs: a refused call changes nothing.
 *
 * <ul>
 *   <li>{@link #open()}: anyone, signed in or not (service guides, the calendar, a case's public progress).</li>
 *   <li>{@link #signedIn()}: any signed-in person or integration token.</li>
 *   <li>{@link #person()}: a signed-in person; an integration token is refused.</li>
 *   <li>{@link #inAnyCenter(Permission)}: the permission in at least one center (the platform's plugins
 *       belong to no center).</li>
 *   <li>{@link #inCenter(Permission)}: the permission in the center of the path's {@code {centerId}}.</li>
 *   <li>{@link #inDepartment(Permission, DepartmentOf)}: the permission in the department the request
 *       concerns, which the rule looks up (for receiving, the item's department).</li>
 *   <li>{@link #onCase(Permission, DepartmentOf, Function)}: as {@link #inDepartment}, for a case found by number, where
 *       a caller who may not even read the case's department gets the same 404 as for a number that does
 *       not exist, so that case numbers of other departments cannot be probed.</li>
 * </ul>
 */
public final class Access {

    /** What kind of rule. */
    public enum Kind {
        PUBLIC, SIGNED_IN, PERSON, PERMISSION
    }

    /** Where a permission must be held. */
    public enum Where {
        ANY_CENTER, CENTER, DEPARTMENT
    }

    /**
     * Finds the department a request concerns, in the center of the path. Throws the
     * {@link org.onestop.api.OneStopException} a missing thing deserves (404 naming the field, or 400).
     */
    @FunctionalInterface
    public interface DepartmentOf {
        String departmentOf(Call call);
    }

    private static final Access OPEN = new Access(Kind.PUBLIC, null, null, null, null, false);
    private static final Access SIGN_IN = new Access(Kind.PUBLIC, null, null, null, null, true);
    private static final Access SIGNED_IN = new Access(Kind.SIGNED_IN, null, null, null, null, false);
    private static final Access PERSON = new Access(Kind.PERSON, null, null, null, null, false);

    private final Kind kind;
    private final Permission permission;
    private final Where where;
    private final DepartmentOf department;
    private final Function<Call, OneStopException> hiddenAs;
    private final boolean signIn;

    private Access(Kind kind, Permission permission, Where where, DepartmentOf department,
            Function<Call, OneStopException> hiddenAs, boolean signIn) {
        this.kind = kind;
        this.permission = permission;
        this.where = where;
        this.department = department;
        this.hiddenAs = hiddenAs;
        this.signIn = signIn;
    }

    public static Access open() {
        return OPEN;
    }

    /**
     * Open, and exempt from the CSRF check: signing in carries its credential (the password) in the body, not
     * in an ambient cookie, and a session cookie it finds is ended rather than used.
     */
    public static Access signIn() {
        return SIGN_IN;
    }

    public static Access signedIn() {
        return SIGNED_IN;
    }

    public static Access person() {
        return PERSON;
    }

    public static Access inAnyCenter(Permission permission) {
        return new Access(Kind.PERMISSION, Objects.requireNonNull(permission), Where.ANY_CENTER, null, null, false);
    }

    public static Access inCenter(Permission permission) {
        return new Access(Kind.PERMISSION, Objects.requireNonNull(permission), Where.CENTER, null, null, false);
    }

    public static Access inDepartment(Permission permission, DepartmentOf department) {
        return new Access(Kind.PERMISSION, Objects.requireNonNull(permission), Where.DEPARTMENT,
                Objects.requireNonNull(department), null, false);
    }

    /**
     * @param caseDepartment the case's department; throws {@code notFound} when there is no such case
     * @param notFound       the refusal for a case that does not exist, given also to a caller who may not read it
     */
    public static Access onCase(Permission permission, DepartmentOf caseDepartment,
            Function<Call, OneStopException> notFound) {
        return new Access(Kind.PERMISSION, Objects.requireNonNull(permission), Where.DEPARTMENT,
                Objects.requireNonNull(caseDepartment), Objects.requireNonNull(notFound), false);
    }

    public Kind kind() {
        return kind;
    }

    /** The permission needed; null unless {@link Kind#PERMISSION}. */
    public Permission permission() {
        return permission;
    }

    /** Where the permission is needed; null unless {@link Kind#PERMISSION}. */
    public Where where() {
        return where;
    }

    DepartmentOf department() {
        return department;
    }

    /** Whether a caller who may not read the case is told it does not exist (404) rather than 403. */
    public boolean hidesUnreadable() {
        return hiddenAs != null;
    }

    /** The refusal a caller who may not read the case gets: the one for a case that does not exist. */
    OneStopException hiddenAs(Call call) {
        return hiddenAs.apply(call);
    }

    /** Whether this is the sign-in route, exempt from the CSRF check. */
    public boolean isSignIn() {
        return signIn;
    }

    /** What {@code x-onestop-access} says in {@code openapi.json}: PUBLIC, SIGNED_IN, PERSON or the permission. */
    public String describe() {
        return kind == Kind.PERMISSION ? permission.name() : kind.name();
    }

    @Override
    public String toString() {
        return kind == Kind.PERMISSION ? "Access[" + permission + " in " + where + "]" : "Access[" + kind + "]";
    }
}
