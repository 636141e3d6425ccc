package it.sportello.complaint;

import it.sportello.contact.RequesterData;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A report of an alleged breach.
 *
 * @param supplier the supplier (an organisation: name, VAT number, PEC address as e-mail)
 * @param reporter who reported it (optional: staff may report on their own)
 */
public record ReportBreachCommand(
    RequesterData supplier,
    String contract,
    String description,
    RequesterData reporter,
    String ticketNumber) {

  public void validate() {
    List<FieldViolation> violations = new ArrayList<>();
    if (supplier == null || supplier.name() == null) {
      violations.add(new FieldViolation("supplier.name", "must not be blank"));
    }
    if (supplier == null || supplier.email() == null) {
      violations.add(new FieldViolation("supplier.email", "must be the supplier's PEC address"));
    } else if (!supplier.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      violations.add(new FieldViolation("supplier.email", "must be an e-mail address"));
    }
    if (contract == null || contract.isBlank()) {
      violations.add(new FieldViolation("contract", "must not be blank"));
    }
    if (description == null || description.isBlank()) {
      violations.add(new FieldViolation("description", "must not be blank"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
