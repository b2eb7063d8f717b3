package org.onestop.sdk;

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

/** A small catalog the tests control: one county center, one department, one 5-day promised item. */
final class TestCatalog {

    static final String CENTER = "testcounty";
    static final String ITEM = "T-SCJG-001";

    private TestCatalog() {
    }

    static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static Item item(int promised, int legal) {
        return new Item(ITEM, 1, LocalDate.of(2025, 1, 1), "食品经营许可", ItemKind.ADMINISTRATIVE_LICENSE, "market",
                List.of(new LegalBasis("《中华人民共和国食品安全法》", "第三十五条")), HandlingType.PROMISED, legal, promised,
                List.of("申请人具有与经营的食品品种、数量相适应的经营场所"),
                List.of(new Material("食品经营许可申请书", MaterialForm.ORIGINAL, 1, true, null, "申请人自备", "申请书样本"),
                        new Material("授权委托书", MaterialForm.ORIGINAL, 1, false, "委托代理人办理的", "申请人自备", null)),
                List.of(new ProcedureStep("受理", "窗口", 0), new ProcedureStep("审查", "审查员", 3),
                        new ProcedureStep("决定", "首席代表", 2)),
                List.of(), List.of(), "食品经营许可证", "一楼A01窗口", "0555-0000001", "0555-0000002");
    }

    static CatalogDocument document(Item... items) {
        Center center = new Center(CENTER, "测试县政务服务中心", CenterLevel.COUNTY, "340522", null, "测试路1号",
                "周一至周五 8:30-17:30");
        Department market = new Department("market", "测试县市场监督管理局", creditCode("11340522MB1234567"),
                List.of(new Window("A01", "食品经营")), "王五");
        return new CatalogDocument(center, List.of(), List.of(market), List.of(items));
    }
}
