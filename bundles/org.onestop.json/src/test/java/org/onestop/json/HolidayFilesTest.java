package org.onestop.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.HolidayDay;
import org.onestop.api.calendar.HolidaySchedule;

class HolidayFilesTest {

    private static final String GOOD = """
            {"year": 2027, "papers": ["测试通知"], "days": [
              {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
              {"name": "春节", "date": "2027-02-06", "isOffDay": false}
            ]}""";

    private static HolidaySchedule read(String json) {
        return HolidayFiles.read(new StringReader(json), "t.json");
    }

    private static OneStopException refused(String json) {
        OneStopException e = assertThrows(OneStopException.class, () -> read(json));
        assertEquals(ErrorCode.INVALID, e.code());
        return e;
    }

    private static String oneDay(String day) {
        return "{\"year\": 2027, \"days\": [" + day + "]}";
    }

    @Test
    void readsTheHolidayCnLayout() {
        HolidaySchedule schedule = read(GOOD);
        assertEquals(2027, schedule.year());
        assertEquals(List.of("测试通知"), schedule.papers());
        assertEquals(List.of(
                new HolidayDay("元旦", LocalDate.of(2027, 1, 1), true),
                new HolidayDay("春节", LocalDate.of(2027, 2, 6), false)), schedule.days());
    }

    @Test
    void ignoresHolidayCnSchemaFieldsAndSortsDays() {
        HolidaySchedule schedule = read("""
                {"$schema": "https://example/schema.json", "$id": "x", "year": 2027, "days": [
                  {"name": "劳动节", "date": "2027-05-03", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true}
                ]}""");
        assertEquals(List.of(), schedule.papers());
        assertEquals(LocalDate.of(2027, 1, 1), schedule.days().get(0).date());
    }

    @Test
    void acceptsAByteOrderMark() {
        assertEquals(2027, read("\uFEFF" + GOOD).year());
    }

    @Test
    void malformedJsonIsAOneStopExceptionNamingTheFile() {
        OneStopException e = refused("{\"year\": 2027, \"days\": [\n{\"name\": \"元旦\",, }]}");
        assertEquals("t.json", e.field());
        assertTrue(e.getMessage().contains("第 2 行"), e.getMessage());
        assertEquals("t.json", refused("").field());
        assertEquals("t.json", refused("[1, 2]").field());
        assertEquals("t.json", refused(GOOD + " {}").field());
        // Strict parsing: comments are pointed out rather than silently accepted.
        assertEquals("t.json", refused("// 2027\n" + GOOD).field());
    }

    @Test
    void yearMustBePresentAndPlausible() {
        assertEquals("t.json: year", refused("{\"days\": []}").field());
        assertEquals("t.json: year", refused("{\"year\": \"2027\", \"days\": []}").field());
        assertEquals("t.json: year", refused("{\"year\": 1948, \"days\": []}").field());
        assertEquals("t.json: year", refused("{\"year\": 2201, \"days\": []}").field());
        assertEquals("t.json: year", refused("{\"year\": 2027.5, \"days\": []}").field());
        assertEquals(1949, read("{\"year\": 1949, \"days\": [{\"name\": \"元旦\", \"date\": \"1949-01-01\", \"isOffDay\": true}]}").year());
    }

    @Test
    void daysMustBeAListThatIsNotEmpty() {
        assertEquals("t.json: days", refused("{\"year\": 2027}").field());
        assertEquals("t.json: days", refused("{\"year\": 2027, \"days\": []}").field());
        assertEquals("t.json: days[0]", refused(oneDay("\"2027-01-01\"")).field());
    }

    @Test
    void everyDateMustBeInsideTheYear() {
        OneStopException e = refused("""
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2026-12-31", "isOffDay": true}
                ]}""");
        assertEquals("t.json: days[1].date", e.field());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
    }

    @Test
    void noDateTwice() {
        OneStopException e = refused("""
                {"year": 2027, "days": [
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
                  {"name": "元旦", "date": "2027-01-01", "isOffDay": true}
                ]}""");
        assertEquals("t.json: days[2].date", e.field());
        assertTrue(e.getMessage().contains("days[0]"), e.getMessage());
    }

    @Test
    void dateMustBeIso() {
        assertEquals("t.json: days[0].date", refused(oneDay("{\"name\": \"元旦\", \"date\": \"2027/01/01\", \"isOffDay\": true}")).field());
        assertEquals("t.json: days[0].date", refused(oneDay("{\"name\": \"元旦\", \"date\": \"2027-02-30\", \"isOffDay\": true}")).field());
        assertEquals("t.json: days[0].date", refused(oneDay("{\"name\": \"元旦\", \"date\": 20270101, \"isOffDay\": true}")).field());
        assertEquals("t.json: days[0].date", refused(oneDay("{\"name\": \"元旦\", \"isOffDay\": true}")).field());
    }

    @Test
    void nameMustNotBeBlank() {
        assertEquals("t.json: days[0].name", refused(oneDay("{\"name\": \"  \", \"date\": \"2027-01-01\", \"isOffDay\": true}")).field());
        assertEquals("t.json: days[0].name", refused(oneDay("{\"date\": \"2027-01-01\", \"isOffDay\": true}")).field());
    }

    @Test
    void isOffDayMustBePresentAndBoolean() {
        assertEquals("t.json: days[0].isOffDay", refused(oneDay("{\"name\": \"元旦\", \"date\": \"2027-01-01\"}")).field());
        assertEquals("t.json: days[0].isOffDay", refused(oneDay("{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": \"true\"}")).field());
    }

