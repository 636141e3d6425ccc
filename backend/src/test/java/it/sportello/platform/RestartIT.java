package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.sportello.SportelloApplication;
import it.sportello.contact.RequesterData;
import it.sportello.processes.TicketProcess.Elements;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL keeps the data across restarts, also after a crash left its server
 * running. Runs in its own JVM (a separate failsafe execution): closing an application unregisters
 * its engine.
 */
class RestartIT {

  /** A supervisor: their role's group makes them read every ticket outside restricted queues. */
  private static final TicketQueries.Reader STAFF =
      new TicketQueries.Reader("supervisor", true, java.util.List.of("supervisor"));

  private final Path dataDirectory = Path.of("target/it-postgres/restart-" + UUID.randomUUID());

  @Test
  void ticketsAndTheirProcessesSurviveARestartAndAnOrphanedServer() throws Exception {
    String number;
    try (ConfigurableApplicationContext first = start()) {
      number =
          first
              .getBean(TicketIntake.class)
              .open(
                  new OpenTicketCommand(
                      Channel.PHONE,
                      null,
                      "Prima del riavvio",
                      "Chiamata registrata prima del riavvio",
                      "it",
                      new RequesterData(
                          "Anna Verdi", "VRDNNA80A41H501Z", null, null, "+39 06 1234567"),
                      null,
                      null,
                      Map.of(),
                      null,
                      null),
                  null,
                  "operator1")
              .ticket()
              .getNumber();
    }

    // A JVM killed with -9 leaves its PostgreSQL running on the data directory: the next start must
    // cope.
    killedJvmLeavingPostgresRunning();
    long orphanPid = postmasterPid();
    assertThat(ProcessHandle.of(orphanPid))
        .hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

    try (ConfigurableApplicationContext second = start()) {
      assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
          .as("orphan stopped")
          .isEmpty();
      assertThat(postmasterPid()).isNotEqualTo(orphanPid);
      assertThat(second.getBean(TicketQueries.class).get(number, STAFF).getStatus())
          .isEqualTo(TicketStatus.OPEN);
      assertThat(
              second
                  .getBean(TaskService.class)
                  .createTaskQuery()
                  .processInstanceBusinessKey(number)
                  .taskDefinitionKey(Elements.LEVEL1)
                  .count())
          .isEqualTo(1);
    }
  }

  private void killedJvmLeavingPostgresRunning() throws Exception {
    Process jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanedPostgres.class.getName(),
                dataDirectory.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
      String line;
      while ((line = output.readLine()) != null && !line.equals("ready")) {
        // PostgreSQL's start-up log
      }
    }
    jvm.destroyForcibly().waitFor();
  }

  /** Runs in a separate JVM that the test kills with SIGKILL. */
  public static final class OrphanedPostgres {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgres.builder()
          .setDataDirectory(Path.of(args[0]))
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(false)
          .start();
      System.out.println("ready");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private long postmasterPid() throws java.io.IOException {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SportelloApplication.class)
        .run(
            "--server.port=0",
            "--sportello.embedded-postgres.port=0",
            "--sportello.embedded-postgres.data-directory=" + dataDirectory,
            "--camunda.bpm.job-execution.enabled=false",
            // the demo mail server on free ports: a running demo on this machine does not clash
            "--sportello.mail.embedded-server.smtp-port=0",
            "--sportello.mail.embedded-server.imap-port=0",
            "--sportello.mail.polling.enabled=false",
            "--sportello.mail.outbound.enabled=false",
            // no search node for these restarts (it would start with each application)
            "--sportello.search.embedded.start-on-startup=false",
            "--sportello.search.indexer.enabled=false");
  }
}
