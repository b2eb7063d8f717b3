package org.onestop.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;

/**
 * Flowable, embedded, over a fresh in-memory H2 database, with issue 5's full path of a promised case as
 * user tasks in sequence ({@code full-path.bpmn20.xml}: receive, accept, step1, step2, step3, approve,
 * deliver, conclude). Set up for speed as far as is fair: no async executor (nothing here is
 * asynchronous), history at {@code audit} (Flowable's default), schema created on start. Each case starts
 * an instance with the case's data as variables, then finds its one open task with a query, checks it is
 * the expected one and completes it through the {@link TaskService}, task after task.
 */
final class FlowableEngine implements CaseFlow, AutoCloseable {

    static final String PROCESS_KEY = "onestopFullPath";
    static final String PROCESS_RESOURCE = "org/onestop/benchmarks/full-path.bpmn20.xml";
    static final HistoryLevel HISTORY = HistoryLevel.AUDIT;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** What OneStop stores at receipt, given to each instance as variables. */
    private static final Map<String, Object> CASE_DATA = Map.of("itemCode", BenchmarkCatalog.ITEM, "applicantType",
            "PERSON", "applicantName", "张三", "applicantId", OneStopFlow.APPLICANT_ID, "applicantPhone", "13912345678",
            "channel", "WINDOW", "materials", materialsJson());

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
        engine.getRepositoryService().createDeployment().name("onestop-bench").addClasspathResource(PROCESS_RESOURCE)
                .deploy();
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

    static String version() {
        return ProcessEngine.class.getPackage().getImplementationVersion();
    }

    @Override
    public String label() {
        return "Flowable " + version() + ", H2 in memory";
    }

    /** One user task per act of the full path. */
    @Override
    public List<String> acts() {
        return FULL_PATH;
    }

    @Override
    public void runCase() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, "case-" + businessKeys.incrementAndGet(),
                CASE_DATA);
        for (String act : FULL_PATH) {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            if (task == null || !act.equals(task.getTaskDefinitionKey())) {
                throw new IllegalStateException("instance " + instance.getId() + " expected task " + act + ", found "
                        + (task == null ? "none" : task.getTaskDefinitionKey()));
            }
            tasks.complete(task.getId());
        }
    }

    @Override
    public long finishedCases() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).finished().count();
    }

    /**
     * Every instance of the process, re-read from Flowable's history: each must have ended at the end event,
     * with exactly the full path's user tasks, each completed once; and none may still be running.
     */
    @Override
    public List<String> audit() {
        List<String> problems = new ArrayList<>();
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        if (running > 0) {
            problems.add(running + " instances still running");
        }
        List<String> expected = FULL_PATH.stream().sorted().toList();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .list()) {
            List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                    .list();
            List<String> keys = done.stream().map(HistoricTaskInstance::getTaskDefinitionKey).sorted().toList();
            if (instance.getEndTime() == null || !"end".equals(instance.getEndActivityId()) || !keys.equals(expected)
                    || done.stream().anyMatch(t -> t.getEndTime() == null)) {
                problems.add("instance " + instance.getBusinessKey() + " ended " + instance.getEndTime() + " at "
                        + instance.getEndActivityId() + " with tasks " + keys);
            }
        }
        return problems;
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

    private static String materialsJson() {
        StringBuilder json = new StringBuilder("[");
        for (var m : BenchmarkCatalog.submitted()) {
            json.append(json.length() > 1 ? "," : "").append("{\"name\":\"").append(m.name()).append("\",\"form\":\"")
                    .append(m.form()).append("\",\"copies\":").append(m.copies()).append('}');
        }
        return json.append(']').toString();
    }
}
