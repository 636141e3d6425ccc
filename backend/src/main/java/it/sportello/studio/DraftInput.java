package it.sportello.studio;

/**
 * What an analyst saves: the kind, the model's content (XML or form JSON), the deployed version it
 * started from (if any) and a change note. The key is read from the content.
 */
public record DraftInput(DraftKind kind, String content, Integer baseVersion, String changeNote) {}
