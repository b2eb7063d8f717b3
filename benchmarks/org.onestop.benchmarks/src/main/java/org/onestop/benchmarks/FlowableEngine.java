package org.onestop.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

/**
 * Flowable, embedded, over a fresh in-memory H2 database, with the case as user tasks in sequence.
 * Set up for speed as far as is fair: no async executor (nothing here is asynchronous), history at
 * {@code audit} (Flowable's default), schema created on start. Each case starts an instance with the
 * case's data as variables, then finds its one open task and completes it, act after act.
 */
final class FlowableEngine implements AutoCloseable {

    /** The processes deployed, one per BPMN file beside this class. */
    enum Process {
        FULL_PATH("onestopFullPath", "full-path.bpmn20.xml", CaseFlow.FULL_PATH),
        THREE_ACTS("onestopThreeActs", "three-acts.bpmn20.xml", List.of("receive", "accept", "conclude"));

        final String key;
        final String resource;
        final List<String> acts;

        Process(String key, String resource, List<String> acts) {
            this.key = key;
            this.resource = resource;
            this.acts = acts;
        }
    }

    static final HistoryLevel HISTORY = HistoryLevel.AUDIT;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** What OneStop stores at receipt, given to each instance as variables. */
    private static final Map<String, Object> CASE_DATA = Map.of("itemCode", BenchmarkCatalog.ITEM, "applicantType",
            "PERSON", "applicantName", "张三", "applicantId", OneStopFlow.APPLICANT_ID, "applicantPhone", "13912345678",
            "channel", "WINDOW", "materials",
            "[{\"name\":\"" + BenchmarkCatalog.MATERIAL + "\",\"form\":\"ORIGINAL\",\"copies\":1}]");

    private final String jdbcUrl;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final AtomicInteger businessKeys = new AtomicInteger();

    FlowableEngine() {
        int n = DATABASES.incrementAndGet();
        this.jdbcUrl = "jdbc:h2:mem:onestop-bench-" + n + ";DB_CLOSE_DELAY=-1";
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration
                .setEngineName("onestop-bench-" + n)
                .setJdbcUrl(jdbcUrl)
                .setJdbcDriver("org.h2.Driver")
                .setJdbcUsername("sa")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(false)
                .setHistoryLevel(HISTORY);
        // Neither is used by user tasks in sequence; without them the engine starts faster (not a per-case cost).
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        this.engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("onestop-bench");
        for (Process p : Process.values()) {
            deployment.addClasspathResource("org/onestop/benchmarks/" + p.resource);
        }
        deployment.deploy();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.history = engine.getHistoryService();
    }

    /** The settings of every Flowable measurement, for the report. */
    static String settings() {
        return "async executor off, history level " + HISTORY.getKey() + " (Flowable's default), IDM engine and "
                + "event registry off, database schema update " + ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE
                + ", jdbc:h2:mem:…;DB_CLOSE_DELAY=-1, " + CASE_DATA.size() + " case variables at start";
    }

    /** Cases of one process on this engine. */
    CaseFlow flow(Process process) {
        return new CaseFlow() {
            @Override
            public String label() {
                return "Flowable " + ProcessEngine.class.getPackage().getImplementationVersion() + ", H2 in memory"
                        + (process == Process.FULL_PATH ? " (full path)" : " (OneStop's acts)");
            }

            @Override
            public List<String> acts() {
                return process.acts;
            }

            @Override
            public void runCase() {
                ProcessInstance instance = runtime.startProcessInstanceByKey(process.key,
                        "case-" + businessKeys.incrementAndGet(), CASE_DATA);
                for (String act : process.acts) {
                    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
                    if (task == null || !act.equals(task.getTaskDefinitionKey())) {
                        throw new IllegalStateException("instance " + instance.getId() + " expected task " + act
                                + ", found " + (task == null ? "none" : task.getTaskDefinitionKey()));
                    }
                    tasks.complete(task.getId());
                }
            }

            @Override
            public long finishedCases() {
                return history.createHistoricProcessInstanceQuery().processDefinitionKey(process.key).finished().count();
            }
        };
    }

    @Override
    public void close() {
        engine.close();
        // DB_CLOSE_DELAY=-1 keeps the in-memory database until it is shut down: free it.
        try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("H2 did not shut down: " + e.getMessage(), e);
        }
    }
}
