package it.sportello.kb;

/** Where an article stands in its publication workflow. */
public enum ArticleStatus {
  /** Being written or revised by its authors; not visible to readers. */
  DRAFT,
  /** Waiting for a KB reviewer. */
  IN_REVIEW,
  /** Visible to its audience and searchable. */
  PUBLISHED,
  /** Taken out of circulation (no longer valid); can be revised and published again. */
  WITHDRAWN,
  /** Kept for the record only. */
  ARCHIVED
}
