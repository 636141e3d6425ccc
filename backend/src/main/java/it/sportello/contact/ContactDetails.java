package it.sportello.contact;

import java.util.Locale;

/**
 * What staff may edit of a contact, normalised like {@link RequesterData} (upper-case fiscal code,
 * lower-case e-mail and PEC, phone without separators, blank as absent).
 */
public record ContactDetails(
    ContactKind kind,
    String name,
    String fiscalCode,
    String vatNumber,
    String email,
    String pec,
    String phone,
    String preferredLanguage,
    ContactChannel preferredChannel) {

  public ContactDetails {
    RequesterData normalised = new RequesterData(name, fiscalCode, vatNumber, email, phone);
    name = normalised.name();
    fiscalCode = normalised.fiscalCode();
    vatNumber = normalised.vatNumber();
    email = normalised.email();
    phone = normalised.phone();
    pec = pec == null || pec.isBlank() ? null : pec.strip().toLowerCase(Locale.ROOT);
    preferredLanguage =
        preferredLanguage == null || preferredLanguage.isBlank()
            ? null
            : preferredLanguage.strip().toLowerCase(Locale.ROOT);
  }
}
