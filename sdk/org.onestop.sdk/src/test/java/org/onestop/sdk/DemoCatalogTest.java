package org.onestop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.catalog.HandlingType;
import org.onestop.api.catalog.ImportReport;
import org.onestop.api.catalog.Item;

/** The demo center's catalog, as shipped in the distribution's demo base, imports whole and valid. */
class DemoCatalogTest {

    static final Path DEMO = Path.of("../../distribution/src/main/demo-base/etc/catalog");

    @Test
    void bothCentersImportParentFirstWithEveryItem(@TempDir Path data) {
        try (OneStop oneStop = OneStop.builder().dataDir(data).build()) {
            List<ImportReport> reports = oneStop.importCatalogFolder(DEMO);
            assertEquals(List.of("maanshan", "hanshan"), reports.stream().map(ImportReport::centerId).toList());
            assertEquals("maanshan", oneStop.catalog().center("hanshan").orElseThrow().parentId());
            List<Item> items = oneStop.catalog().items("hanshan", null);
            assertTrue(items.size() >= 10 && items.size() <= 15, "10 to 15 items: " + items.size());
            assertTrue(oneStop.catalog().departments("hanshan").size() >= 4);
            for (HandlingType type : HandlingType.values()) {
                assertTrue(items.stream().anyMatch(i -> i.handlingType() == type), "an item handled as " + type);
            }
            assertTrue(items.stream().allMatch(i -> i.promisedLimitDays() <= i.legalLimitDays()));
            assertEquals(0, oneStop.importCatalogFolder(DEMO).stream().mapToInt(ImportReport::itemVersionsAdded).sum(),
                    "a second start imports nothing new");
        }
    }
}
