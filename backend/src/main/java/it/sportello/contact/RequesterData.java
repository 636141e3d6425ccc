package it.sportello.contact;

import java.util.Locale;

/**
 * What a contact told us about themselves; identifiers are normalised (upper-case fiscal code,
 * lower-case e-mail).
 */
public record RequesterData(
    String name, String fiscalCode, String vatNumber, String email, String phone) {

  public RequesterData {
    name = blankToNull(name);
    fiscalCode =
        fiscalCode == null
            ? null
            : blankToNull(fiscalCode.replace(" ", "").toUpperCase(Locale.ROOT));
    vatNumber = vatNumber == null ? null : blankToNull(vatNumber.replace(" ", ""));
    email = email == null ? null : blankToNull(email.toLowerCase(Locale.ROOT));
    phone = phone == null ? null : blankToNull(phone.replaceAll("[\\s.-]", ""));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
