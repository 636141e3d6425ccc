package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import it.sportello.channel.mail.OutboundMailSender;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaign benchmark (issue 23 item 5): a CAWI campaign of 100,000 recipients read from a CSV file
 * and queued (one transaction, batch inserts), then waves at the configured rate through the outbox
 * to the embedded mail server (GreenMail) until {@code sportello.benchmark.send} messages left.
 * Writes {@code target/benchmark/campaign.md}. A measurement, not a test: run it with {@code mvn -B
 * -o -pl backend -am test -Dskip.npm -Dspotless.check.skip=true -Dtest=CampaignBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dsportello.benchmark.recipients=100000
 * -Dsportello.benchmark.send=5000 -Dsportello.benchmark.rate=6000}).
 */
class CampaignBenchmark extends IntegrationTest {

  private static final int RECIPIENTS =
      Integer.getInteger("sportello.benchmark.recipients", 100_000);
  private static final int SEND = Integer.getInteger("sportello.benchmark.send", 5_000);
  private static final int RATE = Integer.getInteger("sportello.benchmark.rate", 6_000);

  @Autowired Campaigns campaigns;
  @Autowired CampaignReports reports;
  @Autowired OutboundMailSender sender;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void releaseTheClock() {
    clock.release();
  }

  @Test
  void queuesAHundredThousandRecipientsAndSendsAtTheRate() throws Exception {
    long csat =
        jdbc.queryForObject(
            "select id from sportello.questionnaire where code = 'csat'", Long.class);
    var campaign =
        campaigns.create(
            new Campaigns.NewCampaign(
                "Benchmark",
                csat,
                Campaigns.Channel.CAWI,
                Questionnaires.LegalBasis.PUBLIC_TASK,
                null,
                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Rome"))
                    .plusDays(30),
                null,
                RATE,
                2,
                null,
                "it",
                null,
                null),
            "benchmark");
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 6);
    StringBuilder csv = new StringBuilder("email,name,language\n");
    for (int i = 0; i < RECIPIENTS; i++) {
      csv.append(prefix).append('-').append(i).append("@example.org,Persona ").append(i);
      csv.append(i % 5 == 0 ? ",en\n" : ",it\n");
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    csv = null;
    resetPeaks();

    long t0 = System.nanoTime();
    List<CampaignTargets.Target> targets =
        CampaignTargets.read("target.csv", new ByteArrayInputStream(file), Campaigns.Channel.CAWI);
    long t1 = System.nanoTime();
    int added = campaigns.addRecipients(campaign.id(), targets);
    long t2 = System.nanoTime();
    targets = null;
    assertThat(added).isEqualTo(RECIPIENTS);
    long importPeak = heapPeak();

    jdbc.update("update sportello.campaign set status = 'RUNNING' where id = ?", campaign.id());
    campaigns.prepare(campaign.id());
    int sent = 0;
    long queueNanos = 0;
    long sendNanos = 0;
    int waves = 0;
    Instant at = clock.instant();
    while (sent < SEND) {
      clock.pin(at = at.plusSeconds(61));
      long w0 = System.nanoTime();
      Campaigns.Wave wave = campaigns.wave(campaign.id());
      long w1 = System.nanoTime();
      int tried;
      do {
        tried = sender.sendDue();
      } while (tried > 0);
      long w2 = System.nanoTime();
      queueNanos += w1 - w0;
      sendNanos += w2 - w1;
      sent += wave.invited();
      waves++;
      if (wave.invited() == 0) {
        break;
      }
    }
    long sentRows =
        jdbc.queryForObject(
            "select count(*) from sportello.outbound_mail where recipient like ? and status ="
                + " 'SENT'",
            Long.class,
            prefix + "-%");
    assertThat(sentRows).isEqualTo(sent);

    String report =
        String.format(
            Locale.ROOT,
            """
            # Campaign benchmark

            | figure | value |
            |---|---|
            | recipients read from CSV (%,d bytes) | %,d in %.2f s |
            | recipients queued (batch inserts, one transaction) | %,d in %.2f s |
            | heap peak during the import | %,d MB |
            | waves (rate %,d/min per mailbox) | %d, queuing %.2f s in all |
            | mails sent to the embedded server | %,d in %.2f s = %.0f/s |
            | processors | %d |
            """,
            file.length,
            RECIPIENTS,
            (t1 - t0) / 1e9,
            added,
            (t2 - t1) / 1e9,
            importPeak / (1024 * 1024),
            RATE,
            waves,
            queueNanos / 1e9,
            sent,
            sendNanos / 1e9,
            sent / (sendNanos / 1e9),
            Runtime.getRuntime().availableProcessors());
    Path out = Path.of("target/benchmark/campaign.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
