package it.sportello.audit;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rough measure of the audit trail's cost on the intake (opening a ticket) and on the inbox, in
 * the same run with the trail on and off, alternating rounds so that warming and the other load of
 * the machine fall on both alike. The figures go to {@code target/audit-cost.txt} (the README
 * quotes them); the test asserts only what each mode writes, never a time.
 */
class AuditCostIT extends IntegrationTest {

  private static final int ROUNDS = 4;
  private static final int OPENINGS = 15;
  private static final int INBOX_READS = 30;

  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theAuditsCostOnIntakeAndInbox() throws IOException {
    long[] intake = new long[2];
    long[] inbox = new long[2];
    // warm-up, audited
    round(true, new long[2], new long[2]);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        boolean on = round % 2 == 0;
        long before = rows();
        round(on, intake, inbox);
        long written = rows() - before;
        if (on) {
          assertThat(written).isGreaterThanOrEqualTo(OPENINGS + INBOX_READS);
        } else {
          assertThat(written).isZero();
        }
      }
    } finally {
      audit.setEnabled(true);
    }
    int perMode = ROUNDS / 2;
    String report =
        String.format(
            Locale.ROOT,
            "intake: %.1f ms/ticket with the audit, %.1f ms without (x%.2f)%n"
                + "inbox: %.1f ms/read with the audit, %.1f ms without (x%.2f)%n"
                + "(%d tickets and %d inbox reads per mode, %d rounds alternating; load %s)%n",
            ms(intake[1], perMode * OPENINGS),
            ms(intake[0], perMode * OPENINGS),
            (double) intake[1] / intake[0],
            ms(inbox[1], perMode * INBOX_READS),
            ms(inbox[0], perMode * INBOX_READS),
            (double) inbox[1] / inbox[0],
            perMode * OPENINGS,
            perMode * INBOX_READS,
            ROUNDS,
            Files.readString(Path.of("/proc/loadavg")).strip());
    Files.writeString(Path.of("target", "audit-cost.txt"), report);
    System.out.print(report);
  }

  /** Adds the nanoseconds of this round to slot 1 (audit on) or 0 (off). */
  private void round(boolean on, long[] intake, long[] inbox) {
    audit.setEnabled(on);
    int slot = on ? 1 : 0;
    long start = System.nanoTime();
    for (int i = 0; i < OPENINGS; i++) {
      assertThat(
              post(
                      "/api/tickets",
                      "operator1",
                      ticketRequest(fiscalCode(), "Costo " + UUID.randomUUID()))
                  .getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    intake[slot] += System.nanoTime() - start;
    start = System.nanoTime();
    for (int i = 0; i < INBOX_READS; i++) {
      assertThat(get("/api/inbox?size=20", "operator1").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    inbox[slot] += System.nanoTime() - start;
  }

  private long rows() {
    return jdbc.queryForObject("select count(*) from sportello.audit_event", Long.class);
  }

  private static double ms(long nanos, int count) {
    return nanos / 1e6 / count;
  }
}
