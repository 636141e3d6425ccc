package it.sportello.citizen.demo;

import java.util.List;

/**
 * The demo's citizens, known to the demo identity provider (default profile). Maria Rossi has
 * requests in the demo data (by phone and by mail, see {@link DemoCitizenRequests}).
 */
record DemoCitizen(
    String key, String givenName, String familyName, String fiscalCode, String email) {

  static final List<DemoCitizen> ALL =
      List.of(
          new DemoCitizen(
              "maria.rossi", "Maria", "Rossi", "RSSMRA80A41H501U", "maria.rossi@example.it"),
          new DemoCitizen(
              "giuseppe.verdi",
              "Giuseppe",
              "Verdi",
              "VRDGPP75C12F205X",
              "giuseppe.verdi@example.it"),
          new DemoCitizen(
              "anna.bianchi", "Anna", "Bianchi", "BNCNNA90E50L219K", "anna.bianchi@example.it"));

  static DemoCitizen byKey(String key) {
    return ALL.stream().filter(c -> c.key.equals(key)).findFirst().orElse(null);
  }
}
