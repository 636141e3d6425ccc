package it.sportello.channel.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note the mail channel writes into a ticket (a sender taken from Reply-To, a damaged part, an
 * attachment too large), rendered in the ticket's language by {@link MailTemplates#note} from the
 * templates' bundle {@code mail-notes}, which an administration may replace.
 *
 * @param key the note's key in the bundle
 * @param values the values of its placeholders
 */
record MailNote(String key, Map<String, String> values) {

  MailNote {
    values = Map.copyOf(values);
  }

  static MailNote of(String key, String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      values.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return new MailNote(key, values);
  }
}
