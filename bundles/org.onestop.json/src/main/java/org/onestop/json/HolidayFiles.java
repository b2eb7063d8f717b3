package org.onestop.json;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onestop.api.OneStopException;
import org.onestop.api.calendar.HolidayDay;
import org.onestop.api.calendar.HolidaySchedule;

/**
 * Reads the national holiday schedules (法定节假日安排): the ones shipped in this bundle, one file per
 * year, and the ones a center puts in its base when the State Council publishes next year's notice.
 * The files use holiday-cn's layout:
 * {@code {"year": 2026, "papers": [...], "days": [{"name": "春节", "date": "2026-02-15", "isOffDay": true}]}}.
 *
 * <p>Every rule a file breaks is reported as {@link OneStopException#invalid} whose field is
 * {@code "<file>: days[3].date"}, so the person who edited the file can find the line.
 */
public final class HolidayFiles {

    /** The earliest and latest year a schedule may be for; outside them the file is surely mistyped. */
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2200;

    private static final String BUILT_IN_FOLDER = "calendar/";
    private static final String BUILT_IN_INDEX = BUILT_IN_FOLDER + "years.txt";
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Pattern YEAR_FILE_NAME = Pattern.compile("(\\d{4})\\.json");

    private HolidayFiles() {
    }

    /**
     * Reads and checks one schedule.
     *
     * @param reader the file's text; not closed here
     * @param source how to name the file in error messages, such as {@code 2026.json}
     * @throws OneStopException when the text is not JSON or breaks a rule of the layout
     */
    public static HolidaySchedule read(Reader reader, String source) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(source, "source");
        JsonElement root = parse(reader, source);
        if (root == null || !root.isJsonObject()) {
            throw OneStopException.invalid(source, "节假日文件应是一个 JSON 对象（以 { 开头）");
        }
        JsonObject object = root.getAsJsonObject();
        int year = readYear(object.get("year"), source);
        List<String> papers = readPapers(object.get("papers"), source);
        List<HolidayDay> days = readDays(object.get("days"), year, source);
        return new HolidaySchedule(year, papers, days);
    }

    /** The schedules shipped in this bundle, ascending by year. */
    public static List<HolidaySchedule> builtIn() {
        List<HolidaySchedule> schedules = new ArrayList<>();
        for (int year : builtInYears()) {
            String name = BUILT_IN_FOLDER + year + ".json";
            HolidaySchedule schedule;
            try (Reader reader = resource(name)) {
                schedule = read(reader, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in " + name, e);
            }
            if (schedule.year() != year) {
                // A packaging mistake, not something a center can fix: fail loudly.
                throw new IllegalStateException(name + " holds year " + schedule.year());
            }
            schedules.add(schedule);
        }
        schedules.sort(Comparator.comparingInt(HolidaySchedule::year));
        return List.copyOf(schedules);
    }

    /**
     * Every {@code *.json} schedule in a folder, ascending by year. A missing folder is an empty list,
     * since most centers never add a file.
     *
     * @throws OneStopException naming the file when one is bad, or when two files are for the same year
     */
    public static List<HolidaySchedule> readFolder(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw OneStopException.invalid(dir.toString(), "无法读取节假日文件夹：" + e.getMessage());
        }
        // Sorted by name so that which of two same-year files is blamed does not depend on the disk.
        Collections.sort(files);
        Map<Integer, Path> seen = new HashMap<>();
        List<HolidaySchedule> schedules = new ArrayList<>();
        for (Path file : files) {
            String source = file.toString();
            HolidaySchedule schedule;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                schedule = read(reader, source);
            } catch (IOException e) {
                throw OneStopException.invalid(source, "无法读取节假日文件：" + e.getMessage());
            }
            Matcher named = YEAR_FILE_NAME.matcher(file.getFileName().toString());
            if (named.matches() && Integer.parseInt(named.group(1)) != schedule.year()) {
                throw OneStopException.invalid(source + ": year",
                        "文件名是 " + named.group(1) + " 年，内容却是 " + schedule.year() + " 年");
            }
            Path earlier = seen.putIfAbsent(schedule.year(), file);
            if (earlier != null) {
                throw OneStopException.invalid(source + ": year",
                        schedule.year() + " 年已由 " + earlier.getFileName() + " 给出，同一年只能有一个文件");
            }
            schedules.add(schedule);
        }
        schedules.sort(Comparator.comparingInt(HolidaySchedule::year));
        return List.copyOf(schedules);
    }

    /**
     * The schedules by year (ascending keys): the built-in ones, where a center's own file for a year
     * replaces the built-in one for that year (a corrected or newer notice).
     */
    public static Map<Integer, HolidaySchedule> merge(List<HolidaySchedule> builtIn, List<HolidaySchedule> local) {
        Map<Integer, HolidaySchedule> byYear = new TreeMap<>();
        putAll(byYear, Objects.requireNonNull(builtIn, "builtIn"), "builtIn");
        Map<Integer, HolidaySchedule> localByYear = new TreeMap<>();
        putAll(localByYear, Objects.requireNonNull(local, "local"), "local");
        byYear.putAll(localByYear);
        return Collections.unmodifiableMap(byYear);
    }

    private static void putAll(Map<Integer, HolidaySchedule> into, List<HolidaySchedule> schedules, String field) {
        for (HolidaySchedule schedule : schedules) {
            if (into.putIfAbsent(schedule.year(), schedule) != null) {
                throw OneStopException.invalid(field, schedule.year() + " 年的节假日安排出现了两次");
            }
        }
    }

    private static List<Integer> builtInYears() {
        List<Integer> years = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(resource(BUILT_IN_INDEX))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    years.add(Integer.valueOf(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN_INDEX, e);
        }
        return years;
    }

    /** Relative to this class, so it resolves inside the bundle under OSGi and on a plain class path. */
    private static Reader resource(String name) {
        InputStream in = HolidayFiles.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource org/onestop/json/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static JsonElement parse(Reader reader, String source) {
        Gson gson = OneStopJson.gson();
        try {
            JsonReader json = gson.newJsonReader(skipByteOrderMark(reader));
            // Strict: a hand-edited file with comments or single quotes should be pointed out, not guessed.
            json.setStrictness(Strictness.STRICT);
            JsonElement root = gson.fromJson(json, JsonElement.class);
            if (root != null && json.peek() != JsonToken.END_DOCUMENT) {
                throw OneStopException.invalid(source, "JSON 对象结束后还有多余的内容");
            }
            return root;
        } catch (JsonParseException | IOException e) {
            throw OneStopException.invalid(source, describe(e));
        }
    }

    /** Windows editors may save UTF-8 with a byte order mark, which JSON does not allow. */
    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }

    private static String describe(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return "文件不是 UTF-8 编码，请另存为 UTF-8";
            }
        }
        Matcher at = LINE_COLUMN.matcher(String.valueOf(e.getMessage()));
        if (at.find()) {
            return "不是有效的 JSON：第 " + at.group(1) + " 行第 " + at.group(2) + " 列附近有语法错误";
        }
        return "不是有效的 JSON，或文件不完整";
    }

    private static int readYear(JsonElement value, String source) {
        String field = source + ": year";
        if (value == null || value.isJsonNull()) {
            throw OneStopException.invalid(field, "缺少年份（year）");
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            throw OneStopException.invalid(field, "年份应是整数，例如 2026");
        }
        BigDecimal number = primitive.getAsBigDecimal();
        if (number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(MIN_YEAR)) < 0
                || number.compareTo(BigDecimal.valueOf(MAX_YEAR)) > 0) {
            throw OneStopException.invalid(field, "年份应是 " + MIN_YEAR + " 到 " + MAX_YEAR + " 之间的整数");
        }
        return number.intValueExact();
    }

    private static List<String> readPapers(JsonElement value, String source) {
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            throw OneStopException.invalid(source + ": papers", "papers 应是文字列表（通知标题或网址）");
        }
        List<String> papers = new ArrayList<>();
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            JsonElement paper = array.get(i);
            if (!(paper instanceof JsonPrimitive primitive) || !primitive.isString()) {
                throw OneStopException.invalid(source + ": papers[" + i + "]", "应是通知标题或网址");
            }
            papers.add(primitive.getAsString());
        }
        return papers;
    }

    private static List<HolidayDay> readDays(JsonElement value, int year, String source) {
        if (value == null || value.isJsonNull() || !value.isJsonArray()) {
            throw OneStopException.invalid(source + ": days", "缺少放假和调休日期列表（days）");
        }
        JsonArray array = value.getAsJsonArray();
        if (array.isEmpty()) {
            // holiday-cn publishes an empty file before the notice is out; loading it would make the
            // whole year look like plain weeks while claiming to know it.
            throw OneStopException.invalid(source + ": days", "日期列表为空：通知尚未发布的年份不要放文件");
        }
        Map<LocalDate, Integer> seen = new HashMap<>();
        List<HolidayDay> days = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = source + ": days[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw OneStopException.invalid(path, "应是 {\"name\", \"date\", \"isOffDay\"} 对象");
            }
            JsonObject day = array.get(i).getAsJsonObject();
            String name = readName(day.get("name"), path + ".name");
            LocalDate date = readDate(day.get("date"), path + ".date");
            boolean offDay = readOffDay(day.get("isOffDay"), path + ".isOffDay");
            if (date.getYear() != year) {
                throw OneStopException.invalid(path + ".date", date + " 不在本文件的 " + year + " 年内");
            }
            Integer earlier = seen.putIfAbsent(date, i);
            if (earlier != null) {
                throw OneStopException.invalid(path + ".date", date + " 与 days[" + earlier + "] 重复");
            }
            if (!offDay && !isWeekend(date)) {
                throw OneStopException.invalid(path + ".date",
                        "调休上班日应是周六或周日，" + date + " 本来就是工作日，请核对日期");
            }
            days.add(new HolidayDay(name, date, offDay));
        }
        days.sort(Comparator.comparing(HolidayDay::date));
        return days;
    }

    private static String readName(JsonElement value, String field) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString() || primitive.getAsString().isBlank()) {
            throw OneStopException.invalid(field, "缺少节日名称，例如“春节”");
        }
        return primitive.getAsString().strip();
    }

    private static LocalDate readDate(JsonElement value, String field) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw OneStopException.invalid(field, "缺少日期，格式为 yyyy-MM-dd");
        }
        try {
            return OneStopJson.gson().fromJson(primitive, LocalDate.class);
        } catch (JsonParseException e) {
            throw OneStopException.invalid(field, "日期应为 yyyy-MM-dd：“" + primitive.getAsString() + "”");
        }
    }

    private static boolean readOffDay(JsonElement value, String field) {
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
            throw OneStopException.invalid(field, "isOffDay 应为 true（放假）或 false（调休上班）");
        }
        return primitive.getAsBoolean();
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
