package org.onestop.web.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onestop.api.OneStopException;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.cases.ActDetails;
import org.onestop.api.cases.Applicant;
import org.onestop.api.cases.ApplicantType;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.ReceiveRequest;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.MaterialForm;

/**
 * The JSON bodies the API reads. Enums and dates arrive as strings and are converted here, because Gson
 * turns an unknown enum name into null without a word, and so that every refusal names its field. The
 * fields a service cannot do without are checked here too, before any service is called.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    record ApplicantBody(String type, String name, String idNumber, String phone) {
    }

    record MaterialBody(String name, String form, Integer copies) {
    }

    /**
     * Where and when an act is done. {@code actor} is read only to keep older clients working and is then
     * ignored: the act is recorded as the signed-in caller's, whatever a body claims.
     */
    record ActBody(String actor, String window, String note, String on) {
    }

    record ReceiveBody(String itemCode, ApplicantBody applicant, String channel, List<MaterialBody> materials,
            ActBody act) {
    }

    record SignInBody(String account, String password) {
        @Override
        public String toString() {
            return "SignInBody[account=" + account + "]";
        }
    }

    record GrantBody(String role, String departmentId, String sealId) {
    }

    record NewPersonBody(String account, String name, String password, List<GrantBody> grants) {
        @Override
        public String toString() {
            return "NewPersonBody[account=" + account + ", name=" + name + ", grants=" + grants + "]";
        }
    }

    record EnabledBody(Boolean enabled) {
    }

    record PasswordBody(String oldPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordBody[]";
        }
    }

    record NewTokenBody(String name, String departmentId, List<String> scope, String expiresAt) {
    }

    /** The item code of a receive request, which its access rule needs before the rest is checked. */
    static String itemCode(ReceiveBody body) {
        return Params.required("itemCode", body.itemCode());
    }

    /** {@code actor} is who is signed in, as the timeline shows it. */
    static ReceiveRequest receiveRequest(ReceiveBody body, String actor) {
        String itemCode = Params.required("itemCode", body.itemCode());
        if (body.applicant() == null) {
            throw OneStopException.invalid("applicant", "缺少申请人（applicant）");
        }
        ApplicantBody a = body.applicant();
        ApplicantType type = Params.enumValue(ApplicantType.class, "applicant.type",
                Params.required("applicant.type", a.type()));
        Applicant applicant = new Applicant(type, Params.required("applicant.name", a.name()),
                Params.required("applicant.idNumber", a.idNumber()), blankToNull(a.phone()));
        Channel channel = Params.enumValue(Channel.class, "channel", blankToNull(body.channel()));
        List<SubmittedMaterial> materials = new ArrayList<>();
        List<MaterialBody> given = body.materials() == null ? List.of() : body.materials();
        for (int i = 0; i < given.size(); i++) {
            String at = "materials[" + i + "]";
            MaterialBody m = given.get(i);
            if (m == null) {
                throw OneStopException.invalid(at, "材料不能为 null");
            }
            MaterialForm form = Params.enumValue(MaterialForm.class, at + ".form", Params.required(at + ".form", m.form()));
            if (m.copies() == null || m.copies() < 1) {
                throw OneStopException.invalid(at + ".copies", "份数应为正整数");
            }
            materials.add(new SubmittedMaterial(Params.required(at + ".name", m.name()), form, m.copies()));
        }
        ActBody act = body.act() == null ? new ActBody(null, null, null, null) : body.act();
        return new ReceiveRequest(itemCode, applicant, channel, materials, actDetails(act, "act.", actor));
    }

    /**
     * {@code prefix} is where the act sits in the body: {@code act.} inside a receive request, empty alone.
     * The body's own {@code actor}, if any, is ignored for {@code actor}, the signed-in caller.
     */
    static ActDetails actDetails(ActBody body, String prefix, String actor) {
        return new ActDetails(actor, blankToNull(body.window()), blankToNull(body.note()),
                Params.date(prefix + "on", blankToNull(body.on())));
    }

    /**
     * A grant in the center of the path; {@code at} is where it sits in the body (empty, or {@code grants[2].}).
     * Whether the role is held per department or per seal, and that the department exists, the access
     * service checks, naming the same fields.
     */
    static RoleGrant roleGrant(GrantBody body, String centerId, String at) {
        if (body == null) {
            throw OneStopException.invalid(at.isEmpty() ? null : at.substring(0, at.length() - 1), "角色不能为 null");
        }
        Role role = Params.enumValue(Role.class, at + "role", Params.required(at + "role", body.role()));
        return new RoleGrant(role, centerId, blankToNull(body.departmentId()), blankToNull(body.sealId()));
    }

    static NewPerson newPerson(NewPersonBody body, String centerId) {
        List<RoleGrant> grants = new ArrayList<>();
        List<GrantBody> given = body.grants() == null ? List.of() : body.grants();
        for (int i = 0; i < given.size(); i++) {
            grants.add(roleGrant(given.get(i), centerId, "grants[" + i + "]."));
        }
        return new NewPerson(Params.required("account", body.account()), Params.required("name", body.name()),
                Params.required("password", body.password()), grants);
    }

    static boolean enabled(EnabledBody body) {
        if (body.enabled() == null) {
            throw OneStopException.invalid("enabled", "缺少 enabled（true 或 false）");
        }
        return body.enabled();
    }

    static NewToken newToken(NewTokenBody body) {
        String name = Params.required("name", body.name());
        if (body.scope() == null || body.scope().isEmpty()) {
            throw OneStopException.invalid("scope", "令牌至少要有一项权限（scope）");
        }
        Set<Permission> scope = EnumSet.noneOf(Permission.class);
        for (int i = 0; i < body.scope().size(); i++) {
            String at = "scope[" + i + "]";
            scope.add(Params.enumValue(Permission.class, at, Params.required(at, body.scope().get(i))));
        }
        return new NewToken(name, blankToNull(body.departmentId()), scope,
                instant("expiresAt", Params.required("expiresAt", body.expiresAt())));
    }

    /** An instant with its offset, as 2027-06-30T16:00:00Z or 2027-07-01T00:00:00+08:00. */
    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw OneStopException.invalid(field, "时间应为带时区的 ISO-8601 格式，如 2027-07-01T00:00:00+08:00：“" + text + "”");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
