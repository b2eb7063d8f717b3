package org.onestop.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.StandardCopyOption;
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
    private static final String ADMIN_PASSWORD = "Admin2026pass";
    private static final String CLERK_PASSWORD = "Clerk2026pass";

    /** The home under test: the packaged one, or a copy a test makes. */
    private Path home = Paths.get(System.getProperty("onestop.home", "target/onestop")).toAbsolutePath();
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

    /** A signed-in caller: the session cookie and the CSRF token its unsafe calls echo. */
    private record Caller(String cookie, String csrf) {
    }

    private static final Caller ANONYMOUS = new Caller(null, null);

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
        // A port Jetty cannot listen on would leave the server up but deaf: refused before anything starts.
        String badPort = script(List.of("run"), 1, "", Map.of("ONESTOP_HTTP_PORT", "99999"));
        assertTrue(badPort.contains("1 to 65535"), badPort);
        step("run refused ONESTOP_HTTP_PORT=99999");

        Path catalog = Files.createDirectories(base.resolve("etc/catalog"));
        try (Stream<Path> files = Files.list(home.resolve("demo/etc/catalog"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, catalog.resolve(file.getFileName()));
            }
        }
        step("copied the demo catalog into the base");

        // No default password ships: the first administrator is made with the server stopped.
        String created = script(List.of("admin", "create", "--center", "hanshan", "--account", "admin",
                "--name", "中心管理员", "--password-stdin"), 0, ADMIN_PASSWORD + "\n");
        assertTrue(created.contains("admin"), created);
        String again = script(List.of("admin", "create", "--center", "hanshan", "--account", "admin2",
                "--name", "第二管理员", "--password-stdin"), 2, ADMIN_PASSWORD + "\n");
        assertTrue(again.contains("已有中心管理员"), "a second first administrator is refused: " + again);
        step("admin create made the first administrator and refused a second");

        int port = freeLoopbackPort();
        api = "http://127.0.0.1:" + port + "/api/v1";
        HttpResponse<String> health = startAndAwaitHealth(port, "onestop.log", "first");
        step("health " + health.body());
        // The build prepared the home: a base's very first start maps the home's class-data archive.
        assertMaps(onestop, home.resolve("cds/onestop.jsa"));

        JsonObject centers = json(get("/centers"), 200);
        List<String> centerIds = strings(centers.getAsJsonArray("centers"), "id");
        assertTrue(centerIds.containsAll(List.of("hanshan", "maanshan")), "centers: " + centerIds);
        step("centers " + centerIds);

        JsonArray items = json(get("/centers/hanshan/items"), 200).getAsJsonArray("items");
        assertFalse(items.isEmpty(), "hanshan has no items");
        String promised = null;
        String department = null;
        // Accepting needs every required material of the item handed in (the one-time notice rule).
        JsonArray materials = new JsonArray();
        for (JsonElement item : items) {
            if ("PROMISED".equals(text(item.getAsJsonObject(), "handlingType"))) {
                promised = text(item.getAsJsonObject(), "code");
                department = text(item.getAsJsonObject(), "departmentId");
                JsonArray required = json(get("/centers/hanshan/items/" + promised), 200).getAsJsonArray("materials");
                for (JsonElement m : required == null ? new JsonArray() : required) {
                    JsonObject material = m.getAsJsonObject();
                    if (material.has("required") && material.get("required").getAsBoolean()) {
                        JsonObject handedIn = new JsonObject();
                        handedIn.addProperty("name", text(material, "name"));
                        handedIn.addProperty("form", text(material, "form"));
                        handedIn.addProperty("copies", material.has("copies") ? material.get("copies").getAsInt() : 1);
                        materials.add(handedIn);
                    }
                }
                break;
            }
        }
        assertTrue(promised != null, "hanshan has no PROMISED (承诺件) item among " + items.size());
        step(items.size() + " hanshan items, first PROMISED " + promised);

        JsonObject receive = JsonParser.parseString("""
                {"itemCode": "%s",
                 "applicant": {"type": "PERSON", "name": "张三", "idNumber": "%s", "phone": "13912345678"},
                 "channel": "WINDOW", "materials": %s, "act": {"actor": "clerk1", "window": "A01"}}
                """.formatted(promised, FULL_ID, materials)).getAsJsonObject();
        json(post(ANONYMOUS, "/centers/hanshan/cases", receive.toString()), 401);
        step("an anonymous caller cannot receive a case");

        Caller admin = signIn("admin", ADMIN_PASSWORD);
        json(post(admin, "/centers/hanshan/people", """
                {"account": "clerk1", "name": "窗口人员甲", "password": "%s",
                 "grants": [{"role": "CLERK", "departmentId": "%s"}]}
                """.formatted(CLERK_PASSWORD, department)), 201);
        json(post(admin, "/centers/hanshan/cases", receive.toString()), 403);
        step("the administrator made clerk1 a clerk of " + department + " (and may not receive cases)");

        Caller clerk = signIn("clerk1", CLERK_PASSWORD);
        JsonObject received = json(post(clerk, "/centers/hanshan/cases", receive.toString()), 201);
        String number = text(received, "number");
        String queryCode = text(received, "queryCode");
        assertTrue(number != null && !number.isBlank(), "no case number in " + received);
        step("received case " + number);

        JsonObject accepted = json(post(clerk, "/centers/hanshan/cases/" + number + "/accept", "{}"), 200);
        assertEquals("ACCEPTED", text(accepted, "state"), accepted.toString());
        assertTrue(text(accepted, "deadline") != null, "accepted case has no deadline: " + accepted);
        step("accepted, deadline " + text(accepted, "deadline"));

        JsonObject own = json(get(clerk, "/centers/hanshan/cases/" + number), 200);
        assertEquals(FULL_ID, text(own.getAsJsonObject("applicant"), "idNumber"), "the department's clerk sees it whole");
        json(get(ANONYMOUS, "/centers/hanshan/cases/" + number), 401);
        HttpResponse<String> progress = get(ANONYMOUS, "/public/centers/hanshan/cases/" + number + "?queryCode=" + queryCode);
        json(progress, 200);
        assertFalse(progress.body().contains(FULL_ID), "the public progress leaks the ID number: " + progress.body());
        String wrongCode = "22222222".equals(queryCode) ? "33333333" : "22222222";
        json(get(ANONYMOUS, "/public/centers/hanshan/cases/" + number + "?queryCode=" + wrongCode), 404);
        step("public progress by number and query code shows no personal data");

        JsonObject deadline = json(get("/calendar/deadline?from=2026-09-30&days=5"), 200);
        step("deadline of 5 working days from 2026-09-30: " + text(deadline, "deadline"));

        JsonObject bad = receive.deepCopy();
        bad.getAsJsonObject("applicant").addProperty("idNumber", "123");
        JsonObject error = json(post(clerk, "/centers/hanshan/cases", bad.toString()), 400).getAsJsonObject("error");
        assertTrue(error != null, "a 400 carries {\"error\": ...}");
        assertEquals("INVALID", text(error, "code"), error.toString());
        assertTrue(text(error, "field") != null, "the error names its field: " + error);
        step("idNumber 123 refused: " + error);

        Path plugin = base.resolve("plugins/journal.jar");
        Files.copy(examplePlugin(), plugin);
        await("the journal plugin is listed", PLUGIN_TIMEOUT, () -> pluginIds(admin), ids -> ids.contains("journal"));
        step("plugin journal hot-deployed");
        Files.delete(plugin);
        await("the journal plugin is gone", PLUGIN_TIMEOUT, () -> pluginIds(admin), ids -> !ids.contains("journal"));
        step("plugin journal removed");

        // The folder's watcher passes over a jar that is not a bundle without a word: OneStop's log says why.
        Files.writeString(base.resolve("plugins/broken.jar"), "not a jar");
        await("the log says why plugins/broken.jar is not loaded", PLUGIN_TIMEOUT,
                () -> new String(Files.readAllBytes(log), StandardCharsets.UTF_8),
                text -> text.contains("broken.jar not loaded: 不是有效的 jar 文件"));
        step("the log names plugins/broken.jar and why it is not loaded");

        send(clerk, HttpRequest.newBuilder(URI.create(api + "/session")).DELETE());
        json(get(clerk, "/session"), 401);
        step("sign-out ended clerk1's session on the server");

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

        // The home's archive served: the base needed none of its own.
        assertFalse(Files.exists(base.resolve("data/cds")), "a base of a prepared home made its own archive");

        // A second start opens the database of the first and must come up just the same, with its data.
        startAndAwaitHealth(port, "onestop-2.log", "second");
        centerIds = strings(json(get("/centers"), 200).getAsJsonArray("centers"), "id");
        assertTrue(centerIds.containsAll(List.of("hanshan", "maanshan")), "centers after a restart: " + centerIds);
        stop("second run");
        step("second start on the database of the first: health, the centers, stopped on SIGTERM");
    }

    /**
     * A home unpacked from the .tar.gz has no class-data archive until {@code onestop prepare} runs in it: each
     * base then makes its own when its first run exits, and maps it from its second start on.
     */
    @Test
    void baseOfAnUnpreparedHomeMakesItsOwnClassDataArchive() throws Exception {
        home = copyOfTheHomeUnprepared(dir.resolve("home"));
        script(List.of("create-base", base.toString()), 0);
        int port = freeLoopbackPort();
        api = "http://127.0.0.1:" + port + "/api/v1";

        startAndAwaitHealth(port, "onestop.log", "first");
        stop("first run");
        Path archive = base.resolve("data/cds/onestop.jsa");
        assertTrue(Files.size(archive) > 16 << 20, "the first run's exit wrote no full archive in " + archive);
        step("an unprepared home's base wrote its own archive at the end of its first run");

        startAndAwaitHealth(port, "onestop-2.log", "second");
        assertMaps(onestop, archive);
        stop("second run");
        step("its second start mapped that archive");
    }

    /** The packaged home without its cds/ (and without what the demo center wrote), as the .tar.gz unpacks. */
    private Path copyOfTheHomeUnprepared(Path copy) throws IOException {
        assertTrue(Files.isRegularFile(home.resolve("cds/onestop.jsa")), "the build did not prepare " + home);
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = home.relativize(path);
                if (relative.startsWith("cds") || relative.startsWith(Path.of("demo", "data"))) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy;
    }

    /** Starts the base and waits for the first 200 of /health, printing how long it took. */
    private HttpResponse<String> startAndAwaitHealth(int port, String logName, String which) throws Exception {
        log = dir.resolve(logName);
        long started = System.nanoTime();
        ProcessBuilder run = command(List.of("run"));
        run.environment().put("ONESTOP_BASE", base.toString());
        run.environment().put("ONESTOP_HTTP_PORT", Integer.toString(port));
        run.redirectErrorStream(true).redirectOutput(log.toFile());
        onestop = run.start();
        HttpResponse<String> health = await("GET /api/v1/health answers 200 (" + which + " start)", START_TIMEOUT,
                () -> tryGet("/health"), r -> r != null && r.statusCode() == 200);
        System.out.println("onestop " + which + " start-to-health: "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        return health;
    }

    private void stop(String which) throws InterruptedException {
        onestop.destroy();
        assertTrue(onestop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                "onestop did not exit within " + STOP_TIMEOUT + " of SIGTERM (" + which + ")" + tail());
    }

    /**
     * Whether the running server maps {@code archive}: the one sure sign that the JVM took the class-data archive
     * (it ignores an unfit one without a word). bin/onestop execs the JVM, so the process is the JVM. Linux only.
     */
    private void assertMaps(Process process, Path archive) throws IOException {
        Path maps = Path.of("/proc", Long.toString(process.pid()), "maps");
        if (!Files.exists(Path.of("/proc/self/maps"))) {
            step("no /proc here: not checked that the JVM maps " + archive);
            return;
        }
        assertTrue(Files.readString(maps).contains(archive.toString()), "the JVM does not map " + archive + tail());
        step("the JVM maps the class-data archive " + archive);
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
        return script(args, expectedExit, "");
    }

    private String script(List<String> args, int expectedExit, String input) throws IOException, InterruptedException {
        return script(args, expectedExit, input, Map.of());
    }

    private String script(List<String> args, int expectedExit, String input, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder pb = command(args).redirectErrorStream(true);
        pb.environment().put("ONESTOP_BASE", base.toString());
        pb.environment().putAll(environment);
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/onestop " + args + " hangs");
        assertEquals(expectedExit, p.exitValue(), "bin/onestop " + args + " said:\n" + out);
        return out;
    }

    // ---- HTTP

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(ANONYMOUS, path);
    }

    private HttpResponse<String> get(Caller caller, String path) throws IOException, InterruptedException {
        return send(caller, HttpRequest.newBuilder(URI.create(api + path)).GET());
    }

    private HttpResponse<String> post(Caller caller, String path, String body) throws IOException, InterruptedException {
        return send(caller, HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Signs in and keeps the session cookie from Set-Cookie and the CSRF token from the body. */
    private Caller signIn(String account, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post(ANONYMOUS, "/session",
                "{\"account\": \"%s\", \"password\": \"%s\"}".formatted(account, password));
        JsonObject body = json(r, 200);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ONESTOP_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseGet(() -> fail("no session cookie in " + r.headers().map()));
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("HttpOnly")), "HttpOnly cookie");
        return new Caller(cookie, text(body, "csrfToken"));
    }

    private HttpResponse<String> send(Caller caller, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (caller.cookie() != null) {
            request.header("Cookie", caller.cookie()).header("X-CSRF-Token", caller.csrf());
        }
        return send(request);
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

    private List<String> pluginIds(Caller admin) throws InterruptedException {
        HttpResponse<String> r;
        try {
            r = get(admin, "/plugins");
        } catch (IOException notNow) {
            return List.of();
        }
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
