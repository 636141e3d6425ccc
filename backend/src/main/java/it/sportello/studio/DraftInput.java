package it.sportello.studio;

/**
 * What an analyst saves: the kind, the model's content (XML or form JSON), the deployed version it
 * started from (if any), a change note and, for a decision table, its tests (JSON: cases of inputs
 * and expected outputs). The key is read from the content.
 */
public record DraftInput(
    DraftKind kind, String content, Integer baseVersion, String changeNote, String tests) {

  public DraftInput(DraftKind kind, String content, Integer baseVersion, String changeNote) {
    this(kind, content, baseVersion, changeNote, null);
  }
}
