package org.onestop.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.api.ErrorCode;
import org.onestop.api.OneStopException;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Principal;
import org.onestop.api.catalog.Center;
import org.onestop.api.catalog.CenterLevel;
import org.onestop.api.catalog.Department;
import org.onestop.api.catalog.Window;
import org.onestop.api.id.CreditCode;
import org.onestop.core.internal.access.AccessServiceImpl;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.cli.AdminCommandTest.Run;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.Stores;

/**
 * {@code admin people|add|grant|revoke|password|disable|enable|token|log} in process, on a real Derby database,
 * checked through the access service itself: what the command did is what a sign-in or a bearer token sees.
 */
class AdminCommandManageTest {

    static final String PASSWORD = AdminCommandTest.PASSWORD;
    static final String NEW_PASSWORD = "Xinmima2026reset";
    static final String ACTOR = "cli:" + System.getProperty("user.name");

    @TempDir
    Path base;

    @BeforeEach
    void hanshanWithTwoDepartmentsAndAnAdministrator() {
        try (EmbeddedStore store = Stores.embeddedDerby(base.resolve("data/derby"))) {
            CatalogServiceImpl catalog = new CatalogServiceImpl(store, Clock.systemUTC(), c -> { });
            catalog.saveCenter(AdminCommandTest.HANSHAN);
            catalog.saveCenter(new Center("maanshan", "马鞍山市政务服务中心", CenterLevel.CITY, "340500", null, null, null));
            catalog.saveDepartment("hanshan", department("market", "11340522MB0000001"));
            catalog.saveDepartment("hanshan", department("tax", "11340522MB0000002"));
        }
        ok(PASSWORD + "\n", "create", "--center", "hanshan", "--account", "wang.admin", "--name", "王五", "--password-stdin");
    }

    /** Opens the database between two runs of the command, as the server would after it. */
    private <T> T withService(Function<AccessServiceImpl, T> work) {
        try (EmbeddedStore store = Stores.embeddedDerby(base.resolve("data/derby"))) {
            return work.apply(AccessServiceImpl.create(store, Clock.systemUTC(), AccessSettings.defaults()));
        }
    }

    private static Department department(String id, String first17) {
        return new Department(id, "部门" + id, first17 + CreditCode.checkCharacter(first17), List.of(new Window("A01", "综合")),
                null);
    }

