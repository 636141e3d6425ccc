package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The analysts' studio in headless Chromium: {@code frontend/e2e/studio.mjs} has {@code analyst}
 * open {@code ticket.bpmn} in bpmn-js, clear a user task's label, save, and find the lint error on
 * the element in the list and on the diagram; the page without a serious axe violation. The
 * editor's load time is printed (not asserted).
 */
class StudioWebIT extends BrowserIT {

  @Test
  void anAnalystOpensTheTicketProcedureChangesALabelAndSeesTheLintErrorOnTheDiagram()
      throws IOException, InterruptedException {
    String output = browse("studio.mjs", "it", Duration.ofMinutes(4));
    assertThat(output).contains("studio it: userTask_").contains("marked with a lint error");
  }

  /**
   * {@code frontend/e2e/studio-diff.mjs}: analyst renames a user task and asks to deploy; analyst2
   * opens the request's changes and finds the task marked as changed on the diagram and listed with
   * its new name, then rejects the request.
   */
  @Test
  void theReviewingAnalystSeesTheChangedElementMarkedOnTheDiagram()
      throws IOException, InterruptedException {
    String output = browse("studio-diff.mjs", "it", Duration.ofMinutes(4));
    assertThat(output).contains("studio diff it: userTask_").contains("marked as changed");
  }
}
