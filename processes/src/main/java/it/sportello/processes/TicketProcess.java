package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/ticket/ticket.bpmn} and {@code office-involvement.bpmn}:
 * process keys, element ids, messages, variables and the values of the decisions taken in user
 * tasks. {@code TicketProcessConstantsTest} checks every constant against the models.
 */
public final class TicketProcess {

  public static final String PROCESS_KEY = "ticket";
  public static final String OFFICE_INVOLVEMENT_PROCESS_KEY = "office-involvement";
  public static final String CLASSIFICATION_DECISION_KEY = "ticket-classification";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String CLASSIFY = "businessRuleTask_classifyTicket";
    public static final String HANDLE_TICKET = "subProcess_handleTicket";
    public static final String LEVEL1 = "userTask_handleLevel1";
    public static final String LEVEL2 = "userTask_handleLevel2";
    public static final String CALL_BACK = "userTask_callBackRequester";
    public static final String INVOLVE_OFFICE = "callActivity_involveOffice";
    public static final String LEVEL3 = "userTask_reassignTicket";
    public static final String OFFICE_ANSWER = "userTask_answerOfficeRequest";
    public static final String TAKE_IN_CHARGE_OVERDUE = "boundaryEvent_takeInChargeOverdue";
    public static final String RESOLUTION_OVERDUE = "boundaryEvent_resolutionOverdue";
    public static final String AWAIT_REPLY = "receiveTask_awaitRequesterReply";
    public static final String REPLY_REMINDER_DUE = "boundaryEvent_replyReminderDue";
    public static final String REPLY_OVERDUE = "boundaryEvent_replyOverdue";
    public static final String TICKET_CLOSED = "endEvent_ticketClosed";
    public static final String CLOSED_FOR_NO_REPLY = "endEvent_closedForNoReply";
    public static final String CLOSED_DATA_INCOMPLETE = "endEvent_closedDataIncomplete";
    public static final String MERGED_AS_DUPLICATE = "subProcess_mergedAsDuplicate";
    public static final String CLOSE_AS_DUPLICATE = "serviceTask_closeAsDuplicate";
    public static final String CLOSED_AS_DUPLICATE = "endEvent_closedAsDuplicate";

    private Elements() {}
  }

  /** Messages, named {@code <area>.<pastTenseEvent>}. */
  public static final class Messages {
    public static final String REQUESTER_REPLIED = "ticket.requesterReplied";

    /** The ticket was merged into another as its duplicate: it closes, whatever it waits for. */
    public static final String MERGED_AS_DUPLICATE = "ticket.mergedAsDuplicate";

    private Messages() {}
  }

  /** Process variables: ids, decisions and deadlines only; business data lives in our tables. */
  public static final class Variables {
    public static final String TICKET_TYPE = "ticketType";
    public static final String TOPIC = "topic";
    public static final String CHANNEL = "channel";
    public static final String LANGUAGE = "language";
    public static final String CLASSIFICATION = "classification";
    public static final String QUEUE = "queue";
    public static final String PRIORITY = "priority";
    public static final String BACK_OFFICE_GROUP = "backOfficeGroup";
    public static final String CURRENT_LEVEL = "currentLevel";
    public static final String TAKE_IN_CHARGE_DUE_AT = "takeInChargeDueAt";
    public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
    public static final String TAKE_IN_CHARGE_AT_RISK_FROM = "takeInChargeAtRiskFrom";
    public static final String RESOLUTION_AT_RISK_FROM = "resolutionAtRiskFrom";
    public static final String REPLY_REMINDER_AT = "replyReminderAt";
    public static final String REPLY_DEADLINE_AT = "replyDeadlineAt";
    public static final String LEVEL1_DECISION = "level1Decision";
    public static final String LEVEL2_DECISION = "level2Decision";
    public static final String CALL_BACK_RESULT = "callBackResult";
    public static final String OFFICE = "office";
    public static final String OFFICE_DECISION = "officeDecision";
    public static final String LEVEL3_DECISION = "level3Decision";

    private Variables() {}
  }

  /** Delegate and listener bean names used in {@code camunda:delegateExpression}. */
  public static final class Beans {
    public static final String APPLY_CLASSIFICATION = "applyClassificationDelegate";
    public static final String ESCALATE_TAKE_IN_CHARGE = "escalateTakeInChargeDelegate";
    public static final String ESCALATE_RESOLUTION = "escalateResolutionDelegate";
    public static final String REQUEST_MISSING_DATA = "requestMissingDataDelegate";
    public static final String REMIND_REQUESTER = "remindRequesterDelegate";
    public static final String CLOSE_FOR_NO_REPLY = "closeForNoReplyDelegate";
    public static final String CLOSE_FOR_INCOMPLETE_DATA = "closeForIncompleteDataDelegate";
    public static final String RESUME_SLA = "resumeSlaDelegate";
    public static final String CLOSE_TICKET = "closeTicketDelegate";
    public static final String CLOSE_AS_DUPLICATE = "closeAsDuplicateDelegate";
    public static final String TASK_LISTENER = "ticketTaskListener";

    private Beans() {}
  }

  private TicketProcess() {}
}
