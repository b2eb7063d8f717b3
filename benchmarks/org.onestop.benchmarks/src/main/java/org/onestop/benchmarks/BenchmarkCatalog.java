package org.onestop.benchmarks;

import java.time.LocalDate;
import java.util.List;
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

/** The benchmark's own small catalog: one county center, one department, one promised item of 5 working days. */
final class BenchmarkCatalog {

    static final String CENTER = "benchcounty";
    static final String ITEM = "B-SCJG-001";
    static final String MATERIAL = "食品经营许可申请书";

    private BenchmarkCatalog() {
    }

    static CatalogDocument document() {
        Center center = new Center(CENTER, "基准县政务服务中心", CenterLevel.COUNTY, "340522", null, "基准路1号",
                "周一至周五 8:30-17:30");
        String first17 = "11340522MB1234567";
        String creditCode = first17 + CreditCode.checkCharacter(first17);
        Department market = new Department("market", "基准县市场监督管理局", creditCode, List.of(new Window("A01", "食品经营")),
                "王五");
        // The three steps after acceptance that issue 5's full path walks through.
        Item item = new Item(ITEM, 1, LocalDate.of(2025, 1, 1), "食品经营许可", ItemKind.ADMINISTRATIVE_LICENSE, "market",
                List.of(new LegalBasis("《中华人民共和国食品安全法》", "第三十五条")), HandlingType.PROMISED, 20, 5,
                List.of("申请人具有与经营的食品品种、数量相适应的经营场所"),
                List.of(new Material(MATERIAL, MaterialForm.ORIGINAL, 1, true, null, "申请人自备", null)),
                List.of(new ProcedureStep("初审", "审查员", 2), new ProcedureStep("复审", "科长", 2),
                        new ProcedureStep("决定", "首席代表", 1)),
                List.of(), List.of(), "食品经营许可证", "一楼A01窗口", "0555-0000001", "0555-0000002");
        return new CatalogDocument(center, List.of(), List.of(market), List.of(item));
    }
}
