package org.onestop.core.internal.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;
import org.onestop.api.access.ApiToken;
import org.onestop.api.access.IssuedToken;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.NewToken;
import org.onestop.api.access.Permission;
import org.onestop.api.access.Person;
import org.onestop.api.access.Principal;
import org.onestop.api.access.Role;
import org.onestop.api.access.RoleGrant;
import org.onestop.api.access.SecurityEvent;
import org.onestop.api.catalog.Center;
import org.onestop.core.internal.CatalogFolder;
import org.onestop.core.internal.access.AccessServiceImpl;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.core.internal.cli.Arguments.Spec;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.StoreException;
import org.onestop.store.StoreSession;
import org.onestop.store.Stores;

/**
 * {@code bin/onestop admin}: a center's people, roles, tokens and security log, managed from the shell while
 * the server is stopped (embedded Derby admits one process at a time). Runs on a flat class path of plain
 * jars, no OSGi. {@code help} prints the commands.
 *
 * <p>{@code create} makes a center's first administrator, with no actor, as
 * {@link AccessServiceImpl#createFirstAdministrator} allows once per center. Every other command acts as the
 * principal {@code cli:<OS user name>} holding the administrator and supervisor roles in the center named by
 * {@code --center}, and in no other: each act goes through the access service's own rules and is written to
 * the security log with that actor. There is no sign-in, since whoever can run this on a base's data owns
 * the database anyway.
 *
 * <p>A password is asked twice on the terminal without echo, or read as one line from standard input with
 * {@code --password-stdin}; it is never an argument, which {@code ps} would show. {@code --catalog} (given
 * by {@code bin/onestop} to {@code create}) imports the base's catalog first, so that a center exists before
 * the server has ever run. Exit code 0 on success; 2 with one line on standard error otherwise (a mistake in
 * the command line adds the usage).
 */
public final class AdminCommand {

    static final int OK = 0;
    static final int FAILED = 2;
    /** The security log's actor for this command is {@code cli:} and the operating system's user name. */
    static final String ACTOR_PREFIX = "cli:";

    private static final String DATA = "--data";
    private static final String CATALOG = "--catalog";
    /** The database folder, when etc/org.onestop.store.cfg sets database.dir; else data/derby. */
    private static final String DATABASE = "--database";
    private static final String CENTER = "--center";
    private static final String ACCOUNT = "--account";
    private static final String NAME = "--name";
    private static final String ROLE = "--role";
    private static final String PASSWORD_STDIN = "--password-stdin";
    private static final String SCOPE = "--scope";
    private static final String DAYS = "--days";
    private static final String DEPARTMENT = "--department";
    private static final String ID = "--id";
    private static final String LIMIT = "--limit";

    private static final int DEFAULT_LIMIT = 50;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** What a token may carry: the access service refuses the two that belong to an administrator in person. */
    private static final Set<Permission> TOKEN_PERMISSIONS = EnumSet.complementOf(
            EnumSet.of(Permission.PEOPLE_MANAGE, Permission.TOKEN_MANAGE));

    private static final Comparator<RoleGrant> GRANT_ORDER = Comparator.comparing(RoleGrant::role)
            .thenComparing(g -> g.departmentId() == null ? "" : g.departmentId())
            .thenComparing(g -> g.sealId() == null ? "" : g.sealId());

