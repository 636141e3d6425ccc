package it.sportello.survey;

import java.util.List;

/**
 * A question of a questionnaire, derived from its form-js schema.
 *
 * @param type the form-js field type: {@code radio}, {@code select} (single choice, scales 1-5 and
 *     0-10 are radios or selects with those values), {@code checklist} (multiple choice), {@code
 *     textfield}, {@code textarea} (free text), {@code number}, {@code checkbox}
 * @param values the allowed option values of a choice, in order (empty for the others)
 * @param required whether an answer is required (never for a conditional field, which form-js
 *     leaves out when hidden)
 */
public record Question(String key, String type, List<String> values, boolean required) {}
