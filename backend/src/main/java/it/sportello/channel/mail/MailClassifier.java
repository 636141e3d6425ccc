package it.sportello.channel.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message is, by its headers: written by a machine (auto-replies, bounces, bulk), a reply to
 * a conversation (threading headers, ticket number in the subject), and who sent it. Plain Java.
 */
final class MailClassifier {

  /** Ticket numbers as {@code TicketNumbers} writes them, e.g. {@code RS-2026-000042}. */
  static final Pattern TICKET_NUMBER = Pattern.compile("\\bRS-\\d{4}-\\d{6}\\b");

  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
  private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "auto_reply", "junk");
  private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");

  private MailClassifier() {}

  /** Why the message was written by a machine and must not open a ticket, or empty. */
  static Optional<String> automatic(MimeMessage message) throws MessagingException {
    String autoSubmitted = header(message, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
      return Optional.of("automatic message (Auto-Submitted: " + autoSubmitted + ")");
    }
    for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
      if (header(message, name) != null) {
        return Optional.of("automatic reply (" + name + ")");
      }
    }
    String precedence = header(message, "Precedence");
    if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.toLowerCase(Locale.ROOT))) {
      return Optional.of("automatic message (Precedence: " + precedence + ")");
    }
    if (message.isMimeType("multipart/report")) {
      return Optional.of("delivery or read report (multipart/report)");
    }
    String returnPath = header(message, "Return-Path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return Optional.of("bounce (empty Return-Path)");
    }
    Optional<InternetAddress> from = from(message);
    if (from.isPresent()) {
      String address = from.get().getAddress().toLowerCase(Locale.ROOT);
      String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
      if (SYSTEM_SENDERS.contains(local)) {
        return Optional.of("bounce (from " + address + ")");
      }
    }
    return Optional.empty();
  }

  /** The first ticket number in the subject, e.g. from {@code Re: [RS-2026-000042] TARI}. */
  static Optional<String> ticketNumber(String subject) {
    if (subject == null) {
      return Optional.empty();
    }
    Matcher matcher = TICKET_NUMBER.matcher(subject);
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  /** The Message-IDs this message answers: In-Reply-To first, then References, newest first. */
  static List<String> referencedIds(MimeMessage message) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>();
    ids.addAll(messageIds(header(message, "In-Reply-To")));
    List<String> references = new ArrayList<>(messageIds(header(message, "References")));
    java.util.Collections.reverse(references);
    ids.addAll(references);
    return List.copyOf(ids);
  }

  /** The Message-ID without angle brackets, or null. */
  static String messageId(MimeMessage message) throws MessagingException {
    List<String> ids = messageIds(message.getMessageID());
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** The From address, read leniently (see {@link #sender}); empty when From has none. */
  static Optional<InternetAddress> from(MimeMessage message) throws MessagingException {
    return address(message, "From")
        .map(
            sender -> {
              InternetAddress address = new InternetAddress();
              address.setAddress(sender.address());
              try {
                address.setPersonal(sender.name(), "UTF-8");
              } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
              }
              return address;
            });
  }

  /**
   * Who sent the message, as a reply should be addressed.
   *
   * @param address the address, lower case
   * @param name the display name, decoded, or null
   * @param header where it was found: {@code From}, else {@code Sender}, {@code Reply-To}, {@code
   *     Return-Path}
   * @param from the From header as it was, when the address is not from it (for the note)
   */
  record Sender(String address, String name, String header, String from) {
    boolean fromFrom() {
      return "From".equals(header);
    }
  }

  /** The headers a sender is looked for in, in order. */
  static final List<String> SENDER_HEADERS = List.of("From", "Sender", "Reply-To", "Return-Path");

  /**
   * The sender: the first usable address of From, read leniently (an address inside the quotes of a
   * display name, two addresses separated by a space, RFC 2822 comments, RFC 6532 UTF-8 addresses),
   * else of Sender, Reply-To, Return-Path in that order; empty when none has one.
   */
  static Optional<Sender> sender(MimeMessage message) throws MessagingException {
    for (String name : SENDER_HEADERS) {
      Optional<Sender> found = address(message, name);
      if (found.isPresent()) {
        if (found.get().fromFrom()) {
          return found;
        }
        String from = header(message, "From");
        return Optional.of(
            new Sender(
                found.get().address(),
                found.get().name(),
                name,
                from == null ? "" : MailText.header(from)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Sender> address(MimeMessage message, String name)
      throws MessagingException {
    String raw;
    try {
      raw = message.getHeader(name, ",");
    } catch (MessagingException | RuntimeException e) {
      return Optional.empty();
    }
    return laxAddress(raw).map(found -> new Sender(found[0], found[1], name, null));
  }

  private static final Pattern ADDRESS_CHARS =
      Pattern.compile("[^\\s<>\"(),;:\\[\\]@\\\\]+@[^\\s<>\"(),;:\\[\\]@\\\\]+");
  private static final Pattern VALID_ADDRESS = Pattern.compile("^" + ADDRESS_CHARS.pattern() + "$");

  /**
   * The first usable address of an address header and its display name: strict parsing first, then
   * with comments dropped, then the first {@code local@domain} anywhere in the text.
   *
   * @return address (lower case) and name (or null), or empty
   */
  static Optional<String[]> laxAddress(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String value = MailText.rawHeader(raw).strip();
    for (String candidate : List.of(value, withoutComments(value))) {
      try {
        for (InternetAddress address : InternetAddress.parseHeader(candidate, true)) {
          String addr = address.getAddress();
          if (addr != null && VALID_ADDRESS.matcher(addr.strip()).matches()) {
            return Optional.of(
                new String[] {
                  addr.strip().toLowerCase(Locale.ROOT), personal(address.getPersonal())
                });
          }
        }
      } catch (AddressException | RuntimeException e) {
        // not an RFC 5322 address list: below
      }
    }
    String plain = withoutComments(value);
    Matcher matcher = ADDRESS_CHARS.matcher(plain);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String address = matcher.group().replaceAll("^[.']+|[.']+$", "").toLowerCase(Locale.ROOT);
    if (!VALID_ADDRESS.matcher(address).matches()) {
      return Optional.empty();
    }
    String name = plain.substring(0, matcher.start()).replaceAll("[\"<>]", "").strip();
    return Optional.of(new String[] {address, personal(name)});
  }

  private static String personal(String name) {
    if (name == null) {
      return null;
    }
    String decoded = MailText.header(name).strip();
    if (decoded.length() >= 2 && decoded.startsWith("\"") && decoded.endsWith("\"")) {
      decoded = decoded.substring(1, decoded.length() - 1).strip();
    }
    return decoded.isEmpty() ? null : decoded;
  }

  /** RFC 2822 comments (nested, with quoted pairs) dropped, outside quoted strings. */
  static String withoutComments(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        if (depth == 0) {
          out.append(c).append(value.charAt(i + 1));
        }
        i++;
      } else if (c == '"' && depth == 0) {
        quoted = !quoted;
        out.append(c);
      } else if (c == '(' && !quoted) {
        depth++;
      } else if (c == ')' && !quoted && depth > 0) {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  static List<String> messageIds(String header) {
    if (header == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher matcher = MESSAGE_ID.matcher(header);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    if (ids.isEmpty() && !header.isBlank() && !header.strip().contains(" ")) {
      ids.add(header.strip());
    }
    return ids;
  }

  private static String header(MimeMessage message, String name) throws MessagingException {
    String value = message.getHeader(name, ",");
    return value == null || value.isBlank() ? null : value.strip();
  }
}
