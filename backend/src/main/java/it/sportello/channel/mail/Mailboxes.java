package it.sportello.channel.mail;

import it.sportello.channel.mail.MailProperties.MailboxProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The configured mailboxes, resolved. Empty when none is configured: the channel is off. */
@Component
public class Mailboxes {

  private static final Logger log = LoggerFactory.getLogger(Mailboxes.class);

  private final Map<String, Mailbox> byId = new LinkedHashMap<>();

  @Autowired
  Mailboxes(MailProperties properties, ObjectProvider<LocalMailServer> embeddedServer) {
    properties
        .mailboxes()
        .forEach(
            (id, mailbox) -> {
              if (mailbox.embedded() && embeddedServer.getIfAvailable() == null) {
                log.warn(
                    "Mailbox {} is served by the embedded server, which is off: mailbox ignored",
                    id);
                return;
              }
              byId.put(
                  id,
                  mailbox.embedded()
                      ? embedded(id, mailbox, embeddedServer.getObject())
                      : configured(id, mailbox));
            });
    byId.values()
        .forEach(
            mailbox ->
                log.info(
                    "Mailbox {} ({}, {}): IMAP {}, SMTP {}",
                    mailbox.id(),
                    mailbox.kind(),
                    mailbox.address(),
                    mailbox.imap() == null ? "none" : mailbox.imap(),
                    mailbox.smtp() == null ? "none" : mailbox.smtp()));
  }

  /** A set of mailboxes, as a test or a tool builds it. */
  public Mailboxes(Collection<Mailbox> mailboxes) {
    mailboxes.forEach(mailbox -> byId.put(mailbox.id(), mailbox));
  }

  public Collection<Mailbox> all() {
    return byId.values();
  }

  public Optional<Mailbox> find(String id) {
    return Optional.ofNullable(id).map(byId::get);
  }

  /**
   * The mailbox that sends when the ticket did not arrive by mail: the one marked, else the first.
   */
  public Optional<Mailbox> defaultMailbox() {
    return byId.values().stream()
        .filter(mailbox -> mailbox.defaultMailbox() && mailbox.sends())
        .findFirst()
        .or(
            () ->
                byId.values().stream()
                    .filter(mailbox -> mailbox.kind() == MailboxKind.ORDINARY && mailbox.sends())
                    .findFirst());
  }

  /** Our own addresses: mail from them is never taken in (loops). */
  public Set<String> ownAddresses() {
    return byId.values().stream().map(Mailbox::address).collect(Collectors.toUnmodifiableSet());
  }

  private static Mailbox embedded(String id, MailboxProperties mailbox, LocalMailServer server) {
    String address = mailbox.address().strip().toLowerCase(Locale.ROOT);
    server.account(address, server.password());
    return new Mailbox(
        id,
        mailbox.kind(),
        address,
        new Mailbox.Server(
            server.host(), server.imapPort(), false, false, address, server.password()),
        new Mailbox.Server(
            server.host(), server.smtpPort(), false, false, address, server.password()),
        mailbox.imap().folder(),
        mailbox.imap().pollInterval(),
        mailbox.imap().idle(),
        mailbox.topic(),
        mailbox.language(),
        mailbox.defaultMailbox());
  }

  private static Mailbox configured(String id, MailboxProperties mailbox) {
    MailProperties.Imap imap = mailbox.imap();
    MailProperties.Smtp smtp = mailbox.smtp();
    return new Mailbox(
        id,
        mailbox.kind(),
        mailbox.address(),
        imap.host() == null || imap.host().isBlank()
            ? null
            : new Mailbox.Server(
                imap.host(),
                imap.port() != null ? imap.port() : imap.ssl() ? 993 : 143,
                imap.ssl(),
                false,
                imap.username(),
                imap.password()),
        smtp.host() == null || smtp.host().isBlank()
            ? null
            : new Mailbox.Server(
                smtp.host(),
                smtp.port() != null ? smtp.port() : smtp.ssl() ? 465 : smtp.starttls() ? 587 : 25,
                smtp.ssl(),
                smtp.starttls(),
                smtp.username(),
                smtp.password()),
        imap.folder(),
        imap.pollInterval(),
        imap.idle(),
        mailbox.topic(),
        mailbox.language(),
        mailbox.defaultMailbox());
  }
}
