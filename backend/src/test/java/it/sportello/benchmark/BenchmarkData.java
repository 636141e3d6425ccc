package it.sportello.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generated contacts and tickets, bulk-loaded with PostgreSQL COPY into our tables. Distributions
 * after the seeds: 80% questions (Q/PQ), 20% activities and issues (A/I/PA/PI); phone and e-mail
 * first; arrivals on the service calendar's hours (Mon–Fri 8–20, Sat 8–14, a trickle at night from
 * the online channels) with the morning peak; Italian names and texts; times to take in charge and
 * to solve skewed like real queues (most fast, a long tail past the SLA); phone tickets with their
 * calls, and calls abandoned or turned away busy.
 */
final class BenchmarkData {

  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  /** Our ids start here, far above what the application creates itself, and set the sequences. */
  static final long CONTACT_ID_BASE = 10_000_000L;

  static final long TICKET_ID_BASE = 10_000_000L;

  static final String[] GIVEN = {
    "Maria", "Giuseppe", "Anna", "Giovanni", "Rosa", "Antonio", "Lucia", "Francesco", "Chiara",
    "Marco", "Giulia", "Alessandro", "Francesca", "Luca", "Sara", "Matteo", "Elena", "Andrea",
    "Paola", "Stefano", "Laura", "Roberto", "Valentina", "Davide", "Silvia", "Salvatore", "Teresa",
    "Vincenzo", "Angela", "Pietro"
  };
  static final String[] FAMILY = {
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De Santis",
    "D'Angelo",
    "Marchetti"
  };
  static final String[][] SUBJECTS = {
    // topic, queue, subject, description
    {
      "payments",
      "payments",
      "Pagamento TARI non registrato",
      "Ho pagato la TARI con F24 entro la scadenza ma nel portale risulto ancora debitore."
    },
    {
      "payments",
      "payments",
      "Rimborso IMU versata due volte",
      "Per errore ho versato due volte la rata di giugno dell'IMU e chiedo come ottenere il rimborso."
    },
    {
      "payments",
      "payments",
      "Avviso pagoPA scaduto",
      "L'avviso di pagamento per la mensa scolastica risulta scaduto, come posso pagarlo adesso?"
    },
    {
      null,
      "general",
      "Orari dell'ufficio anagrafe",
      "Vorrei sapere gli orari di apertura dell'anagrafe e se serve prenotare per la carta d'identita."
    },
    {
      null,
      "general",
      "Certificato di residenza",
      "Devo richiedere un certificato di residenza storico per una pratica di successione."
    },
    {
      null,
      "general",
      "Bando contributi affitto",
      "Chiedo informazioni sui requisiti del bando per i contributi all'affitto e sulla scadenza."
    },
    {
      "technical",
      "technical",
      "Errore accesso con SPID",
      "Accedendo al portale con SPID compare un errore e non riesco a presentare la domanda."
    },
    {
      "technical",
      "technical",
      "Domanda online non inviata",
      "Ho compilato la domanda online ma al momento dell'invio la pagina resta bloccata."
    },
    {
      "privacy",
      "privacy",
      "Accesso ai miei dati personali",
      "Chiedo di conoscere quali dati personali il Comune conserva su di me ai sensi del GDPR."
    },
    {
      "privacy",
      "privacy",
      "Cancellazione dalla newsletter",
      "Chiedo la cancellazione del mio indirizzo e-mail dalle comunicazioni informative."
    }
  };

  /** Channel, weight. */
  static final Object[][] CHANNELS = {
    {"PHONE", 38},
    {"EMAIL", 22},
    {"WEB", 14},
    {"PEC", 7},
    {"VOICEMAIL", 5},
    {"API", 5},
    {"CHAT", 5},
    {"CHATBOT", 3},
    {"FAX", 1}
  };

  /** Arrivals per hour of a working day, relative (the morning peak, the after-lunch one). */
  static final double[] HOURS = {
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 1.2, 6, 10, 10, 9, 7, 4, 6, 7, 7, 6, 4, 2.5, 1, 0.6, 0.4, 0.3
  };

  private final SplittableRandom random;

