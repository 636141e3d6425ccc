package it.sportello.channel.web;

import java.util.Map;

/**
 * Where a citizen's request stands, in plain language, in the four languages of the service
 * (Italian when the language has no text).
 */
final class StatusLabels {

  private static final Map<String, Map<String, String>> LABELS =
      Map.of(
          "it",
          Map.of(
              "RECEIVED", "Ricevuta, in attesa di essere presa in carico",
              "IN_PROGRESS", "In lavorazione",
              "WAITING_FOR_YOU", "In attesa di informazioni da parte tua",
              "ANSWERED", "Conclusa con risposta",
              "CLOSED", "Chiusa"),
          "en",
          Map.of(
              "RECEIVED", "Received, waiting to be taken in charge",
              "IN_PROGRESS", "Being worked on",
              "WAITING_FOR_YOU", "Waiting for information from you",
              "ANSWERED", "Answered",
              "CLOSED", "Closed"),
          "de",
          Map.of(
              "RECEIVED", "Eingegangen, wartet auf Bearbeitung",
              "IN_PROGRESS", "In Bearbeitung",
              "WAITING_FOR_YOU", "Wartet auf Ihre Angaben",
              "ANSWERED", "Beantwortet",
              "CLOSED", "Abgeschlossen"),
          "fr",
          Map.of(
              "RECEIVED", "Reçue, en attente de prise en charge",
              "IN_PROGRESS", "En cours de traitement",
              "WAITING_FOR_YOU", "En attente d'informations de votre part",
              "ANSWERED", "Traitée, réponse envoyée",
              "CLOSED", "Clôturée"));

  private StatusLabels() {}

  static String label(String code, String language) {
    Map<String, String> labels = LABELS.getOrDefault(language, LABELS.get("it"));
    return labels.getOrDefault(code, code);
  }
}
