package it.sportello.citizen;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level of assurance of a digital identity's authentication: SPID levels 1 to 3 (CIE
 * authentications carry the same scale). The minimum level of each action is configuration.
 */
public enum AssuranceLevel {
  L1,
  L2,
  L3;

  private static final Pattern LEVEL = Pattern.compile("L([123])$");

  /**
   * The level an {@code acr} value names: {@code https://www.spid.gov.it/SpidL2}, {@code SpidL2},
   * {@code L2}; empty for anything else.
   */
  public static Optional<AssuranceLevel> parse(String acr) {
    if (acr == null) {
      return Optional.empty();
    }
    Matcher matcher = LEVEL.matcher(acr.strip().toUpperCase(Locale.ROOT));
    return matcher.find()
        ? Optional.of(values()[Integer.parseInt(matcher.group(1)) - 1])
        : Optional.empty();
  }

  public boolean atLeast(AssuranceLevel minimum) {
    return compareTo(minimum) >= 0;
  }
}
