package it.sportello.channel.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The IMAP and SMTP driver, on Jakarta Mail. Bodies are fetched with {@code BODY.PEEK} so that
 * reading a message does not mark it as seen: only {@link MailboxSession#markSeen} does, after our
 * transaction has committed.
 */
@Component
class JakartaMailPort implements MailPort {

  private static final Logger log = LoggerFactory.getLogger(JakartaMailPort.class);

  private static final String TIMEOUT_MILLIS = "30000";

  /**
   * A message's body is fetched in pieces of this size (Jakarta Mail's default, 16 KB, makes a 40
   * MB message 2,560 round trips, each of which some servers, GreenMail among them, answer by
   * rendering the whole message again); each piece goes straight to the spool file.
   */
  private static final String FETCH_SIZE = String.valueOf(1024 * 1024);

  private final MailProperties properties;

  JakartaMailPort(MailProperties properties) {
    this.properties = properties;
  }

  @Override
  public MailboxSession open(Mailbox mailbox) {
    return connect(mailbox);
  }

  @Override
  public Optional<MailboxWatch> watch(Mailbox mailbox) {
    ImapSession session = connect(mailbox);
    try {
      if (session.store instanceof IMAPStore imap
          && imap.hasCapability("IDLE")
          && session.folder instanceof IMAPFolder folder) {
        return Optional.of(new IdleWatch(session, folder));
      }
    } catch (MessagingException e) {
      session.close();
      throw new MailServerException("Cannot ask " + mailbox.imap() + " what it offers", e);
    }
    session.close();
    return Optional.empty();
  }

  private ImapSession connect(Mailbox mailbox) {
    Mailbox.Server server = mailbox.imap();
    String protocol = server.ssl() ? "imaps" : "imap";
    Properties props = new Properties();
    props.put("mail.store.protocol", protocol);
    props.put("mail." + protocol + ".host", server.host());
    props.put("mail." + protocol + ".port", String.valueOf(server.port()));
    props.put("mail." + protocol + ".peek", "true");
    props.put("mail." + protocol + ".fetchsize", FETCH_SIZE);
    props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
    props.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
    props.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
    if (server.ssl()) {
      props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    try {
      Store store = Session.getInstance(props).getStore(protocol);
      store.connect(server.host(), server.port(), server.username(), server.password());
      Folder folder = store.getFolder(mailbox.folder());
      folder.open(Folder.READ_WRITE);
      return new ImapSession(store, folder, properties.polling().spoolAbove());
    } catch (MessagingException e) {
      throw new MailServerException(
          "Cannot open " + mailbox.folder() + " of mailbox " + mailbox.id() + " at " + server, e);
    }
  }

  @Override
  public MimeMessage newMessage() {
    return new MimeMessage(Session.getInstance(new Properties()));
  }

  @Override
  public void send(Mailbox mailbox, MimeMessage message) {
    Mailbox.Server server = mailbox.smtp();
    String protocol = server.ssl() ? "smtps" : "smtp";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", server.host());
    props.put("mail." + protocol + ".port", String.valueOf(server.port()));
    props.put("mail." + protocol + ".auth", String.valueOf(server.username() != null));
    props.put("mail." + protocol + ".starttls.enable", String.valueOf(server.starttls()));
    props.put("mail." + protocol + ".starttls.required", String.valueOf(server.starttls()));
    props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
    props.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
    props.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
    props.put("mail." + protocol + ".from", mailbox.address());
    try {
      Session session = Session.getInstance(props);
      try (Transport transport = session.getTransport(protocol)) {
        transport.connect(server.host(), server.port(), server.username(), server.password());
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw new MailServerException("Cannot send through " + server + ": " + e.getMessage(), e);
    }
  }

  /**
   * IMAP IDLE on a connection of its own. The wait is ended by a NOOP sent from another thread when
   * {@code atMost} has passed (Jakarta Mail leaves IDLE before any other command), or by the
   * server's untagged response about the folder.
   */
  private static final class IdleWatch implements MailboxWatch {

    private static final ScheduledExecutorService RENEWALS =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "mail-idle-renewal");
              thread.setDaemon(true);
              return thread;
            });

    private final ImapSession session;
    private final IMAPFolder folder;
    private int messageCount;

    IdleWatch(ImapSession session, IMAPFolder folder) throws MessagingException {
      this.session = session;
      this.folder = folder;
      this.messageCount = folder.getMessageCount();
    }

    @Override
    public boolean awaitChange(Duration atMost) {
      AtomicBoolean renewed = new AtomicBoolean();
      ScheduledFuture<?> renewal =
          RENEWALS.schedule(
              () -> {
                renewed.set(true);
                noop();
              },
              atMost.toMillis(),
              TimeUnit.MILLISECONDS);
      try {
        noop(); // the server tells what happened since the last wait
        if (folder.getMessageCount() == messageCount) {
          folder.idle(true);
        }
        int count = folder.getMessageCount();
        boolean changed = count != messageCount || !renewed.get();
        messageCount = count;
        return changed;
      } catch (MessagingException | IllegalStateException e) {
        throw new MailServerException("Waiting for mail in " + folder.getFullName() + " failed", e);
      } finally {
        renewal.cancel(false);
      }
    }

    private void noop() {
      try {
        folder.doCommandIgnoreFailure(
            protocol -> {
              protocol.simpleCommand("NOOP", null);
              return null;
            });
      } catch (MessagingException | IllegalStateException e) {
        // the waiting thread sees the broken connection itself
      }
    }

    @Override
    public void close() {
      session.close();
    }
  }

  private static final class ImapSession implements MailboxSession {

    private final Store store;
    private final Folder folder;
    private final long spoolAbove;

    ImapSession(Store store, Folder folder, long spoolAbove) {
      this.store = store;
      this.folder = folder;
      this.spoolAbove = spoolAbove;
    }

    @Override
    public List<FetchedMessage> unseen(int limit) {
      try {
        Message[] messages = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        Message[] batch = Arrays.copyOf(messages, Math.min(limit, messages.length));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(batch, profile);
        List<FetchedMessage> fetched = new ArrayList<>();
        for (Message message : batch) {
          long uid = ((UIDFolder) folder).getUID(message);
          fetched.add(new FetchedMessage(uid, message.getSize(), new Content(message, uid)));
        }
        return fetched;
      } catch (MessagingException e) {
        throw new MailServerException("Cannot read " + folder.getFullName(), e);
      }
    }

    /** One message's bytes, fetched only when the poller gets to it. */
    private final class Content implements FetchedMessage.Content {

      private final Message message;
      private final long uid;

      Content(Message message, long uid) {
        this.message = message;
        this.uid = uid;
      }

      @Override
      public RawMessage read() {
        try {
          long size = message.getSize();
          if (size > spoolAbove) {
            // streamed from the socket to the disk: never whole on the heap
            Path file = Files.createTempFile("sportello-mail-", ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
              message.writeTo(out);
            } catch (IOException | MessagingException | RuntimeException e) {
              Files.deleteIfExists(file);
              throw e;
            }
            return RawMessage.spooled(file);
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max((int) size, 1024));
          message.writeTo(out);
          return RawMessage.of(out.toByteArray());
        } catch (MessagingException | IOException e) {
          throw new MailServerException(
              "Cannot fetch message " + uid + " of " + folder.getFullName(), e);
        }
      }

      @Override
      public byte[] headers() {
        try {
          StringBuilder headers = new StringBuilder();
          Enumeration<String> lines = ((MimeMessage) message).getAllHeaderLines();
          while (lines.hasMoreElements()) {
            headers.append(lines.nextElement()).append("\r\n");
          }
          return headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        } catch (MessagingException e) {
          throw new MailServerException(
              "Cannot fetch the headers of message " + uid + " of " + folder.getFullName(), e);
        }
      }
    }

    @Override
    public void markSeen(FetchedMessage message) {
      try {
        Message found = ((UIDFolder) folder).getMessageByUID(message.uid());
        if (found != null) {
          found.setFlag(Flags.Flag.SEEN, true);
        }
      } catch (MessagingException e) {
        throw new MailServerException("Cannot flag message " + message.uid(), e);
      }
    }

    @Override
    public List<HeldMessage> held(java.time.Instant since) {
      try {
        Message[] all = folder.getMessages();
        FetchProfile dates = new FetchProfile();
        dates.add(UIDFolder.FetchProfileItem.UID);
        // the arrival date only: an ENVELOPE holds the addresses, which a malformed message
        // makes unreadable for the whole folder
        dates.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        dates.add(FetchProfile.Item.FLAGS);
        dates.add(FetchProfile.Item.SIZE);
        folder.fetch(all, dates);
        List<Message> recent = new ArrayList<>();
        for (Message message : all) {
          java.util.Date received = message.getReceivedDate();
          if (received == null || !received.toInstant().isBefore(since)) {
            recent.add(message);
          }
        }
        Message[] batch = recent.toArray(Message[]::new);
        FetchProfile headers = new FetchProfile();
        headers.add(IMAPFolder.FetchProfileItem.HEADERS);
        folder.fetch(batch, headers);
        List<HeldMessage> held = new ArrayList<>();
        for (Message message : batch) {
          byte[] header = header((MimeMessage) message);
          if (header == null) {
            continue;
          }
          java.util.Date received = message.getReceivedDate();
          held.add(
              new HeldMessage(
                  ((UIDFolder) folder).getUID(message),
                  message.getSize(),
                  received == null ? null : received.toInstant(),
                  message.isSet(Flags.Flag.SEEN),
                  header));
        }
        return held;
      } catch (MessagingException e) {
        throw new MailServerException("Cannot list " + folder.getFullName(), e);
      }
    }

    /**
     * The message's header section as the server holds it; when the server cannot give the header
     * alone (a malformed message), it is cut from the whole message; null when neither can be read.
     */
    private static byte[] header(MimeMessage message) {
      try {
        StringBuilder section = new StringBuilder();
        java.util.Enumeration<String> lines = message.getAllHeaderLines();
        while (lines.hasMoreElements()) {
          section.append(lines.nextElement()).append("\r\n");
        }
        section.append("\r\n");
        // header lines are read byte for byte as ISO-8859-1: this gives the bytes back
        return section.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      } catch (MessagingException headerOnly) {
        try {
          ByteArrayOutputStream whole = new ByteArrayOutputStream();
          message.writeTo(whole);
          byte[] bytes = whole.toByteArray();
          for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r'
                && bytes[i + 1] == '\n'
                && bytes[i + 2] == '\r'
                && bytes[i + 3] == '\n') {
              return Arrays.copyOf(bytes, i + 4);
            }
          }
          return bytes;
        } catch (MessagingException | IOException e) {
          log.warn(
              "Message {} left out of the reconciliation: its header cannot be read", uid(message));
          return null;
        }
      }
    }

    private static long uid(Message message) {
      try {
        return ((UIDFolder) message.getFolder()).getUID(message);
      } catch (MessagingException e) {
        return -1;
      }
    }

    @Override
    public void close() {
      try {
        if (folder.isOpen()) {
          folder.close(false);
        }
      } catch (MessagingException ignored) {
        // the server forgets the session anyway
      } finally {
        try {
          store.close();
        } catch (MessagingException ignored) {
          // idem
        }
      }
    }
  }
}
