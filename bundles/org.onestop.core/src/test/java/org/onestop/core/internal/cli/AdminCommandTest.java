package org.onestop.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.catalog.CatalogDocument;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.core.internal.access.AccessServiceImpl;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.json.OneStopJson;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;

class AdminCommandTest {

    static final String PASSWORD = "Kaishi2026pass";
    static final Center HANSHAN = new Center("hanshan", "含山县政务服务中心", CenterLevel.COUNTY, "340522", null, null, null);

    @TempDir
    Path base;

    /** What one in-process run printed, and its exit code. */
    record Run(int code, String out, String err) {
    }

    /** Runs the command as {@code main} would, with standard input, output and error replaced. */
    static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = AdminCommand.run(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    String[] create(String center, String account, String... more) {
        List<String> args = new ArrayList<>(List.of("create", "--data", base.resolve("data").toString(), "--center", center,
                "--account", account, "--name", "王五", "--password-stdin"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    void prepareCenter() {
        try (EmbeddedStore store = Stores.embeddedDerby(base.resolve("data/derby"))) {
            new CatalogServiceImpl(store, Clock.systemUTC(), c -> { }).saveCenter(HANSHAN);
        }
    }

    @Test
    void createsTheFirstAdministratorOnceAndOnlyOnce() {
        prepareCenter();
        Run first = run(PASSWORD + "\n", create("hanshan", "wang.admin"));
        assertEquals(AdminCommand.OK, first.code(), first.err());
        assertEquals("", first.err());
        assertTrue(first.out().contains("含山县政务服务中心") && first.out().contains("wang.admin（王五）"), first.out());

        try (EmbeddedStore store = Stores.embeddedDerby(base.resolve("data/derby"))) {
            Principal admin = AccessServiceImpl.create(store, Clock.systemUTC(), AccessSettings.defaults())
                    .signIn("wang.admin", PASSWORD, null).principal();
            assertTrue(admin.may(Permission.PEOPLE_MANAGE, "hanshan", null));
        }

        Run second = run(PASSWORD + "\n", create("hanshan", "chen.admin"));
        assertEquals(AdminCommand.FAILED, second.code());
        assertEquals("", second.out());
        assertEquals(1, second.err().lines().count(), second.err());
        assertTrue(second.err().contains("已有中心管理员"), second.err());
    }

    @Test
    void refusesWithOneClearLine() {
        prepareCenter();
        Run weak = run("weak\n", create("hanshan", "wang.admin"));
        assertEquals(AdminCommand.FAILED, weak.code());
        assertEquals("密码至少10位，且须同时包含字母和数字", weak.err().strip());

        Run unknown = run(PASSWORD + "\n", create("nosuch", "wang.admin"));
        assertEquals(AdminCommand.FAILED, unknown.code());
        assertTrue(unknown.err().contains("中心“nosuch”不存在") && unknown.err().contains("hanshan"), unknown.err());

        Run account = run(PASSWORD + "\n", create("hanshan", "王五"));
        assertEquals(AdminCommand.FAILED, account.code());
        assertTrue(account.err().startsWith("账号应为"), account.err());

        Run noPassword = run("", create("hanshan", "wang.admin"));
        assertEquals(AdminCommand.FAILED, noPassword.code());
        assertTrue(noPassword.err().contains("没有密码"), noPassword.err());

        Run onCommandLine = run("", "create", "--data", base.toString(), "--password", PASSWORD);
        assertEquals(AdminCommand.FAILED, onCommandLine.code());
        assertFalse(onCommandLine.err().contains(PASSWORD));

        Run usage = run("", "delete", "--center", "hanshan");
        assertEquals(AdminCommand.FAILED, usage.code());
        assertTrue(usage.err().startsWith("无法识别的命令“admin delete”\n用法"), usage.err());

        for (Run r : List.of(weak, unknown, account, noPassword, onCommandLine, usage)) {
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void importsTheBaseCatalogWhenTheDatabaseIsNew() throws IOException {
        Path catalog = Files.createDirectories(base.resolve("etc/catalog"));
        Files.writeString(catalog.resolve("hanshan.json"), OneStopJson.gson().toJson(
                new CatalogDocument(HANSHAN, List.of(), List.of(), List.of())), StandardCharsets.UTF_8);
        Run without = run(PASSWORD + "\n", create("hanshan", "wang.admin"));
        assertEquals(AdminCommand.FAILED, without.code());
        assertTrue(without.err().contains("--catalog"), without.err());

        Run with = run(PASSWORD + "\n", create("hanshan", "wang.admin", "--catalog", catalog.toString()));
        assertEquals(AdminCommand.OK, with.code(), with.err());
    }

    @Test
    void runsOnAPlainClassPathAndRefusesADatabaseInUse() throws Exception {
        prepareCenter();
        // The jars and folders of this test run minus every OSGi one: what bin/onestop puts on the class path.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().contains("osgi"))
                .collect(Collectors.joining(File.pathSeparator));
        try (EmbeddedStore running = Stores.embeddedDerby(base.resolve("data/derby"))) {
            Run busy = child(classPath);
            assertEquals(AdminCommand.FAILED, busy.code(), busy.err());
            assertEquals("数据库正由运行中的 OneStop 服务使用，请先停止服务再创建管理员", busy.err().strip());
        }
        Run free = child(classPath);
        assertEquals(AdminCommand.OK, free.code(), free.err());
        assertTrue(free.out().contains("wang.admin"), free.out());
    }

    private Run child(String classPath) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // An ASCII name: how the parent passes non-ASCII arguments depends on the machine's locale.
        Process process = new ProcessBuilder(java.toString(), "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-Dderby.stream.error.file=" + base.resolve("child-derby.log"), "-cp", classPath,
                AdminCommand.class.getName(), "create", "--data", base.resolve("data").toString(), "--center", "hanshan",
                "--account", "wang.admin", "--name", "Wang Wu", "--password-stdin").start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
