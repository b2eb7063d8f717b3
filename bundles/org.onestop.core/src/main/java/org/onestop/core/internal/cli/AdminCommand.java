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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onestop.api.OneStopException;
import org.onestop.api.access.NewPerson;
import org.onestop.api.access.Person;
import org.onestop.api.catalog.Center;
import org.onestop.core.internal.CatalogFolder;
import org.onestop.core.internal.access.AccessServiceImpl;
import org.onestop.core.internal.access.AccessSettings;
import org.onestop.core.internal.catalog.CatalogServiceImpl;
import org.onestop.store.EmbeddedStore;
import org.onestop.store.StoreException;
import org.onestop.store.StoreSession;
import org.onestop.store.Stores;

/**
 * {@code bin/onestop admin create}: creates a center's first administrator while the server is stopped
 * (embedded Derby admits one process at a time). Runs on a flat class path of plain jars, no OSGi.
 *
 * <pre>
 * create --data &lt;base&gt;/data --center &lt;id&gt; --account &lt;account&gt; --name &lt;名字&gt;
 *        [--catalog &lt;base&gt;/etc/catalog] [--password-stdin]
 * </pre>
 *
 * The password is asked twice on the terminal without echo, or read as one line from standard input
 * with {@code --password-stdin}; it is never an argument, which {@code ps} would show. {@code --catalog}
 * imports the base's catalog first, so that a center exists before the server has ever run. Exit code 0
 * on success; 2 with one line on standard error otherwise.
 */
public final class AdminCommand {

    static final int OK = 0;
    static final int FAILED = 2;

    private static final String USAGE = "用法：onestop admin create --data <数据目录> --center <中心标识> --account <账号> "
            + "--name <姓名> [--catalog <事项目录文件夹>] [--password-stdin]";
    private static final List<String> VALUED = List.of("--data", "--center", "--account", "--name", "--catalog");

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

    int execute(String[] args) {
        try {
            return create(options(args));
        } catch (UsageException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // An operator reads this, not a developer: one line, no stack trace.
            err.println("创建管理员失败：" + rootMessage(e));
            return FAILED;
        }
    }

    private int create(Map<String, String> options) {
        Path data = Path.of(options.get("--data"));
        String centerId = options.get("--center");
        String account = options.get("--account");
        String name = options.get("--name");
        String password = password(options.containsKey("--password-stdin"));
        if (password == null) {
            return FAILED;
        }
        EmbeddedStore store;
        try {
            Files.createDirectories(data);
            store = Stores.embeddedDerby(data.resolve("derby"));
        } catch (IOException e) {
            err.println("无法创建数据目录 " + data + "：" + e.getMessage());
            return FAILED;
        } catch (StoreException e) {
            err.println(inUse(e) ? "数据库正由运行中的 OneStop 服务使用，请先停止服务（bin/onestop stop）再创建管理员"
                    : "无法打开数据库 " + data.resolve("derby") + "：" + rootMessage(e));
            return FAILED;
        }
        try {
            Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
            CatalogServiceImpl catalog = new CatalogServiceImpl(store, clock, center -> { });
            if (options.containsKey("--catalog")) {
                new CatalogFolder(catalog).importAll(Path.of(options.get("--catalog")));
            }
            if (store.read(s -> s.center(centerId)).isEmpty()) {
                String known = store.read(StoreSession::centers).stream().map(Center::id).collect(Collectors.joining("、"));
                err.println("中心“" + centerId + "”不存在" + (known.isEmpty()
                        ? "：数据库中还没有任何中心，请用 --catalog 指向事项目录，或先启动一次服务导入事项目录"
                        : "，已有的中心：" + known));
                return FAILED;
            }
            AccessServiceImpl access = AccessServiceImpl.create(store, clock, AccessSettings.defaults());
            Person admin = access.createFirstAdministrator(centerId, new NewPerson(account, name, password, List.of()));
            Center center = store.read(s -> s.center(centerId)).orElseThrow();
            out.println("已为“" + center.name() + "”（" + centerId + "）创建首位中心管理员 " + admin.account() + "（" + admin.name()
                    + "）。启动服务后即可用此账号登录。");
            return OK;
        } catch (OneStopException e) {
            // The service's messages already name the field (账号…, 密码…, 姓名…).
            err.println(e.getMessage());
            return FAILED;
        } catch (StoreException e) {
            err.println("数据库操作失败：" + rootMessage(e));
            return FAILED;
        } finally {
            store.close();
        }
    }

    /** The password from the terminal (twice, no echo) or one line of standard input; null after an error message. */
    private String password(boolean fromStdin) {
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
        char[] first = console.readPassword("新管理员的密码（至少10位，含字母和数字）：");
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

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !"create".equals(args[0])) {
            throw new UsageException(USAGE);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ("--password-stdin".equals(arg)) {
                options.put(arg, "");
            } else if (VALUED.contains(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else if ("--password".equals(arg)) {
                throw new UsageException("密码不能写在命令行上（其他用户可以看到），请在提示时输入，或使用 --password-stdin");
            } else {
                throw new UsageException("无法识别的参数“" + arg + "”。" + USAGE);
            }
        }
        for (String required : List.of("--data", "--center", "--account", "--name")) {
            if (options.get(required) == null || options.get(required).isBlank()) {
                throw new UsageException("缺少参数 " + required + "。" + USAGE);
            }
        }
        return options;
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

    private static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
