package it.sportello.archive;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.platform.scheduling.SchedulingConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * The command-line export starts no scheduler: with {@code sportello.archive.export} set, the job
 * executor, the scheduled jobs, mail polling and sending, report deliveries, retention and alerts
 * are off before any bean exists; without it, nothing changes.
 */
class ArchiveCommandLineEnvironmentTest {

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new ArchiveCommandLineEnvironment()
        .postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void theCommandLineExportTurnsEverySchedulerOff() {
    StandardEnvironment export =
        environment(
            Map.of(
                "sportello.archive.export", "/backup/sportello.zip",
                "camunda.bpm.job-execution.enabled", "true",
                "sportello.mail.polling.enabled", "true"));
    assertThat(export.getProperty("sportello.scheduling.enabled")).isEqualTo("false");
    assertThat(export.getProperty("camunda.bpm.job-execution.enabled")).isEqualTo("false");
    assertThat(export.getProperty("sportello.mail.polling.enabled")).isEqualTo("false");
    assertThat(export.getProperty("sportello.mail.outbound.enabled")).isEqualTo("false");
    assertThat(export.getProperty("sportello.reporting.schedule-deliveries")).isEqualTo("false");
    assertThat(export.getProperty("sportello.retention.enabled")).isEqualTo("false");
    assertThat(export.getProperty("sportello.alerts.schedule")).isEqualTo("false");

    StandardEnvironment serving = environment(Map.of("camunda.bpm.job-execution.enabled", "true"));
    assertThat(serving.getPropertySources().contains(ArchiveCommandLineEnvironment.SOURCE))
        .isFalse();
    assertThat(serving.getProperty("camunda.bpm.job-execution.enabled")).isEqualTo("true");
    assertThat(serving.getProperty("sportello.scheduling.enabled")).isNull();
  }

  @Test
  void itIsRegisteredAndTheScheduledJobsFollowTheSwitch() {
    @SuppressWarnings("deprecation")
    java.util.List<String> registered =
        SpringFactoriesLoader.loadFactoryNames(
            EnvironmentPostProcessor.class, getClass().getClassLoader());
    assertThat(registered).contains(ArchiveCommandLineEnvironment.class.getName());

    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SchedulingConfiguration.class));
    runner.run(
        context ->
            assertThat(
                    context.containsBean(
                        TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
                .as("scheduling on by default")
                .isTrue());
    runner
        .withPropertyValues("sportello.scheduling.enabled=false")
        .run(
            context ->
                assertThat(
                        context.containsBean(
                            TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME))
                    .as("no @Scheduled job runs")
                    .isFalse());
  }
}
