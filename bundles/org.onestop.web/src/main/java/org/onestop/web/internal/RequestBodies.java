package org.onestop.web.internal;

import java.util.ArrayList;
import java.util.List;
import org.onestop.api.OneStopException;
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

    record ActBody(String actor, String window, String note, String on) {
    }

    record ReceiveBody(String itemCode, ApplicantBody applicant, String channel, List<MaterialBody> materials,
            ActBody act) {
    }

    static ReceiveRequest receiveRequest(ReceiveBody body) {
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
        if (body.act() == null) {
            throw OneStopException.invalid("act", "缺少经办信息（act：经办人、窗口、日期）");
        }
        return new ReceiveRequest(itemCode, applicant, channel, materials, actDetails(body.act(), "act."));
    }

    /** {@code prefix} is where the act sits in the body: {@code act.} inside a receive request, empty alone. */
    static ActDetails actDetails(ActBody body, String prefix) {
        return new ActDetails(Params.required(prefix + "actor", body.actor()), blankToNull(body.window()),
                blankToNull(body.note()), Params.date(prefix + "on", blankToNull(body.on())));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