  BenchmarkData(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static String channel(SplittableRandom random) {
    int total = 0;
    for (Object[] c : CHANNELS) total += (Integer) c[1];
    int pick = random.nextInt(total);
    for (Object[] c : CHANNELS) {
      pick -= (Integer) c[1];
      if (pick < 0) return (String) c[0];
    }
    return "PHONE";
  }

  static String type(SplittableRandom random, String topic) {
    int pick = random.nextInt(100);
    if ("privacy".equals(topic)) {
      return pick < 70 ? "PQ" : pick < 90 ? "PA" : "PI";
    }
    return pick < 80 ? "Q" : pick < 90 ? "A" : "I";
  }

  /**
   * A ticket row's first columns, id to topic: {@code id, number (prefix + id), type, channel,
   * status, requester_id, subject, description, language, topic}.
   */
  private static StringBuilder ticketColumns(
      StringBuilder tickets,
      long id,
      String numberPrefix,
      String type,
      String channel,
      String status,
      long requesterId,
      String[] subject,
      String language) {
    return tickets
        .append(id)
        .append('\t')
        .append(numberPrefix)
        .append(id)
        .append('\t')
        .append(type)
        .append('\t')
        .append(channel)
        .append('\t')
        .append(status)
        .append('\t')
        .append(requesterId)
        .append('\t')
        .append(subject[2])
        .append('\t')
        .append(subject[3])
        .append('\t')
        .append(language)
        .append('\t')
        .append(subject[0] == null ? "\\N" : subject[0]);
  }

  static String name(SplittableRandom random) {
    return GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
  }

  /** Unique by index (below 6.7 billion); shaped like a fiscal code (AAAAAA00A00A000A). */
  static String fiscalCode(String name, long index) {
    String letters = name.toUpperCase().replaceAll("[^A-Z]", "") + "XXXXXX";
    return letters.substring(0, 6)
        + String.format("%02d", index % 100)
        + (char) ('A' + index / 100 % 26)
        + String.format("%02d", index / 2600 % 100)
        + (char) ('A' + index / 260_000 % 26)
        + String.format("%03d", index / 6_760_000 % 1000)
        + "Z";
  }

  /** The working days and Saturdays of the last months, each weighted for the arrival curve. */
  private static List<LocalDate> days(LocalDate from, LocalDate to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  private Instant arrival(List<LocalDate> days) {
    while (true) {
      LocalDate day = days.get(random.nextInt(days.size()));
      double dayWeight =
          day.getDayOfWeek() == DayOfWeek.SUNDAY
              ? 0.05
              : day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.35 : 1.0;
      int hour = random.nextInt(24);
      double hourWeight = HOURS[hour] / 10.0;
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY && hour >= 14) {
        hourWeight /= 10;
      }
      if (random.nextDouble() < dayWeight * hourWeight) {
        return day.atTime(hour, random.nextInt(60), random.nextInt(60))
            .atZone(ROME)
            .toInstant()
            .plusMillis(random.nextInt(1000));
      }
    }
  }

  private double exponentialMinutes(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  /** Contacts: ids CONTACT_ID_BASE + 1..count. */
  void loadContacts(Connection connection, int count) throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    String now = ts(Instant.now());
    int chunk = 50_000;
    for (int start = 1; start <= count; start += chunk) {
      StringBuilder rows = new StringBuilder(chunk * 120);
      for (int i = start; i < Math.min(count + 1, start + chunk); i++) {
        String name = name(random);
        rows.append(CONTACT_ID_BASE + i)
            .append("\tPERSON\t")
            .append(name)
            .append('\t')
            .append(fiscalCode(name, i))
            .append('\t')
            .append(
                random.nextInt(3) == 0
                    ? "\\N"
                    : name.toLowerCase().replace(' ', '.').replace("'", "") + i + "@example.it")
            .append('\t')
            .append(
                random.nextInt(2) == 0 ? "\\N" : "+39 3" + (100_000_000 + random.nextInt(1 << 29)))
            .append('\t')
            .append(now)
            .append('\t')
            .append(now)
            .append('\n');
      }
      copyIn(
          copy,
          "copy sportello.contact (id, kind, name, fiscal_code, email, phone, created_at,"
              + " updated_at) from stdin",
          rows);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "select setval(pg_get_serial_sequence('sportello.contact', 'id'), (select max(id) from"
              + " sportello.contact))");
    }
  }

