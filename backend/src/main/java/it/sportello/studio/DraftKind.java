package it.sportello.studio;

/** What a draft defines, and the resource name it is deployed under. */
public enum DraftKind {
  BPMN(".bpmn"),
  DMN(".dmn"),
  FORM(".form");

  private final String extension;

  DraftKind(String extension) {
    this.extension = extension;
  }

  /** The resource name of a model with this key. */
  public String resourceName(String key) {
    return key + extension;
  }
}
