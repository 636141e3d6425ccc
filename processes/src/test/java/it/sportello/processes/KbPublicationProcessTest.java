package it.sportello.processes;

import static it.sportello.processes.KbPublicationProcess.Variables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.processes.KbPublicationProcess.Decisions;
import it.sportello.processes.KbPublicationProcess.Elements;
import it.sportello.processes.KbPublicationProcess.Messages;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code kb-publication}, delegates replaced by recorders. */
@Deployment(
    resources = {
      "bpmn/kb/kb-publication.bpmn",
      "forms/kb/kb-write-draft.form",
      "forms/kb/kb-review.form",
      "forms/kb/kb-check-validity.form"
    })
class KbPublicationProcessTest {

  @RegisterExtension static ProcessEngineExtension extension = InMemoryEngine.extension();

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant REVIEW_AT = Instant.parse("2027-03-02T07:00:00Z");

  final List<String> calls = new ArrayList<>();

  /** The due-date bean of the user tasks. */
  public static class Deadlines {
    public Date dueDate(String period) {
      return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Period.parse(period)));
    }
  }

  @BeforeEach
  void setUp() {
    ProcessEngine engine = extension.getProcessEngine();
    init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    for (String bean :
        List.of(
            Beans.SUBMIT,
            Beans.SEND_BACK,
            Beans.NOTIFY,
            Beans.REOPEN,
            Beans.WITHDRAW,
            Beans.ARCHIVE)) {
      Mocks.register(bean, record(bean, execution -> {}));
    }
    Mocks.register(
        Beans.PUBLISH,
        record(
            Beans.PUBLISH,
            execution -> execution.setVariable(REVIEW_DUE_AT, Date.from(REVIEW_AT))));
    Mocks.register(
        Beans.CONFIRM_VALIDITY,
        record(
            Beans.CONFIRM_VALIDITY,
            execution ->
                execution.setVariable(
                    REVIEW_DUE_AT, Date.from(REVIEW_AT.plus(Period.ofDays(365))))));
    Mocks.register(
        Beans.TASK_LISTENER,
        (TaskListener) task -> calls.add(Beans.TASK_LISTENER + ":" + task.getTaskDefinitionKey()));
    Mocks.register(Beans.DEADLINES, new Deadlines());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private JavaDelegate record(String bean, JavaDelegate behaviour) {
    return execution -> {
      calls.add(bean);
      behaviour.execute(execution);
    };
  }

  private ProcessInstance start(String key, boolean ready) {
    return runtimeService()
        .startProcessInstanceByKey(
            KbPublicationProcess.PROCESS_KEY, key, Map.of(READY_FOR_REVIEW, ready));
  }

  /** Approves the review and runs the asynchronous publication and notification. */
  private void approve(ProcessInstance article) {
    complete(task(article), withVariables(REVIEW_DECISION, Decisions.APPROVE));
    assertThat(article).isWaitingAt(Elements.PUBLISH);
    execute(job(Elements.PUBLISH, article));
    assertThat(article).isWaitingAt(Elements.NOTIFY);
    execute(job(Elements.NOTIFY, article));
  }

  @Test
  void aSubmittedDraftIsReviewedApprovedPublishedAndWaitsForItsReviewDate() {
    ProcessInstance article = start("KB-1", true);

    assertThat(article).isWaitingAt(Elements.REVIEW);
    Task review = task(article);
    assertThat(review).hasCandidateGroup("kb-reviewer");
    Assertions.assertThat(review.getDueDate()).isEqualTo(Date.from(NOW.plus(Period.ofDays(5))));
    Assertions.assertThat(review.getFollowUpDate())
        .isEqualTo(Date.from(NOW.plus(Period.ofDays(3))));

    approve(article);

    assertThat(article).isWaitingAt(Elements.WHILE_PUBLISHED);
    Assertions.assertThat(calls)
        .containsSubsequence(
            Beans.SUBMIT, Beans.TASK_LISTENER + ":" + Elements.REVIEW, Beans.PUBLISH, Beans.NOTIFY);
    Job timer = job(Elements.REVIEW_DUE, article);
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(REVIEW_AT));
  }

  @Test
  void theReviewerSendsTheDraftBackAndTheAuthorResubmitsIt() {
    ProcessInstance article = start("KB-2", true);

    complete(task(article), withVariables(REVIEW_DECISION, Decisions.SEND_BACK));

    assertThat(article).isWaitingAt(Elements.WRITE_DRAFT);
    assertThat(task(article)).hasCandidateGroup("kb-editor");
    Assertions.assertThat(calls).contains(Beans.SEND_BACK);

    complete(task(article), withVariables(AUTHOR_DECISION, Decisions.SUBMIT));
    assertThat(article).isWaitingAt(Elements.REVIEW);
    approve(article);

    assertThat(article).isWaitingAt(Elements.WHILE_PUBLISHED);
    Assertions.assertThat(calls.stream().filter(Beans.SUBMIT::equals)).hasSize(2);
  }

  @Test
  void aProposedDraftStartsAtTheAuthorsAndCanBeDiscarded() {
    ProcessInstance article = start("KB-3", false);

    assertThat(article).isWaitingAt(Elements.WRITE_DRAFT);
    complete(task(article), withVariables(AUTHOR_DECISION, Decisions.DISCARD));

    assertThat(article).isEnded().hasPassed(Elements.DRAFT_DISCARDED);
    Assertions.assertThat(calls).contains(Beans.ARCHIVE).doesNotContain(Beans.SUBMIT);
  }

  @Test
  void theReviewDateOpensAReviewTaskThatConfirmsAndSchedulesTheNextOne() {
    ProcessInstance article = start("KB-4", true);
    approve(article);

    execute(job(Elements.REVIEW_DUE, article));

    assertThat(article).isWaitingAt(Elements.CHECK_VALIDITY);
    assertThat(task(article)).hasCandidateGroup("kb-reviewer");
    complete(task(article), withVariables(VALIDITY_DECISION, Decisions.CONFIRM));

    assertThat(article).isWaitingAt(Elements.WHILE_PUBLISHED);
    Assertions.assertThat(calls).contains(Beans.CONFIRM_VALIDITY);
    Assertions.assertThat(job(Elements.REVIEW_DUE, article).getDuedate())
        .isEqualTo(Date.from(REVIEW_AT.plus(Period.ofDays(365))));
  }

  @Test
  void theScheduledReviewSendsAnOutdatedArticleBackToItsAuthors() {
    ProcessInstance article = start("KB-5", true);
    approve(article);
    execute(job(Elements.REVIEW_DUE, article));

    complete(task(article), withVariables(VALIDITY_DECISION, Decisions.REVISE));

    assertThat(article).isWaitingAt(Elements.WRITE_DRAFT);
    Assertions.assertThat(calls).contains(Beans.REOPEN);
  }

  @Test
  void theScheduledReviewWithdrawsAnArticleNoLongerValid() {
    ProcessInstance article = start("KB-6", true);
    approve(article);
    execute(job(Elements.REVIEW_DUE, article));

    complete(task(article), withVariables(VALIDITY_DECISION, Decisions.WITHDRAW));

    assertThat(article).isEnded().hasPassed(Elements.ARTICLE_WITHDRAWN);
    Assertions.assertThat(calls).contains(Beans.WITHDRAW);
  }

  @Test
  void aWithdrawalRequestWithdrawsThePublishedArticle() {
    ProcessInstance article = start("KB-7", true);
    approve(article);

    runtimeService()
        .createMessageCorrelation(Messages.WITHDRAWAL_REQUESTED)
        .processInstanceBusinessKey("KB-7")
        .correlate();

    assertThat(article).isEnded().hasPassed(Elements.ARTICLE_WITHDRAWN);
    Assertions.assertThat(
            managementService().createJobQuery().processInstanceId(article.getId()).count())
        .as("the review timer is gone")
        .isZero();
  }

  @Test
  void anArchivalRequestArchivesThePublishedArticle() {
    ProcessInstance article = start("KB-8", true);
    approve(article);

    runtimeService()
        .createMessageCorrelation(Messages.ARCHIVAL_REQUESTED)
        .processInstanceBusinessKey("KB-8")
        .correlate();

    assertThat(article).isEnded().hasPassed(Elements.ARTICLE_ARCHIVED);
    Assertions.assertThat(calls).contains(Beans.ARCHIVE).doesNotContain(Beans.WITHDRAW);
  }

  private static Job job(String activityId, ProcessInstance instance) {
    return managementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(activityId)
        .singleResult();
  }
}
