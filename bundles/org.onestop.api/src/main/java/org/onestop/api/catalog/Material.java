package org.onestop.api.catalog;

/**
 * One material an applicant submits (申请材料).
 *
 * @param name      what the material is
 * @param form      original, copy or electronic
 * @param copies    how many copies (份数), at least 1
 * @param required  true when always required; false when required only under {@code condition}
 * @param condition when a conditional material is required (for example {@code 委托他人办理的}); null when required
 * @param source    where the applicant gets it (来源渠道), for example {@code 申请人自备}
 * @param template  the name or address of its blank form or sample (表格/样本); may be null
 */
public record Material(String name, MaterialForm form, int copies, boolean required, String condition,
        String source, String template) {
}
