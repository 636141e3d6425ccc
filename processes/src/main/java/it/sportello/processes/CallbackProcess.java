package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/phone/callback.bpmn}: process key, element ids, beans,
 * variables and outcomes. {@code CallbackProcessTest} checks them against the model.
 */
public final class CallbackProcess {

  public static final String PROCESS_KEY = "callback";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String PLACE_CALL = "serviceTask_placeCall";
    public static final String RECORD_OUTCOME = "userTask_recordCallbackOutcome";
    public static final String WAIT_BEFORE_RETRY = "intermediateCatchEvent_waitBeforeRetry";
    public static final String WAIT_FOR_APPOINTMENT = "intermediateCatchEvent_waitForAppointment";
    public static final String REQUESTER_REACHED = "endEvent_requesterReached";
    public static final String ATTEMPTS_EXHAUSTED = "endEvent_attemptsExhausted";

    private Elements() {}
  }

  /** Spring beans named by the model's delegate expressions. */
  public static final class Beans {
    public static final String PLACE_CALL = "placeCallbackCallDelegate";
    public static final String SAVE_OUTCOME = "saveCallbackOutcomeDelegate";

    private Beans() {}
  }

  /** Process variables: ids, decisions and deadlines only. */
  public static final class Variables {
    public static final String CALLBACK_ID = "callbackId";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String RETRY_DELAY = "retryDelay";
    public static final String CALLBACK_DUE_AT = "callbackDueAt";
    public static final String CALLBACK_FOLLOW_UP_AT = "callbackFollowUpAt";
    public static final String CALLBACK_OUTCOME = "callbackOutcome";
    public static final String ATTEMPTS_LEFT = "attemptsLeft";
    public static final String NOTE = "note";

    /** The agreed time of the call (a date), absent when none was agreed. */
    public static final String APPOINTMENT_AT = "appointmentAt";

    /** Who recorded the outcome (set when the task is completed through our API). */
    public static final String RECORDED_BY = "recordedBy";

    private Variables() {}
  }

  /** Values of {@link Variables#CALLBACK_OUTCOME}. */
  public static final class Outcomes {
    public static final String REACHED = "REACHED";
    public static final String NOT_REACHED = "NOT_REACHED";

    private Outcomes() {}
  }

  private CallbackProcess() {}
}
