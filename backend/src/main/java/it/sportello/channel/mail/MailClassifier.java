package it.sportello.channel.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
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

  static Optional<InternetAddress> from(MimeMessage message) throws MessagingException {
    Address[] from;
    try {
      from = message.getFrom();
    } catch (MessagingException e) {
      return Optional.empty();
    }
    if (from == null) {
      return Optional.empty();
    }
    for (Address address : from) {
      if (address instanceof InternetAddress internet && internet.getAddress() != null) {
        return Optional.of(internet);
      }
    }
    return Optional.empty();
  }

  private static List<String> messageIds(String header) {
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
