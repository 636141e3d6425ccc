package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/approval/approval.bpmn}, {@code
 * bpmn/correspondence/correspondence.bpmn} and {@code bpmn/complaint/complaint.bpmn}. {@code
 * ProcedureProcessConstantsTest} checks them against the models.
 */
public final class ProcedureProcesses {

  public static final String APPROVAL_PROCESS_KEY = "approval";
  public static final String CORRESPONDENCE_PROCESS_KEY = "correspondence";
  public static final String COMPLAINT_PROCESS_KEY = "complaint";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    // approval
    public static final String DECIDE_APPROVAL = "userTask_decideApproval";
    public static final String APPROVED = "endEvent_approved";
    public static final String REJECTED = "endEvent_rejected";
    // correspondence
    public static final String PREPARE_ANSWER = "subProcess_prepareAnswer";
    public static final String DRAFT_ANSWER = "userTask_draftAnswer";
    public static final String REVIEW_BY_HEAD_OFFICE = "callActivity_reviewByHeadOffice";
    public static final String SIGN_BY_MANAGER = "callActivity_signByManager";
    public static final String SEND_LETTER = "serviceTask_sendLetter";
    public static final String APPROVAL_NO_LONGER_VALID = "boundaryEvent_approvalNoLongerValid";
    public static final String ANSWER_REMINDER_DUE = "boundaryEvent_answerReminderDue";
    public static final String ANSWER_OVERDUE = "boundaryEvent_answerOverdue";
    public static final String LETTER_ARCHIVED = "endEvent_letterArchived";
    // complaint
    public static final String CHECK_REPORT = "userTask_checkReport";
    public static final String SEND_FORMAL_NOTICE = "serviceTask_sendFormalNotice";
    public static final String AWAIT_COUNTER_ARGUMENTS = "receiveTask_awaitCounterArguments";
    public static final String COUNTER_ARGUMENTS_DEADLINE =
        "boundaryEvent_counterArgumentsDeadline";
    public static final String EVALUATE_CASE = "userTask_evaluateCase";
    public static final String APPROVE_DECISION = "callActivity_approveDecision";
    public static final String NOTIFY_DECISION = "serviceTask_notifyDecision";
    public static final String COMPLAINT_DISMISSED = "endEvent_complaintDismissed";
    public static final String COMPLAINT_CLOSED = "endEvent_complaintClosed";

    private Elements() {}
  }

  /** Messages, named {@code <area>.<pastTenseEvent>}. */
  public static final class Messages {
    public static final String SUPPLIER_REPLIED = "complaint.supplierReplied";

    private Messages() {}
  }

  /** Errors thrown by delegates and caught in the models. */
  public static final class Errors {
    public static final String APPROVAL_NO_LONGER_VALID = "approvalNoLongerValid";

    private Errors() {}
  }

  /** Spring beans named by the models' delegate expressions. */
  public static final class Beans {
    public static final String APPROVAL_REQUEST = "approvalRequestDelegate";
    public static final String APPROVAL_TASK_LISTENER = "approvalTaskListener";
    public static final String LETTER_TASK_LISTENER = "letterTaskListener";
    public static final String SEND_LETTER = "sendLetterDelegate";
    public static final String ARCHIVE_LETTER = "archiveLetterDelegate";
    public static final String REMIND_OFFICE = "remindOfficeDelegate";
    public static final String ESCALATE_LETTER = "escalateLetterDelegate";
    public static final String COMPLAINT_TASK_LISTENER = "complaintTaskListener";
    public static final String DISMISS_COMPLAINT = "dismissComplaintDelegate";
    public static final String SEND_FORMAL_NOTICE = "sendFormalNoticeDelegate";
    public static final String COUNTER_ARGUMENTS_MISSED = "counterArgumentsMissedDelegate";
    public static final String NOTIFY_DECISION = "notifyDecisionDelegate";

    private Beans() {}
  }

  /** Process variables. */
  public static final class Variables {
    // approval (in)
    public static final String SUBJECT_KIND = "subjectKind";
    public static final String APPROVAL_STEP = "approvalStep";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String DOCUMENT_ROLE = "documentRole";
    public static final String SUBMITTED_BY = "submittedBy";
    // approval (set by the request, out)
    public static final String APPROVAL_ID = "approvalId";
    public static final String APPROVAL_DUE_AT = "approvalDueAt";
    public static final String APPROVAL_FOLLOW_UP_AT = "approvalFollowUpAt";
    public static final String APPROVAL_DECISION = "approvalDecision";
    // correspondence
    public static final String OFFICE = "office";
    public static final String ANSWER_DUE_AT = "answerDueAt";
    public static final String ANSWER_REMINDER_AT = "answerReminderAt";
    public static final String DRAFT_DECISION = "draftDecision";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String SIGNATURE_DECISION = "signatureDecision";
    // complaint
    public static final String CHECK_DUE_AT = "checkDueAt";
    public static final String CHECK_FOLLOW_UP_AT = "checkFollowUpAt";
    public static final String CHECK_DECISION = "checkDecision";
    public static final String COUNTER_ARGUMENTS_DUE_AT = "counterArgumentsDueAt";
    public static final String EVALUATION_DUE_AT = "evaluationDueAt";
    public static final String EVALUATION_FOLLOW_UP_AT = "evaluationFollowUpAt";
    public static final String COMPLAINT_DECISION = "complaintDecision";
    public static final String DECISION_APPROVAL = "decisionApproval";

    private Variables() {}
  }

  /** Values of the decisions. */
  public static final class Decisions {
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String SUBMIT = "SUBMIT";
    public static final String NO_REPLY = "NO_REPLY";
    public static final String PROCEED = "PROCEED";
    public static final String DISMISS = "DISMISS";
    public static final String ARCHIVE = "ARCHIVE";
    public static final String PENALTY = "PENALTY";

    private Decisions() {}
  }

  private ProcedureProcesses() {}
}