    private Run admin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", base.resolve("data").toString()));
        Run run = AdminCommandTest.run(stdin, all.toArray(String[]::new));
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        return run;
    }

    private String ok(String stdin, String... args) {
        Run run = admin(stdin, args);
        assertEquals(AdminCommand.OK, run.code(), run.err());
        assertEquals("", run.err());
        return run.out();
    }

    /** A refusal: exit 2, nothing on standard output, one line on standard error, which is returned. */
    private String refused(String stdin, String... args) {
        Run run = admin(stdin, args);
        assertEquals(AdminCommand.FAILED, run.code(), run.out());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        return run.err().strip();
    }

    private String line(String output, String containing) {
        return output.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + output));
    }

    private Principal signIn(String account, String password) {
        return withService(access -> access.signIn(account, password, null).principal());
    }

    @Test
    void addsListsGrantsAndRevokesRoles() {
        String added = ok(PASSWORD + "\n", "add", "--center", "hanshan", "--account", "Li.Si", "--name", "李四",
                "--role", "clerk:market", "--role", "审核审批人员：tax", "--password-stdin");
        assertTrue(added.contains("li.si（李四）") && added.contains("窗口受理人员（部门 market）"), added);

        String people = ok("", "people", "--center", "hanshan");
        assertEquals(3, people.lines().count(), people);
        assertTrue(people.lines().findFirst().orElseThrow().startsWith("账号"), people);
        String li = line(people, "li.si");
        assertTrue(li.contains("李四") && li.contains("启用") && li.contains("窗口受理人员（部门 market）")
                && li.contains("审核审批人员（部门 tax）"), li);
        assertTrue(line(people, "wang.admin").contains("中心管理员"), people);
        // Aligned: the status column starts at the same terminal column on every line, Chinese names or not.
        assertEquals(Columns.width(li.substring(0, li.indexOf("启用"))),
                Columns.width(line(people, "wang.admin").substring(0, line(people, "wang.admin").indexOf("启用"))));
        assertEquals(Columns.width(li.substring(0, li.indexOf("启用"))),
                Columns.width(people.lines().findFirst().orElseThrow().substring(0, people.indexOf("状态"))));

        Principal clerk = signIn("li.si", PASSWORD);
        assertTrue(clerk.may(Permission.CASE_RECEIVE, "hanshan", "market"));
        assertFalse(clerk.may(Permission.CASE_RECEIVE, "hanshan", "tax"));

        String granted = ok("", "grant", "--center", "hanshan", "--account", "li.si", "--role", "SUPERVISOR");
        assertTrue(granted.contains("授予督查人员"), granted);
        String revoked = ok("", "revoke", "--center", "hanshan", "--account", "li.si", "--role", "窗口受理人员:market");
        assertTrue(revoked.contains("撤销 li.si（李四）的窗口受理人员（部门 market）"), revoked);

        Principal after = signIn("li.si", PASSWORD);
        assertFalse(after.may(Permission.CASE_RECEIVE, "hanshan", "market"));
        assertTrue(after.may(Permission.MONITOR_READ, "hanshan", null));
        assertTrue(after.may(Permission.CASE_DECIDE, "hanshan", "tax"));
        String li2 = line(ok("", "people", "--center", "hanshan"), "li.si");
        assertFalse(li2.contains("窗口受理人员"), li2);
        assertTrue(li2.contains("督查人员"), li2);
    }

    @Test
    void resetsAPasswordLiftingTheLockoutAndDisablesAndEnables() {
        ok(PASSWORD + "\n", "add", "--center", "hanshan", "--account", "li.si", "--name", "李四", "--role", "DIRECTOR",
                "--password-stdin");
        withService(access -> {
            for (int i = 0; i < 5; i++) {
                assertThrows(OneStopException.class, () -> access.signIn("li.si", "wrong-password-1", null));
            }
            return null;
        });
        assertTrue(line(ok("", "people", "--center", "hanshan"), "li.si").contains("启用，锁定至"));

        String reset = ok(NEW_PASSWORD + "\n", "password", "--center", "hanshan", "--account", "li.si", "--password-stdin");
        assertTrue(reset.contains("已重置 li.si（李四）的密码") && reset.contains("登录锁定已解除"), reset);
        assertFalse(line(ok("", "people", "--center", "hanshan"), "li.si").contains("锁定"));
        assertEquals("li.si", signIn("li.si", NEW_PASSWORD).account());
        OneStopException old = assertThrows(OneStopException.class, () -> signIn("li.si", PASSWORD));
        assertEquals(ErrorCode.UNAUTHENTICATED, old.code());

        assertTrue(ok("", "disable", "--center", "hanshan", "--account", "li.si").contains("已停用 li.si（李四）"));
        assertTrue(line(ok("", "people", "--center", "hanshan"), "li.si").contains("停用"));
        OneStopException disabled = assertThrows(OneStopException.class, () -> signIn("li.si", NEW_PASSWORD));
        assertEquals(AccessServiceImpl.DISABLED, disabled.getMessage());

        assertTrue(ok("", "enable", "--center", "hanshan", "--account", "li.si").contains("已启用 li.si（李四）"));
        assertEquals("li.si", signIn("li.si", NEW_PASSWORD).account());
    }

    @Test
    void issuesListsAndRevokesTokens() {
        String issued = ok("", "token", "issue", "--center", "hanshan", "--name", "省政务服务平台", "--scope", "case_read,统计报表",
                "--days", "30", "--department", "market");
        List<String> lines = issued.lines().toList();
        String secret = lines.get(lines.size() - 1);
        assertTrue(secret.startsWith(AccessServiceImpl.TOKEN_PREFIX), issued);
        String id = secret.substring(AccessServiceImpl.TOKEN_PREFIX.length(), secret.indexOf('.'));
        assertTrue(lines.get(0).contains("已签发令牌 " + id) && lines.get(0).contains("查看办件、统计报表"), issued);

        Optional<Principal> client = withService(access -> access.tokenPrincipal(secret, null));
        assertTrue(client.isPresent());
        assertEquals(Set.of(Permission.CASE_READ, Permission.REPORT_READ), client.get().scope());
        assertTrue(client.get().may(Permission.CASE_READ, "hanshan", "market"));
        assertFalse(client.get().may(Permission.CASE_READ, "hanshan", "tax"));

        String list = ok("", "token", "list", "--center", "hanshan");
        String row = line(list, id);
        assertTrue(row.contains("省政务服务平台") && row.contains("有效") && row.contains("market") && row.contains(ACTOR), row);
        assertFalse(list.contains(secret.substring(secret.indexOf('.') + 1)), "the secret is shown once only: " + list);

        assertTrue(ok("", "token", "revoke", "--center", "hanshan", "--id", id).contains("已撤销令牌 " + id));
        assertTrue(withService(access -> access.tokenPrincipal(secret, null)).isEmpty());
        assertTrue(line(ok("", "token", "list", "--center", "hanshan"), id).contains("撤销"));
        assertTrue(ok("", "token", "revoke", "--center", "hanshan", "--id", "token:" + id).contains("早已于"));
    }

    @Test
    void showsTheSecurityLogNewestFirstWithTheCommandLineAsActor() {
        ok(PASSWORD + "\n", "add", "--center", "hanshan", "--account", "li.si", "--name", "李四", "--role", "DIRECTOR",
                "--password-stdin");
        ok(NEW_PASSWORD + "\n", "password", "--center", "hanshan", "--account", "li.si", "--password-stdin");
        ok("", "disable", "--center", "hanshan", "--account", "li.si");

        String log = ok("", "log", "--center", "hanshan", "--limit", "5");
        List<String> lines = log.lines().toList();
        assertEquals(6, lines.size(), log);
        assertTrue(lines.get(0).startsWith("时间"), log);
        assertTrue(lines.get(1).contains(ACTOR) && lines.get(1).contains("停用人员") && lines.get(1).contains("li.si"), log);
        assertTrue(lines.get(2).contains(ACTOR) && lines.get(2).contains("修改密码") && lines.get(2).contains("由管理员重置密码"), log);
        assertTrue(line(log, "新建人员").contains(ACTOR), log);
        assertTrue(line(log, "授予角色").contains("中心领导"), log);

        String all = ok("", "log", "--center", "hanshan");
        assertTrue(line(all, "首位中心管理员").contains("system"), all);
    }

    @Test
    void refusesWithTheServiceRuleInOneLine() {
        assertEquals("未知角色“boss”，可用的角色：ADMINISTRATOR 中心管理员、CLERK:<部门> 窗口受理人员、REVIEWER:<部门> 审核审批人员、"
                + "SEAL_CUSTODIAN:<印章> 印章管理员、SUPERVISOR 督查人员、DIRECTOR 中心领导",
                refused(PASSWORD + "\n", "add", "--center", "hanshan", "--account", "li.si", "--name", "李四", "--role", "boss",
                        "--password-stdin"));
        assertEquals("部门“nosuch”不是中心“hanshan”的进驻部门", refused(PASSWORD + "\n", "add", "--center", "hanshan",
                "--account", "li.si", "--name", "李四", "--role", "CLERK:nosuch", "--password-stdin"));
        assertEquals("“窗口受理人员”须指定所在部门", refused(PASSWORD + "\n", "add", "--center", "hanshan",
                "--account", "li.si", "--name", "李四", "--role", "CLERK", "--password-stdin"));
        assertEquals("密码至少10位，且须同时包含字母和数字", refused("weak\n", "add", "--center", "hanshan",
                "--account", "li.si", "--name", "李四", "--role", "DIRECTOR", "--password-stdin"));
        assertFalse(ok("", "people", "--center", "hanshan").contains("li.si"), "nothing stored by a refusal");

        assertEquals("人员“nobody”不存在", refused(NEW_PASSWORD + "\n", "password", "--center", "hanshan",
                "--account", "nobody", "--password-stdin"));
        assertEquals("不能撤销本中心最后一名中心管理员的角色，请先为他人授予该角色",
                refused("", "revoke", "--center", "hanshan", "--account", "wang.admin", "--role", "administrator"));
        assertEquals("参数 --days 应为1到366之间的整数（天数）", refused("", "token", "issue", "--center", "hanshan",
                "--name", "x", "--scope", "CASE_READ", "--days", "400"));
        assertTrue(refused("", "token", "issue", "--center", "hanshan", "--name", "x", "--scope", "人员管理", "--days", "3")
                .startsWith("令牌不能带有“人员管理”"));
        assertTrue(refused("", "people", "--center", "nosuch").startsWith("中心“nosuch”不存在，已有的中心："));

        // The command line holds roles in its --center only: a person who also works in 马鞍山 is out of its reach.
        ok(PASSWORD + "\n", "create", "--center", "maanshan", "--account", "zhao.admin", "--name", "赵六", "--password-stdin");
        ok("", "grant", "--center", "maanshan", "--account", "wang.admin", "--role", "DIRECTOR");
        String denied = refused(NEW_PASSWORD + "\n", "password", "--center", "hanshan", "--account", "wang.admin",
                "--password-stdin");
        assertTrue(denied.startsWith("无权重置密码") && denied.contains("maanshan"), denied);
        assertTrue(line(ok("", "log", "--center", "hanshan"), "越权访问").contains(ACTOR));
        assertEquals("wang.admin", signIn("wang.admin", PASSWORD).account());
    }

    @Test
    void answersMistakesInTheCommandLineWithTheUsage() {
        Run help = AdminCommandTest.run("", "help");
        assertEquals(AdminCommand.OK, help.code());
        assertTrue(help.out().startsWith("用法") && help.out().contains("token revoke") && help.out().contains("掌握整个数据库"),
                help.out());

        Run none = AdminCommandTest.run("");
        assertEquals(AdminCommand.FAILED, none.code());
        assertTrue(none.err().startsWith("用法"), none.err());

        Run unknown = admin("", "token", "forge", "--center", "hanshan");
        assertEquals(AdminCommand.FAILED, unknown.code());
        assertTrue(unknown.err().startsWith("无法识别的命令“admin token forge”\n用法"), unknown.err());

        assertEquals("命令 people 不接受参数 --account。用法：onestop admin people --center <中心>",
                refused("", "people", "--center", "hanshan", "--account", "x"));
        assertEquals("缺少参数 --role。用法：onestop admin grant --center <中心> --account <账号> --role <角色>[:<部门|印章>]",
                refused("", "grant", "--center", "hanshan", "--account", "x"));
        assertEquals("参数 --role 只能给一次", refused("", "grant", "--center", "hanshan", "--account", "x", "--role", "DIRECTOR",
                "--role", "SUPERVISOR"));
        assertEquals("参数 --limit 缺少取值", refused("", "log", "--center", "hanshan", "--limit"));
        // bin/onestop appends --data: an unknown option before it is named as such, not taken for one missing a value.
        assertEquals("命令 people 不接受参数 --frob。用法：onestop admin people --center <中心>",
                refused("", "people", "--center", "hanshan", "--frob"));
        assertTrue(refused("", "log", "--center", "hanshan", "--limit", "lots").startsWith("参数 --limit 应为1到500"));
        assertTrue(refused("", "password", "--center", "hanshan", "--account", "x", "--password", NEW_PASSWORD)
                .startsWith("密码不能写在命令行上"));
    }

    @Test
    void wantsADatabaseBeforeAnythingButCreate() {
        Run run = AdminCommandTest.run("", "people", "--center", "hanshan", "--data", base.resolve("elsewhere").toString());
        assertEquals(AdminCommand.FAILED, run.code());
        assertTrue(run.err().contains("还不存在") && run.err().contains("admin create"), run.err());
        assertFalse(base.resolve("elsewhere/derby").toFile().exists(), "no empty database is made");
    }

    @Test
    void columnsCountChineseAsTwoAndNeutralizeControlCharacters() {
        assertEquals(4, Columns.width("含山"));
        assertEquals(5, Columns.width("a含山"));
        assertEquals("a?[31mb?c", Columns.clean("a\u001b[31mb\nc"));
    }
}