    @Test
    void aMakeUpWorkingDayMustBeAWeekendDay() {
        // 2027-01-04 is a Monday: calling it a make-up working day is a typo in the file.
        OneStopException e = refused(oneDay("{\"name\": \"元旦\", \"date\": \"2027-01-04\", \"isOffDay\": false}"));
        assertEquals("t.json: days[0].date", e.field());
    }

    @Test
    void builtInShipsTheNoticesOf2025And2026() {
        List<HolidaySchedule> builtIn = HolidayFiles.builtIn();
        List<Integer> years = builtIn.stream().map(HolidaySchedule::year).toList();
        assertTrue(years.containsAll(List.of(2025, 2026)), years.toString());
        assertEquals(years.stream().sorted().toList(), years);

        HolidaySchedule y2025 = builtIn.get(years.indexOf(2025));
        assertTrue(y2025.papers().get(0).contains("国办发明电〔2024〕12号"));
        // 国办发明电〔2024〕12号: 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆中秋 8 days off.
        assertEquals(28, y2025.days().stream().filter(HolidayDay::isOffDay).count());
        assertEquals(List.of(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)), makeUpDays(y2025));

        HolidaySchedule y2026 = builtIn.get(years.indexOf(2026));
        assertTrue(y2026.papers().get(0).contains("国办发明电〔2025〕7号"));
        // 国办发明电〔2025〕7号: 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7 days off.
        assertEquals(33, y2026.days().stream().filter(HolidayDay::isOffDay).count());
        assertEquals(List.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)), makeUpDays(y2026));
        assertTrue(y2026.days().contains(new HolidayDay("春节", LocalDate.of(2026, 2, 23), true)));
        assertTrue(y2026.days().contains(new HolidayDay("中秋节", LocalDate.of(2026, 9, 25), true)));
    }

    @Test
    void theIndexListsEveryShippedFile() throws IOException {
        // Guards the one manual step of adding a year: the file and its line in years.txt.
        Path folder = Path.of("src/main/resources/org/onestop/json/calendar");
        List<Integer> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> Integer.valueOf(n.substring(0, n.length() - 5))).sorted().toList();
        }
        assertEquals(files, HolidayFiles.builtIn().stream().map(HolidaySchedule::year).toList());
    }

    @Test
    void missingFolderIsEmpty(@TempDir Path dir) {
        assertEquals(List.of(), HolidayFiles.readFolder(dir.resolve("calendar")));
        assertEquals(List.of(), HolidayFiles.readFolder(dir));
    }

    @Test
    void readsEveryJsonFileOfAFolderSortedByYear(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), GOOD, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("2025-fix.json"), oneDay("{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}")
                .replace("2027", "2025"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "not json", StandardCharsets.UTF_8);
        List<HolidaySchedule> read = HolidayFiles.readFolder(dir);
        assertEquals(List.of(2025, 2027), read.stream().map(HolidaySchedule::year).toList());
    }

    @Test
    void aBadFileIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), oneDay("{\"name\": \"元旦\", \"date\": \"2028-01-01\", \"isOffDay\": true}"));
        OneStopException e = assertThrows(OneStopException.class, () -> HolidayFiles.readFolder(dir));
        assertEquals(dir.resolve("2027.json") + ": days[0].date", e.field());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("2027.json"), GOOD.getBytes(java.nio.charset.Charset.forName("GBK")));
        OneStopException e = assertThrows(OneStopException.class, () -> HolidayFiles.readFolder(dir));
        assertEquals(dir.resolve("2027.json").toString(), e.field());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aFileNamedForAnotherYearIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2028.json"), GOOD);
        OneStopException e = assertThrows(OneStopException.class, () -> HolidayFiles.readFolder(dir));
        assertEquals(dir.resolve("2028.json") + ": year", e.field());
    }

    @Test
    void twoFilesForOneYearAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2027.json"), GOOD);
        Files.writeString(dir.resolve("2027-copy.json"), GOOD);
        OneStopException e = assertThrows(OneStopException.class, () -> HolidayFiles.readFolder(dir));
        assertTrue(e.field().endsWith(": year"), e.field());
    }

    @Test
    void aLocalFileReplacesTheBuiltInYear() {
        HolidaySchedule builtIn2025 = schedule(2025, "内置");
        HolidaySchedule builtIn2026 = schedule(2026, "内置");
        HolidaySchedule local2026 = schedule(2026, "本地更正");
        HolidaySchedule local2027 = schedule(2027, "本地新增");
        Map<Integer, HolidaySchedule> merged = HolidayFiles.merge(List.of(builtIn2026, builtIn2025), List.of(local2027, local2026));
        assertEquals(List.of(2025, 2026, 2027), List.copyOf(merged.keySet()));
        assertSame(builtIn2025, merged.get(2025));
        assertSame(local2026, merged.get(2026));
        assertSame(local2027, merged.get(2027));
        assertEquals(Map.of(2025, builtIn2025), HolidayFiles.merge(List.of(builtIn2025), List.of()));
    }

    @Test
    void mergeRefusesAYearTwiceInOneList() {
        assertThrows(OneStopException.class,
                () -> HolidayFiles.merge(List.of(schedule(2026, "a"), schedule(2026, "b")), List.of()));
    }

    private static HolidaySchedule schedule(int year, String paper) {
        return new HolidaySchedule(year, List.of(paper), List.of(new HolidayDay("元旦", LocalDate.of(year, 1, 1), true)));
    }

    private static List<LocalDate> makeUpDays(HolidaySchedule schedule) {
        return schedule.days().stream().filter(d -> !d.isOffDay()).map(HolidayDay::date).toList();
    }
}
