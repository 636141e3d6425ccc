package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/survey/satisfaction-survey.bpmn}: process key, element
 * ids, message, beans, variables and outcomes. {@code SatisfactionSurveyProcessTest} checks them
 * against the model.
 */
public final class SatisfactionSurveyProcess {

  public static final String PROCESS_KEY = "satisfaction-survey";

  /** The requester answered the questionnaire (correlated by the invitation's id). */
  public static final String MESSAGE_ANSWERED = "survey.answered";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String SEND_INVITATION = "serviceTask_sendInvitation";
    public static final String AWAIT_ANSWER = "receiveTask_awaitAnswer";
    public static final String ANSWER_PERIOD_OVER = "boundaryEvent_answerPeriodOver";
    public static final String FOLLOW_UP = "userTask_followUpLowScore";
    public static final String NOT_INVITED = "endEvent_notInvited";
    public static final String UNANSWERED = "endEvent_unanswered";
    public static final String ANSWERED = "endEvent_answered";
    public static final String FOLLOWED_UP = "endEvent_followedUp";

    private Elements() {}
  }

  /** Spring beans named by the model's delegate expressions. */
  public static final class Beans {
    public static final String SEND_INVITATION = "sendSurveyInvitationDelegate";
    public static final String EXPIRE_INVITATION = "expireSurveyInvitationDelegate";
    public static final String RECORD_FOLLOW_UP = "recordSurveyFollowUpDelegate";

    private Beans() {}
  }

  /** Process variables: ids, decisions and deadlines only. */
  public static final class Variables {
    public static final String INVITATION_ID = "invitationId";
    public static final String ANSWER_WITHIN = "answerWithin";
    public static final String INVITATION_SENT = "invitationSent";
    public static final String LOW_SCORE = "lowScore";
    public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
    public static final String FOLLOW_UP_AT_RISK_FROM = "followUpAtRiskFrom";
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    public static final String FOLLOWED_UP_BY = "followedUpBy";

    /** The supervisor's note (a transient variable, stored in our tables). */
    public static final String NOTE = "note";

    private Variables() {}
  }

  /** Values of {@link Variables#FOLLOW_UP_OUTCOME}. */
  public static final class Outcomes {
    public static final String CONTACTED = "CONTACTED";
    public static final String NO_ACTION = "NO_ACTION";

    private Outcomes() {}
  }

  private SatisfactionSurveyProcess() {}
}
