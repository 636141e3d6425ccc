package it.sportello.archive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The command-line export ({@code --sportello.archive.export=<file>}) starts the application only
 * to read the database and write the archive: nothing may work beside it. When the option is set,
 * this turns off, before any bean exists, every scheduler: the process engine's job executor (and
 * with it the history cleanup), the scheduled jobs ({@code @Scheduled}: retention, reminders,
 * alerts, the citizen channels' dispatcher, the audit chain's check), mail polling and sending, the
 * report deliveries, the PBX's event stream; and the web server takes any free port, so that the
 * export can run beside the instance that serves.
 */
public class ArchiveCommandLineEnvironment implements EnvironmentPostProcessor {

  static final String SOURCE = "sportello-archive-command-line";

  /** What the command-line export turns off. */
  static final Map<String, Object> OFF = offSwitches();

  private static Map<String, Object> offSwitches() {
    Map<String, Object> off = new LinkedHashMap<>();
    off.put("sportello.scheduling.enabled", "false");
    off.put("camunda.bpm.job-execution.enabled", "false");
    off.put("sportello.mail.polling.enabled", "false");
    off.put("sportello.mail.outbound.enabled", "false");
    off.put("sportello.reporting.schedule-deliveries", "false");
    off.put("sportello.retention.enabled", "false");
    off.put("sportello.alerts.schedule", "false");
    off.put("sportello.phone.asterisk.url", "");
    off.put("server.port", "0");
    return Map.copyOf(off);
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String export = environment.getProperty("sportello.archive.export", "");
    if (!export.isBlank()) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, OFF));
    }
  }
}
