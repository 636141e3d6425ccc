package it.sportello.monitoring.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The job executor's health ({@code /actuator/health/jobs}): {@code DEGRADED} while jobs have
 * failed for good (no retries left) or incidents are open, so an operator looks at Cockpit; and the
 * gauges {@code sportello.jobs.failed} and {@code sportello.incidents.open}.
 */
@Component("jobsHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator implements MeterBinder {

  static final Status DEGRADED = new Status("DEGRADED");

  private final ManagementService management;
  private final RuntimeService runtime;

  JobExecutorHealth(ManagementService management, RuntimeService runtime) {
    super("Job executor check failed");
    this.management = management;
    this.runtime = runtime;
  }

  long failedJobs() {
    return management.createJobQuery().withException().noRetriesLeft().count();
  }

  long openIncidents() {
    return runtime.createIncidentQuery().count();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    long failed = failedJobs();
    long incidents = openIncidents();
    builder
        .status(failed > 0 || incidents > 0 ? DEGRADED : Status.UP)
        .withDetail("failedJobs", failed)
        .withDetail("openIncidents", incidents);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("sportello.jobs.failed", this, JobExecutorHealth::failedJobs)
        .description("Engine jobs that failed with no retries left")
        .register(registry);
    Gauge.builder("sportello.incidents.open", this, JobExecutorHealth::openIncidents)
        .description("Open engine incidents")
        .register(registry);
  }
}
