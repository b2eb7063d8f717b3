package org.onestop.core.internal.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onestop.api.cases.Channel;
import org.onestop.api.cases.MaterialProblem;
import org.onestop.api.cases.ProblemKind;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.MaterialForm;

/**
 * Materials against the item's list (材料审查), and the one-time rule (一次性告知): a later notice may not
 * flag a material that an earlier notice found in order.
 */
final class MaterialRules {

    private MaterialRules() {
    }

    /**
     * Every required material, and every conditional one whose condition was met, that is missing, in the
     * wrong form or short of copies, in the item's order.
     */
    static List<MaterialProblem> check(Item item, Channel channel, List<SubmittedMaterial> submitted,
            List<String> conditionsMet) {
        List<MaterialProblem> problems = new ArrayList<>();
        for (Material m : item.materials()) {
            if (!m.required() && !conditionsMet.contains(m.name())) {
                continue;
            }
            Optional<SubmittedMaterial> given = submitted.stream().filter(s -> s.name().equals(m.name())).findFirst();
            if (given.isEmpty()) {
                problems.add(new MaterialProblem(m.name(), ProblemKind.MISSING, "请提交" + m.form().label() + m.copies() + "份"));
            } else if (!formMeets(given.get().form(), m.form(), channel)) {
                problems.add(new MaterialProblem(m.name(), ProblemKind.WRONG_FORM,
                        "应提交" + m.form().label() + "，收到的是" + given.get().form().label()));
            } else if (given.get().copies() < m.copies()) {
                problems.add(new MaterialProblem(m.name(), ProblemKind.TOO_FEW_COPIES,
                        "应提交" + m.copies() + "份，收到" + given.get().copies() + "份"));
            }
        }
        return problems;
    }

    /** An original serves where a copy is asked (the window copies it); online, an electronic file serves all. */
    private static boolean formMeets(MaterialForm given, MaterialForm asked, Channel channel) {
        return given == asked || (asked == MaterialForm.COPY && given == MaterialForm.ORIGINAL)
                || (channel == Channel.ONLINE && given == MaterialForm.ELECTRONIC);
    }

    /** The names of the problems a notice may not raise: materials already found in order. */
    static List<String> breaches(List<MaterialProblem> notice, List<String> settled) {
        Set<String> names = new LinkedHashSet<>();
        for (MaterialProblem p : notice) {
            if (settled.contains(p.material())) {
                names.add(p.material());
            }
        }
        return List.copyOf(names);
    }

    /** Problems of both lists, once each (same material and kind), the first list's first. */
    static List<MaterialProblem> union(List<MaterialProblem> first, List<MaterialProblem> second) {
        List<MaterialProblem> all = new ArrayList<>(first);
        for (MaterialProblem p : second) {
            if (all.stream().noneMatch(q -> q.material().equals(p.material()) && q.kind() == p.kind())) {
                all.add(p);
            }
        }
        return all;
    }
}
