package org.onestop.web.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 *   <li>{@link #inCenter(Permission, Permission...)}: the permission (or any one of several) in the center of
 *       the path's {@code {centerId}}.</li>
 *   <li>{@link #inDepartment(Permission, DepartmentOf)}: the permission in the department the request
 *       concerns, which the rule looks up (for receiving, the item's department).</li>
 *   <li>{@link #onCase(Permission, DepartmentOf, Function)}: as {@link #inDepartment}, for a case found by number, where
 *       a caller who may not even read the case's department gets the same 404 as for a number that does
 *       not exist, so that case numbers of other departments cannot be probed.</li>
 *   <li>{@link #onCase(Permission, DepartmentsOf, DepartmentsOf, Function)}: the same with the departments
 *       spelled out: the permission in any department of the first set, and the case hidden from a caller
 *       who may read it in no department of the second. A joint case (联办件) is read by the departments of
 *       its parts as well as its own, and each part is answered in the part's department.</li>
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

    /** Finds the departments a request concerns, in the center of the path; never empty. Throws as {@link DepartmentOf}. */
    @FunctionalInterface
    public interface DepartmentsOf {
        Set<String> departmentsOf(Call call);
    }

    private static final Access OPEN = new Access(Kind.PUBLIC, List.of(), null, null, null, null, false);
    private static final Access SIGN_IN = new Access(Kind.PUBLIC, List.of(), null, null, null, null, true);
    private static final Access SIGNED_IN = new Access(Kind.SIGNED_IN, List.of(), null, null, null, null, false);
    private static final Access PERSON = new Access(Kind.PERSON, List.of(), null, null, null, null, false);

    private final Kind kind;
    private final List<Permission> permissions;
    private final Where where;
    private final DepartmentsOf departments;
    private final DepartmentsOf readableIn;
    private final Function<Call, OneStopException> hiddenAs;
    private final boolean signIn;

    private Access(Kind kind, List<Permission> permissions, Where where, DepartmentsOf departments,
            DepartmentsOf readableIn, Function<Call, OneStopException> hiddenAs, boolean signIn) {
        this.kind = kind;
        this.permissions = List.copyOf(permissions);
        this.where = where;
        this.departments = departments;
        this.readableIn = readableIn;
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
        return new Access(Kind.PERMISSION, List.of(Objects.requireNonNull(permission)), Where.ANY_CENTER, null, null,
                null, false);
    }

    /** The permission, or any one of {@code others}, in the center of the path. */
    public static Access inCenter(Permission permission, Permission... others) {
        List<Permission> all = new java.util.ArrayList<>();
        all.add(Objects.requireNonNull(permission));
        all.addAll(List.of(others));
        return new Access(Kind.PERMISSION, all, Where.CENTER, null, null, null, false);
    }

    public static Access inDepartment(Permission permission, DepartmentOf department) {
        Objects.requireNonNull(department);
        return new Access(Kind.PERMISSION, List.of(Objects.requireNonNull(permission)), Where.DEPARTMENT,
                c -> Set.of(department.departmentOf(c)), null, null, false);
    }

    /**
     * @param caseDepartment the case's department; throws {@code notFound} when there is no such case
     * @param notFound       the refusal for a case that does not exist, given also to a caller who may not read it
     */
    public static Access onCase(Permission permission, DepartmentOf caseDepartment,
            Function<Call, OneStopException> notFound) {
        Objects.requireNonNull(caseDepartment);
        DepartmentsOf only = c -> Set.of(caseDepartment.departmentOf(c));
        return onCase(permission, only, only, notFound);
    }

    /**
     * @param neededIn   the departments in any of which the permission will do; throws {@code notFound} when
     *                   there is no such case
     * @param readableIn the departments in which {@link Permission#CASE_READ} shows the case; a caller who has
     *                   it in none of them is told the case does not exist
     * @param notFound   the refusal for a case that does not exist, given also to a caller who may not read it
     */
    public static Access onCase(Permission permission, DepartmentsOf neededIn, DepartmentsOf readableIn,
            Function<Call, OneStopException> notFound) {
        return new Access(Kind.PERMISSION, List.of(Objects.requireNonNull(permission)), Where.DEPARTMENT,
                Objects.requireNonNull(neededIn), Objects.requireNonNull(readableIn), Objects.requireNonNull(notFound),
                false);
    }

    public Kind kind() {
        return kind;
    }

    /** The permission needed (the first, when any of several will do); null unless {@link Kind#PERMISSION}. */
    public Permission permission() {
        return permissions.isEmpty() ? null : permissions.get(0);
    }

    /** The permissions any one of which will do; empty unless {@link Kind#PERMISSION}. */
    public List<Permission> permissions() {
        return permissions;
    }

    /** Where the permission is needed; null unless {@link Kind#PERMISSION}. */
    public Where where() {
        return where;
    }

    /** The departments the request concerns, in any of which the permission will do. */
    Set<String> departments(Call call) {
        return departments.departmentsOf(call);
    }

    /** The departments in which reading the case is allowed; only for a rule that {@link #hidesUnreadable()}. */
    Set<String> readableIn(Call call) {
        return readableIn.departmentsOf(call);
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

    /**
     * What {@code x-onestop-access} says in {@code openapi.json}: PUBLIC, SIGNED_IN, PERSON or the permission,
     * several joined by {@code |}.
     */
    public String describe() {
        return kind == Kind.PERMISSION ? permissions.stream().map(Enum::name).collect(Collectors.joining("|"))
                : kind.name();
    }

    /** The labels of the permissions, as the refusal names them: “受理”, or “首问登记”或“电子监察”. */
    String labels() {
        return permissions.stream().map(p -> "“" + p.label() + "”").collect(Collectors.joining("或"));
    }

    @Override
    public String toString() {
        return kind == Kind.PERMISSION ? "Access[" + describe() + " in " + where + "]" : "Access[" + kind + "]";
    }
}
