package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/survey/campaign.bpmn} and {@code
 * bpmn/survey/campaign-call.bpmn}; {@code CampaignProcessTest} checks them against the models.
 */
public final class CampaignProcess {

  public static final String PROCESS_KEY = "campaign";
  public static final String CALL_PROCESS_KEY = "campaign-call";

  public static final String MESSAGE_PAUSED = "campaign.paused";
  public static final String MESSAGE_RESUMED = "campaign.resumed";
  public static final String MESSAGE_STOPPED = "campaign.stopped";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String PREPARE_TARGET_LIST = "serviceTask_prepareTargetList";
    public static final String SEND_WAVE = "serviceTask_sendWave";
    public static final String BETWEEN_WAVES = "eventBasedGateway_betweenWaves";
    public static final String NEXT_WAVE_DUE = "intermediateCatchEvent_nextWaveDue";
    public static final String AWAIT_RESUME = "receiveTask_awaitResume";
    public static final String UNTIL_END = "eventBasedGateway_untilEnd";
    public static final String END_DATE_REACHED = "intermediateCatchEvent_endDateReached";
    public static final String CLOSE_CAMPAIGN = "serviceTask_closeCampaign";
    public static final String CAMPAIGN_CLOSED = "endEvent_campaignClosed";

    public static final String CALL_RECIPIENT = "userTask_callRecipient";
    public static final String RETRY_DUE = "intermediateCatchEvent_retryDue";
    public static final String CALL_CLOSED = "endEvent_callClosed";

    private Elements() {}
  }

  /** Spring beans named by the models' delegate expressions. */
  public static final class Beans {
    public static final String PREPARE_TARGETS = "prepareCampaignTargetsDelegate";
    public static final String SEND_WAVE = "sendCampaignWaveDelegate";
    public static final String CLOSE_CAMPAIGN = "closeCampaignDelegate";
    public static final String RECORD_CALL_ATTEMPT = "recordCallAttemptDelegate";

    private Beans() {}
  }

  /** Process variables: ids, decisions and deadlines (the recipients live in our tables). */
  public static final class Variables {
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String WAVE_INTERVAL = "waveInterval";
    public static final String ENDS_AT = "endsAt";
    public static final String ALL_WORKED = "allWorked";

    public static final String RECIPIENT_ID = "recipientId";
    public static final String ATTEMPT = "attempt";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String RETRY_AFTER = "retryAfter";
    public static final String CALL_DUE_AT = "callDueAt";
    public static final String CALL_FOLLOW_UP_AT = "callFollowUpAt";
    public static final String CALL_OUTCOME = "callOutcome";
    public static final String CALL_AGAIN = "callAgain";
    public static final String NOTE = "note";

    /** What the call form shows (the operator needs them to call). */
    public static final String CAMPAIGN_NAME = "campaignName";

    public static final String RECIPIENT_NAME = "recipientName";
    public static final String PHONE = "phone";
    public static final String CALL_SCRIPT = "callScript";
    public static final String QUESTIONNAIRE_LINK = "questionnaireLink";

    private Variables() {}
  }

  /** Values of {@link Variables#CALL_OUTCOME} as the form offers them. */
  public static final class CallOutcomes {
    public static final String INTERVIEWED = "INTERVIEWED";
    public static final String REFUSED = "REFUSED";
    public static final String NO_ANSWER = "NO_ANSWER";
    public static final String WRONG_NUMBER = "WRONG_NUMBER";

    private CallOutcomes() {}
  }

  private CampaignProcess() {}
}
