package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey after a call (issue 23 item 3): a phone ticket solved on the call closes
 * and its requester gets the link by e-mail, or by SMS when they left only a mobile number; one who
 * opted out gets nothing.
 */
class CallSurveyIT extends SatisfactionSurveyTestSupport {

  @Override
  protected List<String> surveyChannels() {
    return List.of("PHONE");
  }

  @Test
  void aCallerWithOnlyAMobileNumberGetsTheLinkBySms() {
    String mobile = "+39333" + (1000000 + (int) (Math.random() * 8999999));
    String number =
        solvedCall(Map.of("fiscalCode", fiscalCode(), "name", "Gino Neri", "phone", mobile));
    runInvitationJob(number);

    Map<String, Object> sent = outbox(number);
    assertThat(sent)
        .containsEntry("channel", "SMS")
        .containsEntry("recipient", mobile)
        .containsEntry("template", SatisfactionSurveys.TEMPLATE);
    assertThat(
            jdbc.sql("select status from sportello.survey_invitation where ticket_number = ?")
                .param(number)
                .query(String.class)
                .single())
        .isEqualTo("SENT");
  }

  @Test
  void aCallerWithAnAddressGetsTheLinkByMail() {
    String email = "call." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    String number =
        solvedCall(
            Map.of(
                "fiscalCode",
                fiscalCode(),
                "name",
                "Gina Neri",
                "email",
                email,
                "phone",
                "+393331234567"));
    runInvitationJob(number);
    assertThat(outbox(number)).containsEntry("channel", "EMAIL").containsEntry("recipient", email);
  }

  // --- helpers ---

  /** A phone ticket for the requester, solved by operator1 on the call. */
  private String solvedCall(Map<String, String> requester) {
    Map<String, Object> request = ticketRequest(fiscalCode(), "Informazioni al telefono");
    request.put("channel", "PHONE");
    request.put("requester", requester);
    return solveAtLevel1(request, "Risposto durante la chiamata.");
  }

  private Map<String, Object> outbox(String number) {
    return jdbc.sql(
            "select o.channel, o.recipient, o.template from sportello.notification_outbox o"
                + " join sportello.survey_invitation i on o.dedup_key = 'survey:' || i.id"
                + " where i.ticket_number = ?")
        .param(number)
        .query()
        .singleRow();
  }
}
