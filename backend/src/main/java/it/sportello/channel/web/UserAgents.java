package it.sportello.channel.web;

import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Browser and operating system from a User-Agent header, with ua-parser's maintained regexes
 * (uap-java). The parser compiles its patterns once; it is thread-safe.
 */
@Component
class UserAgents {

  private static final int MAX_HEADER = 1000;

  private final Parser parser = new Parser();

  record Described(String browser, String os) {}

  /** Names with the major version ("Chrome 120", "Windows 10"); null parts when unknown. */
  Described describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return new Described(null, null);
    }
    String header =
        userAgent.length() > MAX_HEADER ? userAgent.substring(0, MAX_HEADER) : userAgent;
    Client client = parser.parse(header);
    return new Described(
        name(client.userAgent.family, client.userAgent.major),
        name(client.os.family, client.os.major));
  }

  private static String name(String family, String major) {
    if (family == null || family.equals("Other")) {
      return null;
    }
    return major == null ? family : family + " " + major;
  }
}
