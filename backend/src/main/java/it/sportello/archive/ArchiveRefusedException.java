package it.sportello.archive;

/**
 * An archive that cannot be imported here: damaged, of another schema version, or a target that
 * holds data.
 */
public class ArchiveRefusedException extends RuntimeException {
  public ArchiveRefusedException(String message) {
    super(message);
  }
}