    private static final List<Spec> COMMANDS = List.of(
            command("create", "--center <中心> --account <账号> --name <姓名> [--password-stdin]",
                    "创建中心的首位中心管理员（中心已有管理员时拒绝）", List.of(CENTER, ACCOUNT, NAME), PASSWORD_STDIN, CATALOG),
            command("people", "--center <中心>", "列出人员：账号、姓名、状态（启用/停用/锁定）、角色", List.of(CENTER)),
            command("add", "--center <中心> --account <账号> --name <姓名> --role <角色>[:<部门|印章>] [--role …] "
                    + "[--password-stdin]", "新建人员并授予本中心的角色", List.of(CENTER, ACCOUNT, NAME, ROLE), PASSWORD_STDIN),
            command("grant", "--center <中心> --account <账号> --role <角色>[:<部门|印章>]", "授予角色",
                    List.of(CENTER, ACCOUNT, ROLE)),
            command("revoke", "--center <中心> --account <账号> --role <角色>[:<部门|印章>]", "撤销角色",
                    List.of(CENTER, ACCOUNT, ROLE)),
            command("password", "--center <中心> --account <账号> [--password-stdin]",
                    "重置密码：结束此人所有已登录的会话，并解除登录锁定", List.of(CENTER, ACCOUNT), PASSWORD_STDIN),
            command("disable", "--center <中心> --account <账号>", "停用账号，并结束其已登录的会话", List.of(CENTER, ACCOUNT)),
            command("enable", "--center <中心> --account <账号>", "启用账号，并解除登录锁定", List.of(CENTER, ACCOUNT)),
            command("token issue", "--center <中心> --name <名称> --scope <权限>[,<权限>…] --days <1-366> [--department <部门>]",
                    "签发接口令牌；密钥只显示这一次", List.of(CENTER, NAME, SCOPE, DAYS), DEPARTMENT),
            command("token list", "--center <中心>", "列出接口令牌（不含密钥）", List.of(CENTER)),
            command("token revoke", "--center <中心> --id <令牌标识>", "撤销接口令牌", List.of(CENTER, ID)),
            command("log", "--center <中心> [--limit <条数>]", "安全日志，最新的在前（默认" + DEFAULT_LIMIT + "条，最多500条）",
                    List.of(CENTER), LIMIT));

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;

