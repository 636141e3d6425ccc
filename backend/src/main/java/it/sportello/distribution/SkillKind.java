package it.sportello.distribution;

/** What a skill is about. */
public enum SkillKind {
  /** A language (ISO 639-1 code, e.g. {@code de}). */
  LANGUAGE,
  /** A topic of the classification tree (its code). */
  TOPIC,
  /** A level of the service desk ({@code 1}, {@code 2}, {@code 3}). */
  LEVEL
}
