package org.onestop.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Boots the packaged home from a fresh base, as an administrator would, and walks the HTTP API.
 * Runs after {@code package} (failsafe), against {@code target/onestop}.
 * Every wait polls with a deadline; nothing sleeps a fixed time and hopes.
 */
class DistributionSmokeIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PLUGIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String FULL_ID = "11010519491231002X";

    private final Path home = Paths.get(System.getProperty("onestop.home", "target/onestop")).toAbsolutePath();
    private final Path examples = Paths.get(System.getProperty("onestop.examples", "../examples")).toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Path dir;
    private Path base;
    private Path work;
    private Path log;
    private Process onestop;
    private String api;

    @BeforeEach
    void freshFolders() throws IOException {
        Path root = Paths.get(System.getProperty("onestop.it.dir", "target/it")).toAbsolutePath();
        dir = Files.createDirectories(root).resolve(
                "smoke-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
        Files.createDirectories(dir);
        base = dir.resolve("base");
        // The process runs here, so that anything written to "the working folder" shows up.
        work = Files.createDirectories(dir.resolve("work"));
        log = dir.resolve("onestop.log");
    }

    @AfterEach
    void stopIfStillRunning() throws InterruptedException {
        if (onestop != null && onestop.isAlive()) {
            onestop.destroyForcibly();
            onestop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void freshBaseBootsServesTheApiHotDeploysAPluginAndStopsCleanly() throws Exception {
        assertTrue(Files.isExecutable(home.resolve("bin/onestop")), "no executable bin/onestop in " + home);

        // The commands an administrator types first.
        String help = script(List.of("help"), 0);
        assertTrue(help.contains("create-base") && help.contains("ONESTOP_HTTP_PORT"), help);
        assertTrue(script(List.of("version"), 0).startsWith("OneStop "));

        script(List.of("create-base", base.toString()), 0);
        assertTrue(Files.isRegularFile(base.resolve("etc/org.apache.felix.http.cfg")), "etc/ templates not copied");
        assertTrue(Files.isRegularFile(base.resolve("etc/org.apache.felix.fileinstall-plugins.cfg")));
        assertTrue(Files.isDirectory(base.resolve("plugins")) && Files.isDirectory(base.resolve("data")));
        String refused = script(List.of("create-base", base.toString()), 1);
        assertTrue(refused.contains("refusing"), "create-base must refuse an existing base: " + refused);
        step("create-base made " + base + " and refused to overwrite it");

        Path catalog = Files.createDirectories(base.resolve("etc/catalog"));
        try (Stream<Path> files = Files.list(home.resolve("demo/etc/catalog"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, catalog.resolve(file.getFileName()));
            }
        }
        step("copied the demo catalog into the base");

        int port = freeLoopbackPort();
        api = "http://127.0.0.1:" + port + "/api/v1";
        long started = System.nanoTime();
        ProcessBuilder run = command(List.of("run"));
        run.environment().put("ONESTOP_BASE", base.toString());
        run.environment().put("ONESTOP_HTTP_PORT", Integer.toString(port));
        run.redirectErrorStream(true).redirectOutput(log.toFile());
        onestop = run.start();

        HttpResponse<String> health = await("GET /api/v1/health answers 200", START_TIMEOUT,
                () -> tryGet("/health"), r -> r != null && r.statusCode() == 200);
        long startToHealthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("onestop start-to-health: " + startToHealthMs + " ms");
        step("health " + health.body());

        JsonObject centers = json(get("/centers"), 200);
        List<String> centerIds = strings(centers.getAsJsonArray("centers"), "id");
        assertTrue(centerIds.containsAll(List.of("hanshan", "maanshan")), "centers: " + centerIds);
        step("centers " + centerIds);

        JsonArray items = json(get("/centers/hanshan/items"), 200).getAsJsonArray("items");
        assertFalse(items.isEmpty(), "hanshan has no items");
        String promised = null;
        for (JsonElement item : items) {
            if ("PROMISED".equals(text(item.getAsJsonObject(), "handlingType"))) {
                promised = text(item.getAsJsonObject(), "code");
                break;
            }
        }
        assertTrue(promised != null, "hanshan has no PROMISED (承诺件) item among " + items.size());
        step(items.size() + " hanshan items, first PROMISED " + promised);

        JsonObject receive = JsonParser.parseString("""
                {"itemCode": "%s",
                 "applicant": {"type": "PERSON", "name": "张三", "idNumber": "%s", "phone": "13912345678"},
                 "channel": "WINDOW", "materials": [], "act": {"actor": "clerk1", "window": "A01"}}
                """.formatted(promised, FULL_ID)).getAsJsonObject();
        JsonObject received = json(post("/centers/hanshan/cases", receive.toString()), 201);
        String number = text(received, "number");
        assertTrue(number != null && !number.isBlank(), "no case number in " + received);
        step("received case " + number);

        JsonObject accepted = json(post("/centers/hanshan/cases/" + number + "/accept", "{\"actor\": \"clerk1\"}"), 200);
        assertEquals("ACCEPTED", text(accepted, "state"), accepted.toString());
        assertTrue(text(accepted, "deadline") != null, "accepted case has no deadline: " + accepted);
        step("accepted, deadline " + text(accepted, "deadline"));

        HttpResponse<String> fetched = get("/centers/hanshan/cases/" + number);
        JsonObject shown = json(fetched, 200);
        assertFalse(fetched.body().contains(FULL_ID), "the full ID number leaks: " + fetched.body());
        String maskedId = text(shown.getAsJsonObject("applicant"), "idNumber");
        assertTrue(maskedId != null && !maskedId.isBlank(), "no (masked) idNumber: " + shown);
        assertNotEquals(FULL_ID, maskedId);
        step("case shows idNumber " + maskedId);

        JsonObject deadline = json(get("/calendar/deadline?from=2026-09-30&days=5"), 200);
        step("deadline of 5 working days from 2026-09-30: " + text(deadline, "deadline"));

        JsonObject bad = receive.deepCopy();
        bad.getAsJsonObject("applicant").addProperty("idNumber", "123");
        JsonObject error = json(post("/centers/hanshan/cases", bad.toString()), 400).getAsJsonObject("error");
        assertTrue(error != null, "a 400 carries {\"error\": ...}");
        assertEquals("INVALID", text(error, "code"), error.toString());
        assertTrue(text(error, "field") != null, "the error names its field: " + error);
        step("idNumber 123 refused: " + error);

        Path plugin = base.resolve("plugins/journal.jar");
        Files.copy(examplePlugin(), plugin);
        await("the journal plugin is listed", PLUGIN_TIMEOUT, () -> pluginIds(), ids -> ids.contains("journal"));
        step("plugin journal hot-deployed");
        Files.delete(plugin);
        await("the journal plugin is gone", PLUGIN_TIMEOUT, () -> pluginIds(), ids -> !ids.contains("journal"));
        step("plugin journal removed");

        // Process.destroy() is SIGTERM: Felix's shutdown hook must stop every bundle and let the JVM exit.
        onestop.destroy();
        assertTrue(onestop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                "onestop did not exit within " + STOP_TIMEOUT + " of SIGTERM" + tail());
        step("stopped on SIGTERM, exit code " + onestop.exitValue());

        Path database = base.resolve("data/derby");
        assertTrue(Files.isDirectory(database) && !isEmpty(database), "no database in " + database);
        assertTrue(Files.isRegularFile(base.resolve("data/derby.log")), "derby.log is not in data/");
        assertFalse(Files.exists(work.resolve("derby.log")), "derby.log was written into the working folder");
        step("database in data/derby, derby.log in data/, nothing in the working folder");
    }

    // ---- the script

    private ProcessBuilder command(List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(home.resolve("bin/onestop").toString());
        line.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(line).directory(work.toFile());
        Map<String, String> env = pb.environment();
        // The settings of whoever runs the build must not leak into the test.
        env.remove("ONESTOP_BASE");
        env.remove("ONESTOP_HTTP_PORT");
        env.remove("JAVA_OPTS");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** Runs a short command of the script and returns what it printed. */
    private String script(List<String> args, int expectedExit) throws IOException, InterruptedException {
        Process p = command(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/onestop " + args + " hangs");
        assertEquals(expectedExit, p.exitValue(), "bin/onestop " + args + " said:\n" + out);
        return out;
    }

    // ---- HTTP

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path)).GET());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Null while nothing answers yet (connection refused, or Jetty restarting its connector). */
    private HttpResponse<String> tryGet(String path) throws InterruptedException {
        try {
            return send(HttpRequest.newBuilder(URI.create(api + path)).GET());
        } catch (IOException notYet) {
            return null;
        }
    }

    private List<String> pluginIds() throws InterruptedException {
        HttpResponse<String> r = tryGet("/plugins");
        if (r == null || r.statusCode() != 200) {
            return List.of();
        }
        return strings(JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("plugins"), "id");
    }

    private JsonObject json(HttpResponse<String> response, int expectedStatus) {
        assertEquals(expectedStatus, response.statusCode(),
                response.request().method() + " " + response.uri() + " answered " + response.body());
        JsonElement parsed = JsonParser.parseString(response.body());
        assertTrue(parsed.isJsonObject(), response.uri() + " did not answer a JSON object: " + response.body());
        return parsed.getAsJsonObject();
    }

    private static List<String> strings(JsonArray array, String member) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (JsonElement e : array) {
                String value = e.isJsonObject() ? text(e.getAsJsonObject(), member) : null;
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static String text(JsonObject object, String member) {
        JsonElement e = object == null ? null : object.get(member);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    // ---- waiting

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until {@code done} holds; fails with the process log when the deadline passes or onestop dies. */
    private <T> T await(String what, Duration timeout, Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            if (!onestop.isAlive()) {
                fail("onestop exited (code " + onestop.exitValue() + ") while waiting until " + what + tail());
            }
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(POLL.toMillis());
        }
        return fail("not within " + timeout + ": " + what + " (last: " + describe(last) + ")" + tail());
    }

    private static String describe(Object last) {
        if (last instanceof HttpResponse<?> r) {
            return r.statusCode() + " " + r.body();
        }
        return String.valueOf(last);
    }

    // ---- files

    private Path examplePlugin() throws IOException {
        Path target = examples.resolve("org.onestop.example.listener.journal/target");
        if (!Files.isDirectory(target)) {
            fail("build the example plugin first: no " + target);
        }
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("org.onestop.example.listener.journal-") && name.endsWith(".jar")
                        && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
                        && !name.endsWith("-tests.jar");
            }).findFirst().orElseGet(() -> fail("no org.onestop.example.listener.journal-*.jar in " + target));
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        try {
            // Decoded leniently: a log cut mid-character must not hide the failure being reported.
            List<String> lines = Files.exists(log)
                    ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()
                    : List.of();
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "\n(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void step(String done) {
        System.out.println("smoke: ok - " + done);
    }
}