  /**
   * Closed tickets received over the {@code months} before {@code until}, with about 3% paused for
   * the requester (SLA_PAUSED/SLA_RESUMED on their path), 1% closed for no reply.
   */
  long loadClosedTickets(
      Connection connection, long firstId, int count, int contacts, int months, Instant until)
      throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    LocalDate to = until.atZone(ROME).toLocalDate();
    List<LocalDate> days = days(to.minusMonths(months), to);
    // in order of arrival, as the intake stores them: ids and pages follow time
    long[] arrivals = new long[count];
    for (int i = 0; i < count; i++) {
      arrivals[i] = arrival(days).toEpochMilli();
    }
    java.util.Arrays.sort(arrivals);
    int chunk = 50_000;
    long id = firstId;
    for (int start = 0; start < count; start += chunk) {
      StringBuilder tickets = new StringBuilder(chunk * 400);
      StringBuilder events = new StringBuilder(chunk * 10);
      StringBuilder calls = new StringBuilder(chunk * 60);
      for (int i = start; i < Math.min(count, start + chunk); i++, id++) {
        String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        String channel = channel(random);
        Instant received = Instant.ofEpochMilli(arrivals[i]);
        Instant taken = received.plusSeconds((long) (exponentialMinutes(95) * 60));
        boolean paused = random.nextInt(100) < 3;
        boolean noReply = paused && random.nextInt(3) == 0;
        Instant resolved = taken.plusSeconds((long) (exponentialMinutes(600) * 60));
        Instant pauseStart = null;
        Instant pauseEnd = null;
        if (paused) {
          pauseStart = taken.plusSeconds(600);
          pauseEnd = pauseStart.plus(Duration.ofHours(noReply ? 60 : 2 + random.nextInt(40)));
          resolved = noReply ? pauseEnd : pauseEnd.plusSeconds(3600);
        }
        Instant takeDue = received.plus(Duration.ofHours(4));
        Instant resolutionDue = received.plus(Duration.ofHours(24));
        int level = random.nextInt(100) < 72 ? 1 : 2;
        // the arguments in the order the random numbers were always drawn: type, requester,
        // language
        ticketColumns(
                tickets,
                id,
                "BM-",
                type(random, subject[0]),
                channel,
                "CLOSED",
                CONTACT_ID_BASE + 1 + random.nextInt(contacts),
                subject,
                random.nextInt(100) < 95 ? "it" : "en")
            .append('\t')
            .append(random.nextInt(100) < 80 ? 3 : 2)
            .append('\t')
            .append(subject[1])
            .append('\t')
            .append(level)
            .append("\tSTANDARD\t")
            .append(ts(received))
            .append('\t')
            .append(ts(taken))
            .append("\toperator")
            .append(1 + random.nextInt(60))
            .append('\t')
            .append(noReply ? "\\N" : ts(resolved))
            .append('\t')
            .append(noReply ? "\\N" : Integer.toString(level))
            .append('\t')
            .append(ts(resolved))
            .append('\t')
            .append(ts(takeDue))
            .append('\t')
            .append(ts(resolutionDue))
            .append('\t')
            .append(taken.isAfter(takeDue))
            .append('\t')
            .append(resolved.isAfter(resolutionDue))
            .append('\t')
            .append(noReply ? "CLOSED_FOR_NO_REPLY" : "SOLVED")
            .append('\t')
            .append(
                noReply ? "\\N" : "Risposta fornita al richiedente con le indicazioni del caso.")
            .append("\tbenchmark\t")
            .append(ts(received))
            .append('\t')
            .append(ts(resolved))
            .append('\n');
        if (channel.equals("PHONE")) {
          phoneCalls(calls, id, subject[1], received);
        }
        if (paused) {
          events.append(id).append('\t').append(ts(pauseStart)).append("\tSLA_PAUSED\n");
          events
              .append(id)
              .append('\t')
              .append(ts(pauseEnd))
              .append(noReply ? "\tCLOSED_FOR_NO_REPLY\n" : "\tSLA_RESUMED\n");
        }
      }
      copyIn(
          copy,
          "copy sportello.ticket (id, number, type, channel, status, requester_id, subject,"
              + " description, language, topic, priority, queue, current_level, sla_policy,"
              + " received_at, taken_in_charge_at, taken_in_charge_by, resolved_at,"
              + " resolved_at_level, closed_at, take_in_charge_due_at, resolution_due_at,"
              + " take_in_charge_breached, resolution_breached, outcome, answer, created_by,"
              + " created_at, updated_at) from stdin",
          tickets);
      copyIn(copy, "copy sportello.ticket_event (ticket_id, occurred_at, kind) from stdin", events);
      copyIn(
          copy,
          "copy sportello.phone_call (call_id, direction, queue, offered_at, answered_at, ended_at,"
              + " wait_seconds, talk_seconds, agent, outcome, ticket_number) from stdin",
          calls);
    }
    setTicketSequence(connection);
    return id;
  }

  /**
   * The call a phone ticket came from (answered after a short wait, about 6 minutes of talk), and
   * around it the calls that left no ticket: 6% abandoned in queue, 2% turned away busy.
   */
  private void phoneCalls(StringBuilder calls, long ticketId, String queue, Instant received) {
    long wait = (long) (exponentialMinutes(0.3) * 60);
    Instant offered = received.minusSeconds(wait);
    long talk = 30 + (long) (exponentialMinutes(6) * 60);
    call(calls, "BMC-" + ticketId, queue, offered, wait, talk, "ANSWERED", "BM-" + ticketId);
    int other = random.nextInt(100);
    if (other < 8) {
      Instant at = offered.minusSeconds(60 + random.nextInt(3600));
      boolean busy = other < 2;
      call(
          calls,
          "BMX-" + ticketId,
          queue,
          at,
          busy ? 0 : 5 + random.nextInt(120),
          -1,
          busy ? "BUSY" : "ABANDONED",
          null);
    }
  }

  private static void call(
      StringBuilder calls,
      String callId,
      String queue,
      Instant offered,
      long wait,
      long talk,
      String outcome,
      String ticket) {
    Instant answered = talk >= 0 ? offered.plusSeconds(wait) : null;
    Instant ended = answered != null ? answered.plusSeconds(talk) : offered.plusSeconds(wait);
    calls
        .append(callId)
        .append("\tINBOUND\t")
        .append(queue)
        .append('\t')
        .append(ts(offered))
        .append('\t')
        .append(answered == null ? "\\N" : ts(answered))
        .append('\t')
        .append(ts(ended))
        .append('\t')
        .append(wait)
        .append('\t')
        .append(talk >= 0 ? Long.toString(talk) : "\\N")
        .append(talk >= 0 ? "\toperator" + (1 + Math.floorMod(callId.hashCode(), 60)) : "\t\\N")
        .append('\t')
        .append(outcome)
        .append('\t')
        .append(ticket == null ? "\\N" : ticket)
        .append('\n');
  }

  /**
   * New tickets as the intake leaves them just before it starts their process (status NEW, received
   * now, RECEIVED on their path): the benchmark then starts each one's process through the engine.
   */
  List<String[]> loadNewTickets(Connection connection, long firstId, int count, int contacts)
      throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    List<String[]> started = new ArrayList<>(count);
    String now = ts(Instant.now());
    StringBuilder tickets = new StringBuilder(count * 300);
    StringBuilder events = new StringBuilder(count * 40);
    for (long id = firstId; id < firstId + count; id++) {
      String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
      String channel = channel(random);
      String type = type(random, subject[0]);
      String language = random.nextInt(100) < 95 ? "it" : "en";
      ticketColumns(
              tickets,
              id,
              "BN-",
              type,
              channel,
              "NEW",
              CONTACT_ID_BASE + 1 + random.nextInt(contacts),
              subject,
              language)
          .append("\t1\t")
          .append(now)
          .append("\tbenchmark\t")
          .append(now)
          .append('\t')
          .append(now)
          .append('\n');
      events.append(id).append('\t').append(now).append("\tRECEIVED\tbenchmark\n");
      started.add(
          new String[] {"BN-" + id, type, channel, subject[0] == null ? "" : subject[0], language});
    }
    copyIn(
        copy,
        "copy sportello.ticket (id, number, type, channel, status, requester_id, subject,"
            + " description, language, topic, current_level, received_at, created_by, created_at,"
            + " updated_at) from stdin",
        tickets);
    copyIn(
        copy,
        "copy sportello.ticket_event (ticket_id, occurred_at, kind, actor) from stdin",
        events);
    setTicketSequence(connection);
    return started;
  }

  static long maxTicketId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select coalesce(max(id), 0) from sportello.ticket")) {
      result.next();
      return Math.max(TICKET_ID_BASE, result.getLong(1)) + 1;
    }
  }

  /**
   * The first of {@code count} ticket ids nobody else takes: the sequence is moved past them first,
   * so tickets the application opens meanwhile (its demo data, right after start) get other ids.
   */
  static long reserveTicketIds(Connection connection, long count) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "select setval(pg_get_serial_sequence('sportello.ticket', 'id'), greatest((select"
                    + " coalesce(max(id), 0) from sportello.ticket), "
                    + TICKET_ID_BASE
                    + ", (select last_value from sportello.ticket_id_seq)) + 100 + "
                    + count
                    + ")")) {
      result.next();
      return result.getLong(1) - count + 1;
    }
  }

  static void setTicketSequence(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "select setval(pg_get_serial_sequence('sportello.ticket', 'id'), greatest((select"
              + " max(id) from sportello.ticket), (select last_value from"
              + " sportello.ticket_id_seq)))");
    }
  }

  private static void copyIn(CopyManager copy, String sql, StringBuilder rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try {
      copy.copyIn(sql, new java.io.StringReader(rows.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  private static final DateTimeFormatter TS = DateTimeFormatter.ISO_INSTANT;

  private static String ts(Instant instant) {
    return TS.format(instant);
  }
}
