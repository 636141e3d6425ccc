package it.sportello.kb;

/** The {@code kb-publication} process, as the knowledge base needs it (in {@code kb.process}). */
public interface KbProcessPort {

  /**
   * Starts the publication workflow of an article: straight to review when the author submits a
   * finished draft, or to the authors' "write the draft" task when the draft was proposed (e.g.
   * from a solved ticket).
   */
  void start(long articleId, boolean readyForReview);

  /** Whether the article's workflow is running. */
  boolean isRunning(long articleId);

  /** The author resubmits a draft that was sent back: completes the open "write" task. */
  boolean resubmit(long articleId, String author);

  /** Asks the running workflow to withdraw (true) or archive (false) the published article. */
  boolean requestRemoval(long articleId, boolean withdraw);
}
