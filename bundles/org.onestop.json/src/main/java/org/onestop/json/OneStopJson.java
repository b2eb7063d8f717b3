package org.onestop.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The one configured {@link Gson} of the platform (thread-safe, immutable): dates as
 * {@code 2026-11-28}, instants as ISO-8601 UTC, money as a yuan amount with two decimals, enums by
 * name. Unknown fields are ignored; a malformed value fails with {@link JsonParseException} whose
 * message names the value.
 */
public final class OneStopJson {

    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(LocalDate.class, textAdapter(LocalDate::parse, LocalDate::toString, "日期应为 yyyy-MM-dd"))
            .registerTypeAdapter(Instant.class, textAdapter(Instant::parse, Instant::toString, "时间应为 ISO-8601 格式"))
            .registerTypeAdapter(BigDecimal.class, new MoneyAdapter().nullSafe())
            .create();

    private static final Gson PRETTY = GSON.newBuilder().setPrettyPrinting().create();

    private OneStopJson() {
    }

    /** The shared instance. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * {@code value} as compact JSON: the same bytes for the same value, every time. Documents are signed
     * over these bytes, so a module that must not depend on Gson (the core) asks here.
     */
    public static String toJson(Object value) {
        return GSON.toJson(value);
    }

    /** The shared instance, indented for files people read. */
    public static Gson pretty() {
        return PRETTY;
    }

    private static <T> TypeAdapter<T> textAdapter(Function<String, T> parse, Function<T, String> format,
            String rule) {
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                } else {
                    out.value(format.apply(value));
                }
            }

            @Override
            public T read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                String text = in.nextString();
                try {
                    return parse.apply(text);
                } catch (DateTimeParseException e) {
                    throw new JsonParseException(rule + "：“" + text + "”", e);
                }
            }
        };
    }

    /** Money is yuan with two decimals, written as a JSON number ({@code 120.50}). */
    private static final class MoneyAdapter extends TypeAdapter<BigDecimal> {
        @Override
        public void write(JsonWriter out, BigDecimal value) throws IOException {
            out.value(value.setScale(2, RoundingMode.HALF_UP));
        }

        @Override
        public BigDecimal read(JsonReader in) throws IOException {
            String text = in.nextString();
            try {
                BigDecimal amount = new BigDecimal(text);
                if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
                    throw new JsonParseException("金额最多两位小数（元）：“" + text + "”");
                }
                return amount.setScale(2, RoundingMode.UNNECESSARY);
            } catch (NumberFormatException e) {
                throw new JsonParseException("金额应为数字（元）：“" + text + "”", e);
            }
        }
    }
}
