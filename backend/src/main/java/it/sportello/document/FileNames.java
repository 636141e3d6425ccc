package it.sportello.document;

/** File names as we keep them: no directory part, no control characters, at most 255 characters. */
final class FileNames {

  private static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The cleaned name, or null when nothing is left of it. */
  static String clean(String fileName) {
    if (fileName == null) {
      return null;
    }
    String name =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.length() > MAX_LENGTH) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
    }
    return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
  }
}
