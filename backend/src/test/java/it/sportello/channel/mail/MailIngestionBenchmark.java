package it.sportello.channel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import it.sportello.IntegrationTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail ingestion benchmark (issue 4): 1,000 requests with typical attachments delivered to the
 * demo's ordinary mailbox over SMTP, then taken in through IMAP exactly as the scheduler does (poll
 * after poll until the folder is empty), on the real embedded PostgreSQL. Reports throughput, the
 * per-message intake time and what Tika's extraction costs, in {@code
 * target/benchmark/mail-ingestion.{json,md}}.
 *
 * <p>Not part of the test run (no timing belongs there); run it with {@code mvn -B -pl backend -am
 * test -Dtest=MailIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. {@code
 * -Dsportello.benchmark.messages=N} changes the count.
 */
class MailIngestionBenchmark extends IntegrationTest {

  private static final int MESSAGES = Integer.getInteger("sportello.benchmark.messages", 1000);

  private static final String[] NAMES = {
    "Mario Rossi", "Giulia Bianchi", "Luca Esposito", "Francesca Romano", "Marco Colombo",
    "Sara Ricci", "Alessandro Marino", "Chiara Greco", "Andrea Bruno", "Valentina Gallo",
    "Giuseppe Conti", "Elena De Luca", "Paolo Mancini", "Martina Costa", "Roberto Giordano"
  };
  private static final String[] SUBJECTS = {
    "Pagamento TARI non registrato", "Richiesta certificato di residenza", "Cambio di residenza",
    "Rimborso IMU versata due volte", "Accesso agli atti", "Iscrizione mensa scolastica",
    "Contrassegno invalidi", "Passo carrabile", "Segnalazione buca stradale",
    "Carta d'identità elettronica", "Bonus affitto: esito della domanda",
        "Occupazione suolo pubblico"
  };
  private static final String[] SENTENCES = {
    "Buongiorno, vi scrivo in merito alla pratica in oggetto.",
    "Allego la ricevuta del pagamento effettuato con PagoPA.",
    "Non ho ancora ricevuto alcuna risposta alla mia precedente richiesta.",
    "Vi chiedo cortesemente di verificare la mia posizione.",
    "In allegato trovate il documento d'identità e il modulo compilato.",
    "Il portale restituisce un errore quando provo a inviare la domanda.",
    "Resto in attesa di un vostro cortese riscontro.",
    "Ho trasferito la residenza nel mese scorso ma risulto ancora iscritto al vecchio indirizzo.",
    "La scadenza indicata nell'avviso è già passata e temo di pagare una sanzione.",
    "Potete indicarmi gli orari di apertura dello sportello anagrafe?",
    "Cordiali saluti."
  };

  @Autowired Mailboxes mailboxes;
  @Autowired MailboxPoller poller;
  @Autowired EmbeddedMailServer server;
  @Autowired MeterRegistry meters;
  @Autowired JdbcTemplate jdbc;
  @Autowired MailPort port;
  @Autowired InboundMail inbound;
  @Autowired MailProperties properties;
  @Autowired MailboxHealth health;
  @Autowired NotificationMailer notificationMailer;
  @Autowired OutboundMailSender sender;

  private final Random random = new Random(20261130);

  @Test
  void ingestsAThousandMessagesWithAttachments() throws Exception {
    Mailbox mailbox =
        mailboxes.all().stream()
            .filter(box -> box.kind() == MailboxKind.ORDINARY && box.receives())
            .findFirst()
            .orElseThrow();
    Map<String, Integer> attachmentKinds = new LinkedHashMap<>();
    long bytes = deliver(mailbox, attachmentKinds);
    long ticketsBefore = count("select count(*) from sportello.ticket");

    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    int taken = 0;
    int polls = 0;
    for (int batch = poller.poll(mailbox); batch > 0; batch = poller.poll(mailbox)) {
      taken += batch;
      polls++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("messages", taken);
    result.put("polls", polls);
    result.put("deliveredMegabytes", round(bytes / 1_048_576.0));
    result.put("attachments", attachmentKinds);
    result.put("seconds", round(seconds));
    result.put("messagesPerSecond", round(taken / seconds));
    result.put("processCpuSeconds", round(cpuSeconds));
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("systemLoadAverage", round(os.getSystemLoadAverage()));
    result.put("intake", timer("sportello.mail.intake"));
    Map<String, Object> extraction = timer("sportello.documents.extraction");
    extraction.put(
        "shareOfIntakeTime",
        round(
            (double) extraction.get("totalSeconds")
                / (double) timer("sportello.mail.intake").get("totalSeconds")));
    result.put("extraction", extraction);
    result.put("ticketsOpened", count("select count(*) from sportello.ticket") - ticketsBefore);
    result.put(
        "byStatus",
        jdbc.queryForList(
            "select status, count(*) as n from sportello.inbound_message group by status"));
    result.put("documentsStored", count("select count(*) from sportello.document"));
    write(result);

    assertThat(taken).isEqualTo(MESSAGES);
    assertThat(count("select count(*) from sportello.inbound_message where status = 'PROCESSED'"))
        .isEqualTo(MESSAGES);
  }

  /**
   * One 40 MB message in a stream of small ones to one mailbox, and a small message to another
   * mailbox sent the moment the large one is taken up: the stream's throughput, the small message's
   * wait, the large message's own time and the heap used (sampled every 50 ms). The mailboxes are
   * read by the application's workers ({@link MailScheduler}, one thread per mailbox), polled every
   * second. Run with {@code -Dtest='MailIngestionBenchmark#oneLargeMessage*'}; {@code
   * -Dsportello.benchmark.large-megabytes=40} and {@code -Dsportello.benchmark.small-messages=100}
   * change the sizes.
   */
  @Test
  void oneLargeMessageInTheStreamDoesNotHoldUpAnotherMailbox() throws Exception {
    int largeMegabytes = Integer.getInteger("sportello.benchmark.large-megabytes", 40);
    int smallMessages = Integer.getInteger("sportello.benchmark.small-messages", 100);
    Mailbox stream = benchmarkMailbox("stream");
    Mailbox other = benchmarkMailbox("other");
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    Session session = Session.getInstance(props);
    // base64 grows the attachment by a third: the message is about largeMegabytes on the server
    byte[] photos = new byte[largeMegabytes * 1024 * 1024 * 3 / 4];
    random.nextBytes(photos);
    long largeSize = 0;
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (int i = 0; i <= smallMessages; i++) {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("cittadino" + i + "@example.it"));
        message.setRecipients(Message.RecipientType.TO, stream.address());
        message.setSubject(SUBJECTS[random.nextInt(SUBJECTS.length)], "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text(4), "UTF-8");
        MimeMultipart parts = new MimeMultipart(body);
        if (i == smallMessages / 2) {
          parts.addBodyPart(file("fotografie.jpg", photos, "jpeg"));
        }
        message.setContent(parts);
        message.saveChanges();
        if (i == smallMessages / 2) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          message.writeTo(out);
          largeSize = out.size();
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
    photos = null;
    long threshold = largeSize / 2;
    java.util.concurrent.CountDownLatch largeTakenUp = new java.util.concurrent.CountDownLatch(1);
    long[] largeStarted = {0};
    long[] largeEnded = {0};
    MailPort signalling =
        new MailPort() {
          @Override
          public MailPort.MailboxSession open(Mailbox mailbox) {
            MailPort.MailboxSession real = port.open(mailbox);
            return new MailPort.MailboxSession() {
              @Override
              public List<MailPort.FetchedMessage> unseen(int limit) {
                return real.unseen(limit).stream()
                    .map(
                        fetched ->
                            fetched.size() < threshold
                                ? fetched
                                : new MailPort.FetchedMessage(
                                    fetched.uid(),
                                    fetched.size(),
                                    new MailPort.FetchedMessage.Content() {
                                      @Override
                                      public RawMessage read() {
                                        largeStarted[0] = System.nanoTime();
                                        largeTakenUp.countDown();
                                        return fetched.read();
                                      }

                                      @Override
                                      public byte[] headers() {
                                        return fetched.headers();
                                      }
                                    }))
                    .toList();
              }

              @Override
              public void markSeen(MailPort.FetchedMessage message) {
                real.markSeen(message);
                if (message.size() >= threshold) {
                  largeEnded[0] = System.nanoTime();
                }
              }

              @Override
              public void close() {
                real.close();
              }
            };
          }

          @Override
          public java.util.Optional<MailPort.MailboxWatch> watch(Mailbox mailbox) {
            return port.watch(mailbox);
          }

          @Override
          public void send(Mailbox mailbox, MimeMessage message) {
            port.send(mailbox, message);
          }

          @Override
          public MimeMessage newMessage() {
            return port.newMessage();
          }
        };
    MailProperties polling =
        new MailProperties(
            properties.mailboxes(),
            properties.embeddedServer(),
            new MailProperties.Polling(true, 50, properties.polling().maxMessageSize()),
            new MailProperties.Outbound(
                false,
                properties.outbound().interval(),
                properties.outbound().maxAttempts(),
                properties.outbound().firstRetryAfter(),
                properties.outbound().maxRetryAfter()));
    IntakeShutdown shutdown = new IntakeShutdown();
    MailScheduler scheduler =
        new MailScheduler(
            new Mailboxes(List.of(stream, other)),
            new MailboxPoller(signalling, inbound, polling, meters, health, shutdown),
            polling,
            notificationMailer,
            sender,
            signalling,
            shutdown);

    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
    var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        50,
        TimeUnit.MILLISECONDS);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    double probeWait;
    double largeSeconds; // from the start of its fetch until it was marked as seen
    double streamSeconds;
    String probeId = UUID.randomUUID() + "@example.it";
    try {
      scheduler.start();
      assertThat(largeTakenUp.await(10, TimeUnit.MINUTES)).isTrue();
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect();
        transport.sendMessage(
            MailTestSupport.message(
                "breve@example.it", other.address(), "Domanda breve", "Una domanda.", probeId),
            new jakarta.mail.Address[] {new InternetAddress(other.address())});
      }
      long probeSent = System.nanoTime();
      while (count(
              "select count(*) from sportello.inbound_message where status <> 'RECEIVING' and"
                  + " message_key = '"
                  + probeId
                  + "'")
          == 0) {
        Thread.sleep(20);
      }
      probeWait = (System.nanoTime() - probeSent) / 1e9;
      while (count(
              "select count(*) from sportello.inbound_message where status <> 'RECEIVING' and"
                  + " mailbox_id = '"
                  + stream.id()
                  + "'")
          < smallMessages + 1) {
        Thread.sleep(50);
      }
      streamSeconds = (System.nanoTime() - start) / 1e9;
      largeSeconds = (largeEnded[0] - largeStarted[0]) / 1e9;
    } finally {
      scheduler.stop();
      sampler.shutdownNow();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("smallMessages", smallMessages);
    result.put("largeMessageMegabytes", round(largeSize / 1_048_576.0));
    result.put("streamSeconds", round(streamSeconds));
    result.put("streamMessagesPerSecond", round((smallMessages + 1) / streamSeconds));
    result.put("largeMessageSeconds", round(largeSeconds));
    result.put("otherMailboxSmallMessageWaitSeconds", round(probeWait));
    result.put("heapUsedBeforeMegabytes", round(heapBefore / 1_048_576.0));
    result.put("peakHeapUsedMegabytes", round(peakHeap.get() / 1_048_576.0));
    System.gc();
    result.put("heapAfterGcMegabytes", round(memory.getHeapMemoryUsage().getUsed() / 1_048_576.0));
    result.put("maxHeapMegabytes", round(memory.getHeapMemoryUsage().getMax() / 1_048_576.0));
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("systemLoadAverage", round(os.getSystemLoadAverage()));
    result.put(
        "byStatus",
        jdbc.queryForList(
            "select status, count(*) as n from sportello.inbound_message where mailbox_id in (?, ?)"
                + " group by status",
            stream.id(),
            other.id()));
    Path directory = Path.of("target", "benchmark");
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("mail-large-message.json"),
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    String table =
        "| small messages | large message MB | stream s | stream messages/s | large message s |"
            + " small message on another mailbox: wait s | heap before MB | peak heap MB |"
            + " heap after GC MB | max heap MB | load |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|\n"
            + String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                smallMessages,
                result.get("largeMessageMegabytes"),
                result.get("streamSeconds"),
                result.get("streamMessagesPerSecond"),
                result.get("largeMessageSeconds"),
                result.get("otherMailboxSmallMessageWaitSeconds"),
                result.get("heapUsedBeforeMegabytes"),
                result.get("peakHeapUsedMegabytes"),
                result.get("heapAfterGcMegabytes"),
                result.get("maxHeapMegabytes"),
                result.get("systemLoadAverage"));
    Files.writeString(directory.resolve("mail-large-message.md"), table);
    System.out.println("\nMail ingestion with one large message\n" + table + "\n" + result);

    assertThat(
            count(
                "select count(*) from sportello.inbound_message where status = 'PROCESSED' and"
                    + " mailbox_id = '"
                    + stream.id()
                    + "'"))
        .isEqualTo(smallMessages + 1);
    assertThat(probeWait).isPositive();
  }

  /** A mailbox of the benchmark's own on the embedded server. */
  private Mailbox benchmarkMailbox(String name) {
    String address = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@comune.example";
    server.account(address, server.password());
    return new Mailbox(
        "bench-" + name,
        MailboxKind.ORDINARY,
        address,
        new Mailbox.Server(
            server.host(), server.imapPort(), false, false, address, server.password()),
        null,
        "INBOX",
        java.time.Duration.ofSeconds(1),
        false,
        null,
        "it",
        false);
  }

  /** Builds the messages and sends them over one SMTP connection: the bytes delivered. */
  private long deliver(Mailbox mailbox, Map<String, Integer> kinds) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", server.host());
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    Session session = Session.getInstance(props);
    long bytes = 0;
    byte[] sameForm = pdf("Modulo di domanda", 1); // a form many attach: stored once
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (int i = 0; i < MESSAGES; i++) {
        String name = NAMES[random.nextInt(NAMES.length)];
        String address =
            name.toLowerCase(Locale.ROOT).replace(' ', '.').replace("'", "") + i + "@example.it";
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(address, name, "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, mailbox.address());
        message.setSubject(subject, "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text(3 + random.nextInt(6)), "UTF-8");
        MimeMultipart parts = new MimeMultipart(body);
        int roll = random.nextInt(100);
        String kind;
        if (roll < 30) {
          kind = "none";
        } else if (roll < 55) {
          kind = "pdf";
          parts.addBodyPart(file("domanda.pdf", pdf(subject, 1 + random.nextInt(4)), "pdf"));
        } else if (roll < 65) {
          kind = "pdf (same form)";
          parts.addBodyPart(file("modulo.pdf", sameForm, "pdf"));
        } else if (roll < 78) {
          kind = "docx";
          parts.addBodyPart(file("lettera.docx", docx(subject), "docx"));
        } else if (roll < 86) {
          kind = "xlsx";
          parts.addBodyPart(file("importi.xlsx", xlsx(), "xlsx"));
        } else if (roll < 96) {
          kind = "jpeg";
          parts.addBodyPart(file("scansione.jpg", jpeg(), "jpeg"));
        } else {
          kind = "pdf + jpeg";
          parts.addBodyPart(file("ricevuta.pdf", pdf(subject, 1), "pdf"));
          parts.addBodyPart(file("documento.jpg", jpeg(), "jpeg"));
        }
        kinds.merge(kind, 1, Integer::sum);
        message.setContent(parts);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        bytes += out.size();
        transport.sendMessage(message, message.getAllRecipients());
      }
    }
    return bytes;
  }

  private String text(int sentences) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sentences; i++) {
      text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
    }
    return text.toString().strip();
  }

  private static MimeBodyPart file(String name, byte[] content, String kind) throws Exception {
    String type =
        switch (kind) {
          case "pdf" -> "application/pdf";
          case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
          case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
          default -> "image/jpeg";
        };
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(name);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  private byte[] pdf(String title, int pages) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 0; p < pages; p++) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.setLeading(14);
          content.newLineAtOffset(50, 740);
          content.showText(ascii(title + " - pagina " + (p + 1)));
          for (int line = 0; line < 40; line++) {
            content.newLine();
            content.showText(ascii(SENTENCES[random.nextInt(SENTENCES.length)]));
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  /** The standard PDF fonts have no glyphs outside WinAnsi: accents kept, the rest dropped. */
  private static String ascii(String text) {
    return text.replace('’', '\'');
  }

  private byte[] docx(String title) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText(title);
      for (int i = 0; i < 10 + random.nextInt(20); i++) {
        document.createParagraph().createRun().setText(text(3));
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  private byte[] xlsx() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Versamenti");
      for (int row = 0; row < 20 + random.nextInt(80); row++) {
        var cells = sheet.createRow(row);
        cells.createCell(0).setCellValue("Rata " + (row + 1));
        cells.createCell(1).setCellValue(random.nextInt(100_000) / 100.0);
        cells.createCell(2).setCellValue(SUBJECTS[random.nextInt(SUBJECTS.length)]);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** A phone photo of a document, more or less: 1200×900 of noise, about 0.5 MB as JPEG. */
  private byte[] jpeg() throws IOException {
    BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int grey = 200 + random.nextInt(56);
        int rgb = new Color(grey, grey, grey - random.nextInt(20)).getRGB();
        for (int dy = 0; dy < 4; dy++) {
          for (int dx = 0; dx < 4; dx++) {
            image.setRGB(x + dx, y + dy, rgb);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private Map<String, Object> timer(String name) {
    List<Timer> timers = new ArrayList<>(meters.find(name).timers());
    long count = timers.stream().mapToLong(Timer::count).sum();
    double total = timers.stream().mapToDouble(t -> t.totalTime(TimeUnit.SECONDS)).sum();
    double max = timers.stream().mapToDouble(t -> t.max(TimeUnit.MILLISECONDS)).max().orElse(0);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("count", count);
    figures.put("totalSeconds", round(total));
    figures.put("meanMillis", round(count == 0 ? 0 : total * 1000 / count));
    // percentiles of the most frequent outcome (one timer per tag set)
    timers.stream()
        .max((a, b) -> Long.compare(a.count(), b.count()))
        .ifPresent(
            main -> {
              figures.put("percentilesOf", main.getId().getTags().toString());
              for (ValueAtPercentile value : main.takeSnapshot().percentileValues()) {
                figures.put(
                    "p" + Math.round(value.percentile() * 100) + "Millis",
                    round(value.value(TimeUnit.MILLISECONDS)));
              }
            });
    figures.put("maxMillis", round(max));
    return figures;
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private void write(Map<String, Object> result) throws IOException {
    Path directory = Path.of("target", "benchmark");
    Files.createDirectories(directory);
    Files.writeString(
        directory.resolve("mail-ingestion.json"),
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    @SuppressWarnings("unchecked")
    Map<String, Object> intake = (Map<String, Object>) result.get("intake");
    @SuppressWarnings("unchecked")
    Map<String, Object> extraction = (Map<String, Object>) result.get("extraction");
    String table =
        String.format(
            Locale.ROOT,
            """
            | messages | seconds | messages/s | intake p50 ms | intake p95 ms | intake p99 ms | \
            Tika extractions | Tika total s | Tika p50 ms | Tika p95 ms | Tika share | CPU s | load |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |
            """,
            result.get("messages"),
            result.get("seconds"),
            result.get("messagesPerSecond"),
            intake.get("p50Millis"),
            intake.get("p95Millis"),
            intake.get("p99Millis"),
            extraction.get("count"),
            extraction.get("totalSeconds"),
            extraction.get("p50Millis"),
            extraction.get("p95Millis"),
            extraction.get("shareOfIntakeTime"),
            result.get("processCpuSeconds"),
            result.get("systemLoadAverage"));
    Files.writeString(directory.resolve("mail-ingestion.md"), table);
    System.out.println("\nMail ingestion benchmark\n" + table + "\n" + result);
  }
}
