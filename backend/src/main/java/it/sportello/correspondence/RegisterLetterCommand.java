package it.sportello.correspondence;

import it.sportello.contact.RequesterData;
import it.sportello.correspondence.LetterTypes.Direction;
import it.sportello.correspondence.LetterTypes.SendBy;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A letter to register.
 *
 * @param correspondent the sender of an incoming letter, the recipient of an outgoing one
 * @param recipientAddress where the answer goes (e-mail or PEC address); defaults to the
 *     correspondent's e-mail
 * @param office the office group that drafts the answer ({@code office-*})
 * @param ticketNumber the ticket the letter was converted from, if any
 * @param text the letter's text when it has no file (stored as its document)
 */
public record RegisterLetterCommand(
    Direction direction,
    String subject,
    String classification,
    RequesterData correspondent,
    String recipientAddress,
    String office,
    SendBy sendBy,
    String ticketNumber,
    String text) {

  /** Checks itself. @throws InvalidRequestException naming every invalid field */
  public void validate() {
    List<FieldViolation> violations = new ArrayList<>();
    if (direction == null) {
      violations.add(new FieldViolation("direction", "must be INCOMING or OUTGOING"));
    }
    if (subject == null || subject.isBlank()) {
      violations.add(new FieldViolation("subject", "must not be blank"));
    } else if (subject.length() > 500) {
      violations.add(new FieldViolation("subject", "must be at most 500 characters"));
    }
    if (correspondent == null || correspondent.name() == null) {
      violations.add(new FieldViolation("correspondent.name", "must not be blank"));
    }
    if (office == null || !office.matches("office-[a-z0-9-]+")) {
      violations.add(new FieldViolation("office", "must be an office group, e.g. office-tributi"));
    }
    if (sendBy == null) {
      violations.add(new FieldViolation("sendBy", "must be EMAIL, PEC or POST"));
    } else if (sendBy != SendBy.POST && address() == null) {
      violations.add(
          new FieldViolation(
              "recipientAddress",
              "is needed to answer by " + sendBy + " (or the correspondent's e-mail)"));
    }
    String address = address();
    if (address != null && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      violations.add(new FieldViolation("recipientAddress", "must be an e-mail address"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /** Where the answer goes by mail. */
  public String address() {
    if (recipientAddress != null && !recipientAddress.isBlank()) {
      return recipientAddress.strip();
    }
    return correspondent == null ? null : correspondent.email();
  }
}
