package it.sportello.studio.process;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import it.sportello.studio.DryRunResult;
import it.sportello.studio.StudioDryRun;
import java.beans.FeatureDescriptor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dry-run engine (ADR 0030): a second process engine, built on first use on the same PostgreSQL
 * but in a schema of its own ({@value #SCHEMA}, dropped and created when it is built, dropped when
 * the application stops), through a pool of its own whose connections have that schema as their
 * search path. Its job executor is off, it has no authorizations, no plugins and no Spring
 * integration, and it is not registered for {@code /engine-rest}. Bean names in expressions resolve
 * to stubs that record the call and do nothing; variables win over them, as in production. One run
 * at a time: deploy, start, complete user tasks and run asynchronous continuations (never timers)
 * with the sample variables, read the path, then delete the deployment with everything it made.
 */
@Component
class CamundaStudioDryRun implements StudioDryRun, DisposableBean {

  static final String SCHEMA = "studio_dryrun";
  private static final int MAX_STEPS = 50;
  private static final Logger log = LoggerFactory.getLogger(CamundaStudioDryRun.class);
  private static final ThreadLocal<List<String>> CALLS = new ThreadLocal<>();

  private final DataSource production;
  private final ListableBeanFactory beans;
  private final RepositoryService productionRepository;
  private ProcessEngine engine;
  private HikariDataSource pool;

  CamundaStudioDryRun(
      DataSource production, ListableBeanFactory beans, ProcessEngine productionEngine) {
    this.production = production;
    this.beans = beans;
    this.productionRepository = productionEngine.getRepositoryService();
  }

  @Override
  public synchronized DryRunResult run(
      String resourceName, String bpmn, Map<String, Object> variables) {
    ProcessEngine dry = engine();
    List<String> calls = new ArrayList<>();
    CALLS.set(calls);
    String deploymentId = null;
    String instanceId = null;
    String error = null;
    try {
      DeploymentBuilder deployment =
          dry.getRepositoryService()
              .createDeployment()
              .name("dry run")
              .addString(resourceName, bpmn);
      decisions().forEach(deployment::addString);
      deploymentId = deployment.deploy().getId();
      String definitionId =
          dry.getRepositoryService()
              .createProcessDefinitionQuery()
              .deploymentId(deploymentId)
              .singleResult()
              .getId();
      instanceId =
          dry.getRuntimeService()
              .startProcessInstanceById(definitionId, "dry-run", variables)
              .getId();
      walk(dry, instanceId, variables);
    } catch (RuntimeException e) {
      error = e.getMessage();
    } finally {
      CALLS.remove();
    }
    try {
      List<String> path = new ArrayList<>();
      List<String> waiting = List.of();
      boolean ended = false;
      if (instanceId != null) {
        for (HistoricActivityInstance activity :
            dry.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId)
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
          path.add(activity.getActivityId());
        }
        ended =
            dry.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceId(instanceId)
                    .count()
                == 0;
        if (!ended) {
          waiting = dry.getRuntimeService().getActiveActivityIds(instanceId);
        }
      }
      return new DryRunResult(ended && error == null, path, waiting, calls, error);
    } finally {
      if (deploymentId != null) {
        dry.getRepositoryService().deleteDeployment(deploymentId, true, true, true);
      }
    }
  }

  /** Completes user tasks and runs asynchronous continuations until the instance ends or waits. */
  private static void walk(ProcessEngine dry, String instanceId, Map<String, Object> variables) {
    for (int step = 0; step < MAX_STEPS; step++) {
      List<Task> tasks =
          dry.getTaskService().createTaskQuery().processInstanceId(instanceId).list();
      if (!tasks.isEmpty()) {
        tasks.forEach(task -> dry.getTaskService().complete(task.getId(), variables));
        continue;
      }
      List<Job> jobs =
          dry.getManagementService()
              .createJobQuery()
              .processInstanceId(instanceId)
              .messages()
              .list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> dry.getManagementService().executeJob(job.getId()));
    }
  }

  /** The production engine's latest decisions, so that business rule tasks find theirs. */
  private Map<String, String> decisions() {
    Map<String, String> resources = new LinkedHashMap<>();
    for (DecisionDefinition decision :
        productionRepository.createDecisionDefinitionQuery().latestVersion().list()) {
      resources.computeIfAbsent(
          decision.getResourceName(),
          name -> {
            try (var in =
                productionRepository.getResourceAsStream(decision.getDeploymentId(), name)) {
              return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    return resources;
  }

  private ProcessEngine engine() {
    if (engine == null) {
      JdbcTemplate jdbc = new JdbcTemplate(production);
      jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
      jdbc.execute("create schema " + SCHEMA);
      HikariDataSource main;
      try {
        main = production.unwrap(HikariDataSource.class);
      } catch (SQLException e) {
        throw new IllegalStateException("The dry run needs the application's Hikari pool", e);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(main.getJdbcUrl());
      config.setUsername(main.getUsername());
      config.setPassword(main.getPassword());
      config.setSchema(SCHEMA);
      config.setMaximumPoolSize(2);
      config.setPoolName("studio-dry-run");
      pool = new HikariDataSource(config);
      StandaloneProcessEngineConfiguration configuration =
          new StandaloneProcessEngineConfiguration();
      configuration.setProcessEngineName("studio-dry-run");
      configuration.setDataSource(pool);
      // the schema for Camunda's table check, the prefix for its SQL (Camunda wants both), and the
      // pool's search path for its table creation: all three name the throwaway schema
      configuration.setDatabaseSchema(SCHEMA);
      configuration.setDatabaseTablePrefix(SCHEMA + ".");
      configuration.setDatabaseSchemaUpdate("true");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("activity");
      configuration.setMetricsEnabled(false);
      configuration.setDbMetricsReporterActivate(false);
      configuration.setAuthorizationEnabled(false);
      configuration.setIdGenerator(new StrongUuidGenerator());
      configuration.setExpressionManager(new StubbingExpressionManager(beans));
      try {
        engine = configuration.buildProcessEngine();
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      // not reachable through /engine-rest/engine/{name}
      ProcessEngines.unregister(engine);
      log.info("Dry-run engine built on schema {}", SCHEMA);
    }
    return engine;
  }

  @Override
  public synchronized void destroy() {
    if (engine != null) {
      engine.close();
      pool.close();
      new JdbcTemplate(production).execute("drop schema if exists " + SCHEMA + " cascade");
      engine = null;
    }
  }

  /** A bean named in the model, replaced: records the call, does nothing. */
  record Stub(String name) implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {
      record(name + " @ " + execution.getCurrentActivityId());
    }

    @Override
    public void notify(DelegateExecution execution) {
      record(
          name + " @ " + execution.getCurrentActivityId() + " (" + execution.getEventName() + ")");
    }

    @Override
    public void notify(DelegateTask task) {
      record(name + " @ " + task.getTaskDefinitionKey() + " (" + task.getEventName() + ")");
    }

    static void record(String call) {
      List<String> calls = CALLS.get();
      if (calls != null) {
        calls.add(call);
      }
    }
  }

  /**
   * Expressions of the dry-run engine: variables first (as in production), then a name of a Spring
   * bean resolves to a {@link Stub}; a method called or a property read on a stub is recorded and
   * gives null. The model passed the production engine's checks (only allowlisted beans) before.
   */
  static final class StubbingExpressionManager extends JuelExpressionManager {
    private final ListableBeanFactory beans;

    StubbingExpressionManager(ListableBeanFactory beans) {
      this.beans = beans;
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new StubResolver(null));
      resolver.add(super.createElResolver());
      resolver.add(new StubResolver(beans));
      return resolver;
    }
  }

  /** Resolves members of stubs ({@code beans} null) or bean names to stubs. */
  private static final class StubResolver extends ELResolver {
    private final ListableBeanFactory beans;

    StubResolver(ListableBeanFactory beans) {
      this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (beans == null && base instanceof Stub stub) {
        context.setPropertyResolved(true);
        Stub.record(stub.name() + "." + property);
        return null;
      }
      if (beans != null
          && base == null
          && property instanceof String name
          && beans.containsBean(name)) {
        context.setPropertyResolved(true);
        return new Stub(name);
      }
      return null;
    }

    @Override
    public Object invoke(
        ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      if (beans == null && base instanceof Stub stub) {
        context.setPropertyResolved(true);
        Stub.record(stub.name() + "." + method + "()");
        return null;
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {}

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return Object.class;
    }
  }
}
