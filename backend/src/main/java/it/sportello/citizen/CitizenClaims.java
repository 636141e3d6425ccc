package it.sportello.citizen;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a citizen's identity from an ID token's (and user info's) claims, with the claim names of
 * {@link CitizenOidcProperties.Claims}.
 */
public final class CitizenClaims {

  private static final String TAX_PREFIX = "TINIT-";

  /** A person's fiscal code (16 characters, with omocodia letters) or a company's (11 digits). */
  private static final Pattern FISCAL_CODE =
      Pattern.compile(
          "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11}");

  private final CitizenOidcProperties.Claims names;

  public CitizenClaims(CitizenOidcProperties.Claims names) {
    this.names = names;
  }

  /**
   * @throws IllegalArgumentException when the claims carry no valid fiscal code
   */
  public Citizen citizen(Map<String, Object> claims) {
    String fiscalCode =
        first(claims, names.fiscalCode())
            .map(CitizenClaims::fiscalCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The identity provider sent no fiscal code (claims "
                            + names.fiscalCode()
                            + ")"));
    String scheme = text(claims.get(names.scheme())).orElse("");
    String acr = text(claims.get(names.level())).orElse(null);
    IdentityScheme identityScheme =
        scheme.toLowerCase(Locale.ROOT).contains("cie")
                || (acr != null && acr.toLowerCase(Locale.ROOT).contains("cie"))
            ? IdentityScheme.CIE
            : IdentityScheme.SPID;
    AssuranceLevel level =
        AssuranceLevel.parse(acr)
            // a CIE authentication without a level is the card with its PIN
            .orElse(identityScheme == IdentityScheme.CIE ? AssuranceLevel.L3 : AssuranceLevel.L1);
    String email =
        text(claims.get(names.email())).map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse(null);
    Object verified = claims.get(names.emailVerified());
    boolean emailVerified =
        email != null
            && (Boolean.TRUE.equals(verified) || "true".equalsIgnoreCase(String.valueOf(verified)));
    return new Citizen(
        fiscalCode,
        first(claims, names.givenName()).orElse(null),
        first(claims, names.familyName()).orElse(null),
        email,
        emailVerified,
        identityScheme,
        level);
  }

  /** {@code TINIT-RSSMRA80A01H501U} and {@code rssmra80a01h501u} are the same fiscal code. */
  static String fiscalCode(String value) {
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (code.startsWith(TAX_PREFIX)) {
      code = code.substring(TAX_PREFIX.length());
    }
    if (!FISCAL_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("Not a fiscal code: " + value);
    }
    return code;
  }

  private static Optional<String> first(Map<String, Object> claims, List<String> names) {
    return names.stream()
        .map(claims::get)
        .map(CitizenClaims::text)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> text(Object value) {
    if (value instanceof Collection<?> values) {
      return Optional.of(String.join(" ", values.stream().map(String::valueOf).toList()))
          .filter(s -> !s.isBlank());
    }
    return Optional.ofNullable(value).map(String::valueOf).filter(s -> !s.isBlank());
  }
}