    AdminCommand(InputStream in, PrintStream out, PrintStream err, Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    public static void main(String[] args) {
        // Without a logging provider on the class path slf4j would print a warning to standard error.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args));
    }

    /** Runs with the process's standard streams and terminal; returns the exit code. */
    public static int run(String[] args) {
        return new AdminCommand(System.in, System.out, System.err, System.console()).execute(args);
    }

    /** Every command but {@code create} requires the data folder ({@code bin/onestop} gives it) and takes no catalog. */
    private static Spec command(String name, String synopsis, String summary, List<String> required, String... optional) {
        List<String> all = new ArrayList<>(required);
        all.add(DATA);
        List<String> allowed = new ArrayList<>(List.of(optional));
        allowed.add(DATABASE);
        return new Spec(name, synopsis, summary, List.copyOf(all), List.copyOf(allowed),
                "add".equals(name) ? Set.of(ROLE) : Set.of());
    }

    int execute(String[] args) {
        String command = "";
        try {
            if (args.length > 0 && List.of("help", "-h", "--help").contains(args[0])) {
                out.print(usage());
                return OK;
            }
            Arguments arguments = Arguments.parse(args);
            command = arguments.command();
            String given = command;
            Spec spec = COMMANDS.stream().filter(c -> c.name().equals(given)).findFirst()
                    .orElseThrow(() -> new Arguments.Invalid((given.isEmpty() ? "" : "无法识别的命令“admin " + given + "”\n")
                            + usage()));
            arguments.check(spec);
            return open(spec, arguments);
        } catch (Arguments.Invalid e) {
            err.print(e.getMessage().endsWith("\n") ? e.getMessage() : e.getMessage() + "\n");
            return FAILED;
        } catch (RuntimeException e) {
            // An operator reads this, not a developer: one line, no stack trace.
            err.println("admin " + command + " 失败：" + rootMessage(e));
            return FAILED;
        }
    }

    /** The acts' shared ground: the open database, the center, the access service and who acts. */
    private record Context(Arguments args, AccessServiceImpl access, Principal cli, Center center, Clock clock) {

        String centerId() {
            return center.id();
        }

        String account() {
            String account = args.get(ACCOUNT);
            return account == null ? null : account.strip().toLowerCase(Locale.ROOT);
        }
    }

    private int open(Spec spec, Arguments args) {
        boolean create = "create".equals(spec.name());
        Path data = Path.of(args.get(DATA));
        Path derby = args.has(DATABASE) ? Path.of(args.get(DATABASE)) : data.resolve("derby");
        if (!create && !Files.isDirectory(derby)) {
            err.println("数据库 " + derby + " 还不存在：请先用 onestop admin create 创建首位中心管理员，或启动一次服务");
            return FAILED;
        }
        EmbeddedStore store;
        try {
            Files.createDirectories(data);
            store = Stores.embeddedDerby(derby);
        } catch (IOException e) {
            err.println("无法创建数据目录 " + data + "：" + e.getMessage());
            return FAILED;
        } catch (StoreException e) {
            err.println(inUse(e) ? "数据库正由运行中的 OneStop 服务使用，请先停止服务再" + (create ? "创建管理员" : "运行 onestop admin "
                    + spec.name()) : "无法打开数据库 " + derby + "：" + rootMessage(e));
            return FAILED;
        }
        try {
            Clock clock = Clock.system(ZONE);
            if (create && args.has(CATALOG)) {
                new CatalogFolder(new CatalogServiceImpl(store, clock, center -> { })).importAll(Path.of(args.get(CATALOG)));
            }
            String centerId = args.get(CENTER).strip();
            Optional<Center> center = store.read(s -> s.center(centerId));
            if (center.isEmpty()) {
                String known = store.read(StoreSession::centers).stream().map(Center::id).collect(Collectors.joining("、"));
                err.println("中心“" + centerId + "”不存在" + (known.isEmpty()
                        ? "：数据库中还没有任何中心，请用 --catalog 指向事项目录，或先启动一次服务导入事项目录"
                        : "，已有的中心：" + known));
                return FAILED;
            }
            AccessServiceImpl access = AccessServiceImpl.create(store, clock, AccessSettings.defaults());
            return act(spec.name(), new Context(args, access, cliPrincipal(centerId), center.get(), clock));
        } catch (OneStopException e) {
            // The service's messages already name the rule and the field (账号…, 密码…, 部门…).
            err.println(e.getMessage());
            return FAILED;
        } catch (StoreException e) {
            err.println("数据库操作失败：" + rootMessage(e));
            return FAILED;
        } finally {
            store.close();
        }
    }

    private int act(String command, Context c) {
        return switch (command) {
            case "create" -> create(c);
            case "people" -> people(c);
            case "add" -> add(c);
            case "grant", "revoke" -> changeRole(c, "grant".equals(command));
            case "password" -> resetPassword(c);
            case "disable", "enable" -> setEnabled(c, "enable".equals(command));
            case "token issue" -> issueToken(c);
            case "token list" -> tokens(c);
            case "token revoke" -> revokeToken(c);
            case "log" -> securityLog(c);
            default -> throw new IllegalStateException(command);
        };
    }

    /**
     * Who the command acts as: the operating system's user, holding the administrator's and the supervisor's
     * roles in this one center. Its own rules are the access service's; it bypasses none of them.
     */
    static Principal cliPrincipal(String centerId) {
        String user = System.getProperty("user.name");
        user = user == null || user.isBlank() ? "unknown" : user.strip();
        return new Principal(ACTOR_PREFIX + user, "命令行（" + user + "）", List.of(RoleGrant.center(Role.ADMINISTRATOR, centerId),
                RoleGrant.center(Role.SUPERVISOR, centerId)), Set.of(), false);
    }

    // --- people and roles ----------------------------------------------------------------------

    private int create(Context c) {
        String password = password(c.args().has(PASSWORD_STDIN), "新管理员的密码（至少10位，含字母和数字）：");
        if (password == null) {
            return FAILED;
        }
        Person admin = c.access().createFirstAdministrator(c.centerId(),
                new NewPerson(c.args().get(ACCOUNT), c.args().get(NAME), password, List.of()));
        out.println("已为“" + c.center().name() + "”（" + c.centerId() + "）创建首位中心管理员 " + who(admin)
                + "。启动服务后即可用此账号登录。");
        return OK;
    }

    private int people(Context c) {
        List<Person> people = c.access().people(c.cli(), c.centerId());
        if (people.isEmpty()) {
            out.println("“" + c.center().name() + "”还没有人员");
            return OK;
        }
        Columns table = new Columns("账号", "姓名", "状态", "角色");
        for (Person p : people) {
            table.add(p.account(), p.name(), (p.enabled() ? "启用" : "停用")
                    + (p.lockedUntil() == null ? "" : "，锁定至" + MINUTE.format(p.lockedUntil().atZone(ZONE))), roles(p));
        }
        table.print(out);
        return OK;
    }

    private int add(Context c) {
        // Every role is read before the password is asked, so that a typo costs no typing.
        List<RoleGrant> grants = c.args().all(ROLE).stream().map(r -> grant(r, c.centerId())).toList();
        String password = password(c.args().has(PASSWORD_STDIN), "新人员的密码（至少10位，含字母和数字）：");
        if (password == null) {
            return FAILED;
        }
        Person person = c.access().createPerson(c.cli(), c.centerId(),
                new NewPerson(c.account(), c.args().get(NAME), password, grants));
        out.println("已新建人员 " + who(person) + "，角色：" + roles(person));
        return OK;
    }

    private int changeRole(Context c, boolean grant) {
        RoleGrant role = grant(c.args().get(ROLE), c.centerId());
        Person person = grant ? c.access().grant(c.cli(), c.account(), role) : c.access().revoke(c.cli(), c.account(), role);
        out.println((grant ? "已为 " + who(person) + "授予" : "已撤销 " + who(person) + "的") + describe(role) + "；在本中心的角色："
                + (person.grants().isEmpty() ? "无" : roles(person)));
        return OK;
    }

    private int resetPassword(Context c) {
        String account = c.account();
        String password = password(c.args().has(PASSWORD_STDIN), account + " 的新密码（至少10位，含字母和数字）：");
        if (password == null) {
            return FAILED;
        }
        // The store clears failed sign-ins and any lock with the new password: a reset is how a locked-out person gets back in.
        Optional<Person> before = find(c, account);
        c.access().changePassword(c.cli(), account, null, password);
        boolean unlocked = before.isPresent() && before.get().lockedUntil() != null;
        out.println("已重置 " + before.map(AdminCommand::who).orElse(account + " ") + "的密码，此人已登录的会话均已结束"
                + (unlocked ? "，登录锁定已解除" : "") + (before.isPresent() && !before.get().enabled()
                        ? "；账号仍处于停用状态，用 onestop admin enable 启用后才能登录" : ""));
        return OK;
    }

    private int setEnabled(Context c, boolean enabled) {
        Person person = c.access().setEnabled(c.cli(), c.centerId(), c.account(), enabled);
        out.println(enabled ? "已启用 " + who(person) + "的账号，登录锁定（如有）已解除"
                : "已停用 " + who(person) + "的账号，此人已登录的会话均已结束");
        return OK;
    }

    private static Optional<Person> find(Context c, String account) {
        return c.access().people(c.cli(), c.centerId()).stream().filter(p -> p.account().equals(account)).findFirst();
    }

    // --- tokens --------------------------------------------------------------------------------

    private int issueToken(Context c) {
        Set<Permission> scope = permissions(c.args().get(SCOPE));
        int days = number(c.args().get(DAYS), 1, 366, DAYS, "天数");
        Instant expires = c.clock().instant().plus(Duration.ofDays(days));
        IssuedToken issued = c.access().issueToken(c.cli(), c.centerId(),
                new NewToken(c.args().get(NAME), c.args().get(DEPARTMENT), scope, expires));
        ApiToken token = issued.token();
        out.println("已签发令牌 " + token.id() + "（" + token.name() + "），部门：" + department(token) + "，权限："
                + permissionLabels(token.scope()) + "，有效期至" + MINUTE.format(token.expiresAt().atZone(ZONE)));
        out.println("密钥只显示这一次，请立即交给对接系统保存（遗失只能撤销后重新签发），调用时放在请求头 Authorization: Bearer <密钥>：");
        out.println(issued.secret());
        return OK;
    }

    private int tokens(Context c) {
        List<ApiToken> tokens = new ArrayList<>(c.access().tokens(c.cli(), c.centerId()));
        if (tokens.isEmpty()) {
            out.println("“" + c.center().name() + "”还没有接口令牌");
            return OK;
        }
        tokens.sort(Comparator.comparing(ApiToken::createdAt).reversed());
        Instant now = c.clock().instant();
        Columns table = new Columns("标识", "名称", "状态", "有效期至", "部门", "签发人", "权限");
        for (ApiToken t : tokens) {
            String state = t.revokedAt() != null ? "已于" + MINUTE.format(t.revokedAt().atZone(ZONE)) + "撤销"
                    : t.expiresAt().isAfter(now) ? "有效" : "已过期";
            table.add(t.id(), t.name(), state, MINUTE.format(t.expiresAt().atZone(ZONE)), department(t), t.createdBy(),
                    permissionLabels(t.scope()));
        }
        table.print(out);
        return OK;
    }

    private int revokeToken(Context c) {
        String id = c.args().get(ID).strip();
        id = id.startsWith("token:") ? id.substring("token:".length()) : id;
        Instant before = c.clock().instant();
        ApiToken token = c.access().revokeToken(c.cli(), c.centerId(), id);
        out.println(token.revokedAt().isBefore(before)
                ? "令牌 " + token.id() + "（" + token.name() + "）早已于" + MINUTE.format(token.revokedAt().atZone(ZONE)) + "撤销"
                : "已撤销令牌 " + token.id() + "（" + token.name() + "），持有它的系统从此不能再调用接口");
        return OK;
    }

    // --- security log --------------------------------------------------------------------------

    private int securityLog(Context c) {
        int limit = c.args().has(LIMIT) ? number(c.args().get(LIMIT), 1, 500, LIMIT, "条数") : DEFAULT_LIMIT;
        List<SecurityEvent> events = c.access().securityLog(c.cli(), c.centerId(), limit);
        if (events.isEmpty()) {
            out.println("“" + c.center().name() + "”的安全日志还没有记录");
            return OK;
        }
        Columns table = new Columns("时间", "操作人", "事件", "对象", "来源", "详情");
        for (SecurityEvent e : events) {
            table.add(SECOND.format(e.at().atZone(ZONE)), e.actor(), e.kind().label(), e.subject(), e.remote(), e.detail());
        }
        table.print(out);
        return OK;
    }

    // --- words ---------------------------------------------------------------------------------

    /**
     * A role as typed: its constant (any case) or its Chinese label, then, after a colon, the department of
     * a window or review role or the seal of a custodian. What the grant must name is the service's rule.
     */
    static RoleGrant grant(String text, String centerId) {
        String typed = text.strip();
        int colon = Math.max(typed.indexOf(':'), typed.indexOf('：'));
        String name = colon < 0 ? typed : typed.substring(0, colon).strip();
        String place = colon < 0 ? null : typed.substring(colon + 1).strip();
        Role role = Arrays.stream(Role.values()).filter(r -> named(r.name(), r.label(), name)).findFirst()
                .orElseThrow(() -> OneStopException.invalid("role", "未知角色“" + name + "”，可用的角色：" + roleNames()));
        return role.scope() == Role.Scope.SEAL ? new RoleGrant(role, centerId, null, place)
                : new RoleGrant(role, centerId, place, null);
    }

    /** Permissions as typed, separated by commas or 、: constants (any case) or Chinese labels. */
    static Set<Permission> permissions(String text) {
        Set<Permission> scope = EnumSet.noneOf(Permission.class);
        for (String typed : text.split("[,，、]")) {
            String name = typed.strip();
            if (!name.isEmpty()) {
                scope.add(Arrays.stream(Permission.values()).filter(p -> named(p.name(), p.label(), name)).findFirst()
                        .orElseThrow(() -> OneStopException.invalid("scope", "未知权限“" + name + "”，令牌可用的权限："
                                + permissionNames())));
            }
        }
        return scope;
    }

    private static boolean named(String constant, String label, String typed) {
        return constant.equalsIgnoreCase(typed.replace('-', '_')) || label.equals(typed);
    }

    private static int number(String typed, int min, int max, String option, String what) {
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OneStopException.invalid(option.substring(2), "参数 " + option + " 应为" + min + "到" + max + "之间的整数（" + what + "）");
    }

    private static String roleNames() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.INTEGRATION)
                .map(r -> r.name() + switch (r.scope()) {
                    case CENTER -> "";
                    case DEPARTMENT -> ":<部门>";
                    case SEAL -> ":<印章>";
                } + " " + r.label())
                .collect(Collectors.joining("、"));
    }

    private static String permissionNames() {
        return TOKEN_PERMISSIONS.stream().map(p -> p.name() + " " + p.label()).collect(Collectors.joining("、"));
    }

    static String describe(RoleGrant g) {
        return g.role().label() + (g.departmentId() == null ? "" : "（部门 " + g.departmentId() + "）")
                + (g.sealId() == null ? "" : "（印章 " + g.sealId() + "）");
    }

    private static String roles(Person p) {
        return p.grants().stream().sorted(GRANT_ORDER).map(AdminCommand::describe).collect(Collectors.joining("、"));
    }

    /** {@code li.si（李四）}: a space before an account, none after the full-width bracket. */
    private static String who(Person p) {
        return p.account() + "（" + p.name() + "）";
    }

    private static String department(ApiToken t) {
        return t.departmentId() == null ? "全中心" : t.departmentId();
    }

    private static String permissionLabels(Set<Permission> scope) {
        return scope.stream().sorted().map(Permission::label).collect(Collectors.joining("、"));
    }

    static String usage() {
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder text = new StringBuilder("用法：onestop [--base <中心文件夹>] admin <命令> [参数]\n")
                .append("须先停止服务：内置的 Derby 数据库同一时间只允许一个进程打开。\n\n");
        for (Spec c : COMMANDS) {
            text.append("  ").append(c.name()).append(" ".repeat(width - c.name().length())).append("  ").append(c.synopsis())
                    .append('\n').append(" ".repeat(width + 4)).append(c.summary()).append('\n');
        }
        return text.append('\n')
                .append("角色（--role；英文名不分大小写，也可写中文名）：\n  ").append(roleNames()).append('\n')
                .append("令牌权限（--scope，以逗号分隔）：\n  ").append(permissionNames()).append('\n')
                .append("密码在终端上输入两次（不回显），或用 --password-stdin 从标准输入读一行；不能写在命令行上。\n")
                .append("除 create 外，命令以“cli:<操作系统用户名>”的身份执行：只在 --center 所指的中心持有“中心管理员”和“督查人员”角色，\n")
                .append("每项操作都按平台的同一套规则检查，并以此身份记入安全日志。命令行不另设登录，因为能在本机运行它、\n")
                .append("读写该中心 data/ 目录的人本就掌握整个数据库：请用操作系统的文件权限保护 data/。\n")
                .toString();
    }

    // --- input ---------------------------------------------------------------------------------

    /** The password from the terminal (twice, no echo) or one line of standard input; null after an error message. */
    private String password(boolean fromStdin, String prompt) {
        if (fromStdin) {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line = reader.readLine();
                if (line == null || line.isEmpty()) {
                    err.println("标准输入中没有密码");
                    return null;
                }
                return line;
            } catch (IOException e) {
                err.println("无法读取标准输入：" + e.getMessage());
                return null;
            }
        }
        if (console == null) {
            err.println("没有可用的终端来输入密码，请改用 --password-stdin 从标准输入读取");
            return null;
        }
        char[] first = console.readPassword("%s", prompt);
        char[] second = console.readPassword("再输入一次：");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("两次输入的密码不一致");
                return null;
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, ' ');
            }
            if (second != null) {
                Arrays.fill(second, ' ');
            }
        }
    }

    /** Derby reports a database booted by another process as XSDB6, nested in the connection failure. */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("XSDB6".equals(s.getSQLState())) {
                        return true;
                    }
                    if (s.getCause() instanceof SQLException cause && "XSDB6".equals(cause.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
