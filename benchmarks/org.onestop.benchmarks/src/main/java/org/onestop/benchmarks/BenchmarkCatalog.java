package org.onestop.benchmarks;

import java.time.LocalDate;
import java.util.List;
import org.onestop.api.cases.SubmittedMaterial;
import org.onestop.api.catalog.CatalogDocument;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.Item;
import org.onestop.api.catalog.ItemKind;
import org.onestop.api.catalog.LegalBasis;
import org.onestop.api.catalog.Material;
import org.onestop.api.catalog.MaterialForm;
import org.onestop.api.catalog.ProcedureStep;
import org.onestop.api.catalog.Window;
import org.onestop.api.id.CreditCode;

/**
 * The benchmark's own small catalog: one county center, one department, one promised item (承诺件) of 5
 * working days whose procedure is issue 5's full path: 受理, three review steps, 送达.
 */
final class BenchmarkCatalog {

    static final String CENTER = "benchcounty";
    static final String ITEM = "B-SCJG-001";

    /** Every material the item asks for, all required, so that each case hands in all of them. */
    static final List<Material> MATERIALS = List.of(
            new Material("食品经营许可申请书", MaterialForm.ORIGINAL, 1, true, null, "申请人自备", "《食品经营许可申请书》"),
            new Material("营业执照", MaterialForm.COPY, 1, true, null, "市场监管部门核发", null));

    /**
     * The item's procedure: acceptance completes the first step, {@code completeStep} the three review steps,
     * delivery the last. The step limits add up to the promised limit.
     */
    static final List<ProcedureStep> STEPS = List.of(new ProcedureStep("受理", "窗口受理人员", 0),
            new ProcedureStep("审查", "审查员", 2), new ProcedureStep("核查", "核查员", 1),
            new ProcedureStep("决定", "首席代表", 1), new ProcedureStep("送达", "发证窗口人员", 1));

    private BenchmarkCatalog() {
    }

    static CatalogDocument document() {
        Center center = new Center(CENTER, "基准县政务服务中心", CenterLevel.COUNTY, "340522", null, "基准路1号",
                "周一至周五 8:30-17:30");
        String first17 = "11340522MB1234567";
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        Department market = new Department("market", "基准县市场监督管理局", creditCode, List.of(new Window("A01", "食品经营")),
                "王五");
        Item item = new Item(ITEM, 1, LocalDate.of(2025, 1, 1), "食品经营许可", ItemKind.ADMINISTRATIVE_LICENSE, "market",
                List.of(new LegalBasis("《中华人民共和国食品安全法》", "第三十五条")), HandlingType.PROMISED, 20, 5,
                List.of("申请人具有与经营的食品品种、数量相适应的经营场所"), MATERIALS, STEPS, List.of(), List.of(),
                "食品经营许可证", "一楼A01窗口", "0555-0000001", "0555-0000002", List.of());
        return new CatalogDocument(center, List.of(), List.of(market), List.of(item));
    }

    /** What each case hands in: every material of the item, in its form and number of copies. */
    static List<SubmittedMaterial> submitted() {
        return MATERIALS.stream().map(m -> new SubmittedMaterial(m.name(), m.form(), m.copies())).toList();
    }
}
