package org.onestop.core.internal.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.json.HolidayFiles;

/** A center drops next year's holiday file into its base; it takes effect without a restart. */
class NationalSchedulesTest {

    static final String YEAR_2027 = """
            {"year": 2027, "papers": ["测试用通知"], "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true}
            ]}
            """;

    @Test
    void aFileDroppedIntoTheFolderIsPickedUpAndABadOneIsIgnored(@TempDir Path folder) throws Exception {
        NationalSchedules schedules = new NationalSchedules(HolidayFiles.builtIn(), folder, HolidayFiles::readFolder,
                Duration.ZERO);
        assertEquals(List.of(2025, 2026), new TreeSet<>(schedules.byYear().keySet()).stream().toList());

        Files.writeString(folder.resolve("2027.json"), YEAR_2027);
        assertTrue(schedules.byYear().containsKey(2027), "next year's file is used");
        assertTrue(new CalendarRules(schedules.byYear(), java.util.Map.of())
                .day(java.time.LocalDate.of(2027, 1, 1)).kind() == org.onestop.api.calendar.DayKind.HOLIDAY);

        Files.writeString(folder.resolve("2028.json"), "{\"year\": 2028, \"days\": [{\"name\": \"x\"}]}");
        assertTrue(schedules.byYear().containsKey(2027), "a bad file leaves what was in force");
    }

    @Test
    void theFolderIsNotListedOnEveryCall(@TempDir Path folder) throws Exception {
        NationalSchedules schedules = new NationalSchedules(HolidayFiles.builtIn(), folder, HolidayFiles::readFolder,
                Duration.ofHours(1));
        Files.writeString(folder.resolve("2027.json"), YEAR_2027);
        assertTrue(!schedules.byYear().containsKey(2027), "looked at again only after the recheck interval");
    }
}
