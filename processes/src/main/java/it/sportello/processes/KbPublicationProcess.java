package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/kb/kb-publication.bpmn}: the process key, element ids,
 * messages, variables, decisions and beans. {@code KbPublicationConstantsTest} checks each against
 * the model. The business key is the article's key, {@code KB-<article id>}.
 */
public final class KbPublicationProcess {

  public static final String PROCESS_KEY = "kb-publication";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String WRITE_DRAFT = "userTask_writeDraft";
    public static final String REVIEW = "userTask_reviewArticle";
    public static final String CHECK_VALIDITY = "userTask_checkValidity";
    public static final String PUBLISH = "serviceTask_publishArticle";
    public static final String NOTIFY = "serviceTask_notifySubscribers";
    public static final String WHILE_PUBLISHED = "eventBasedGateway_whilePublished";
    public static final String REVIEW_DUE = "intermediateCatchEvent_reviewDue";
    public static final String DRAFT_DISCARDED = "endEvent_draftDiscarded";
    public static final String ARTICLE_WITHDRAWN = "endEvent_articleWithdrawn";
    public static final String ARTICLE_ARCHIVED = "endEvent_articleArchived";

    private Elements() {}
  }

  /** Messages, named {@code <area>.<pastTenseEvent>}. */
  public static final class Messages {
    public static final String WITHDRAWAL_REQUESTED = "kb.withdrawalRequested";
    public static final String ARCHIVAL_REQUESTED = "kb.archivalRequested";

    private Messages() {}
  }

  /** Process variables: decisions and the review date only; the article lives in our tables. */
  public static final class Variables {
    public static final String READY_FOR_REVIEW = "readyForReview";
    public static final String AUTHOR_DECISION = "authorDecision";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String VALIDITY_DECISION = "validityDecision";
    public static final String REVIEW_DUE_AT = "reviewDueAt";

    private Variables() {}
  }

  /** The values of the decisions taken in the user tasks (the forms' radio values). */
  public static final class Decisions {
    public static final String SUBMIT = "SUBMIT";
    public static final String DISCARD = "DISCARD";
    public static final String APPROVE = "APPROVE";
    public static final String SEND_BACK = "SEND_BACK";
    public static final String CONFIRM = "CONFIRM";
    public static final String REVISE = "REVISE";
    public static final String WITHDRAW = "WITHDRAW";

    private Decisions() {}
  }

  /** Texts entered in the forms, kept in our tables (transient variables in the engine). */
  public static final class Texts {
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String NOTE = "note";

    private Texts() {}
  }

  /** Beans of {@code camunda:delegateExpression}, and the due-date bean of the user tasks. */
  public static final class Beans {
    public static final String SUBMIT = "submitArticleDelegate";
    public static final String SEND_BACK = "sendBackArticleDelegate";
    public static final String PUBLISH = "publishArticleDelegate";
    public static final String NOTIFY = "notifyPublicationDelegate";
    public static final String CONFIRM_VALIDITY = "confirmValidityDelegate";
    public static final String REOPEN = "reopenArticleDelegate";
    public static final String WITHDRAW = "withdrawArticleDelegate";
    public static final String ARCHIVE = "archiveArticleDelegate";
    public static final String TASK_LISTENER = "kbTaskListener";

    /** Not a delegate: {@code ${kbDeadlines.dueDate('P5D')}} in due and follow-up dates. */
    public static final String DEADLINES = "kbDeadlines";

    private Beans() {}
  }

  private KbPublicationProcess() {}
}
