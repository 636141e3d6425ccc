package it.sportello.processes;

/**
 * Names that code shares with {@code bpmn/privacy/data-subject-request.bpmn}: process key, element
 * ids, beans, variables and kinds. {@code DataSubjectRequestProcessTest} checks them against the
 * model.
 */
public final class DataSubjectRequestProcess {

  public static final String PROCESS_KEY = "data-subject-request";

  /** Element ids that code or tests touch. */
  public static final class Elements {
    public static final String HANDLE_REQUEST = "subProcess_handleRequest";
    public static final String PRODUCE_EXPORT = "serviceTask_produceExport";
    public static final String ERASE_DATA = "serviceTask_eraseData";
    public static final String ANSWER_DATA_SUBJECT = "userTask_answerDataSubject";
    public static final String REMINDER_DUE = "boundaryEvent_reminderDue";
    public static final String DEADLINE_PASSED = "boundaryEvent_deadlinePassed";
    public static final String REQUEST_CLOSED = "endEvent_requestClosed";
    public static final String DPO_REMINDED = "endEvent_dpoReminded";
    public static final String OVERDUE_REPORTED = "endEvent_overdueReported";

    private Elements() {}
  }

  /** Spring beans named by the model's delegate expressions. */
  public static final class Beans {
    public static final String PRODUCE_EXPORT = "produceDataSubjectExportDelegate";
    public static final String ERASE_DATA = "eraseDataSubjectDataDelegate";
    public static final String REMIND_DPO = "remindDataSubjectRequestDelegate";
    public static final String REPORT_OVERDUE = "reportDataSubjectRequestOverdueDelegate";
    public static final String CLOSE_REQUEST = "closeDataSubjectRequestDelegate";

    private Beans() {}
  }

  /** Process variables: ids, the kind and the deadlines only (never the person's data). */
  public static final class Variables {
    public static final String REQUEST_ID = "requestId";
    public static final String REQUEST_KIND = "requestKind";

    /** The legal deadline: one month from receipt, on the service calendar. */
    public static final String DUE_AT = "dueAt";

    /** When the data protection officer is reminded (working days before the deadline). */
    public static final String REMINDER_AT = "reminderAt";

    /** Who answered the person (set when the task is completed through our API). */
    public static final String ANSWERED_BY = "answeredBy";

    private Variables() {}
  }

  /** Values of {@link Variables#REQUEST_KIND}. */
  public static final class Kinds {
    public static final String EXPORT = "EXPORT";
    public static final String ERASURE = "ERASURE";

    private Kinds() {}
  }

  private DataSubjectRequestProcess() {}
}
