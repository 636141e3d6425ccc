package it.sportello.casefile;

/** What a case file belongs to; its number is the letter's protocol or the complaint's case. */
public enum SubjectKind {
  LETTER,
  COMPLAINT
}
