package it.sportello.channel.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses as the logs may show them: {@code f***@example.it}. Addresses are personal data;
 * logs at INFO and above name mails by their ids (mail id, ticket number) and show an address, if
 * at all, masked and at DEBUG. Texts that may hold addresses (a mail server's error, a PEC
 * receipt's reason) are masked as a whole before they are logged.
 */
public final class MaskedAddresses {

  private static final Pattern ADDRESS =
      Pattern.compile(
          "([\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-])[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]*@([\\p{L}\\p{N}.-]+)");

  private MaskedAddresses() {}

  /** {@code francesca.rossi@example.it} → {@code f***@example.it}; {@code null} stays null. */
  public static String mask(String address) {
    return maskAll(address);
  }

  /** The text with every e-mail address in it masked; {@code null} stays null. */
  public static String maskAll(String text) {
    if (text == null) {
      return null;
    }
    return ADDRESS.matcher(text).replaceAll(match -> Matcher.quoteReplacement(masked(match)));
  }

  private static String masked(java.util.regex.MatchResult match) {
    return match.group(1) + "***@" + match.group(2);
  }
}
