package it.sportello.studio;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.studio.ModelChange.PropertyChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The element-by-element diff: what changed, with its properties; layout is no change. */
class StudioDiffTest {

  @Test
  void aChangedLabelTimerAndFormAreListedAsPropertiesOfTheirElements() throws IOException {
    String before = shipped("bpmn/ticket/ticket.bpmn");
    String after =
        before
            .replace("name=\"Handle request (level 1)\"", "name=\"Handle the request (level 1)\"")
            .replace(
                "<camunda:failedJobRetryTimeCycle>R5/PT5M",
                "<camunda:failedJobRetryTimeCycle>R3/PT10M")
            .replace("<dc:Bounds x=\"830\" y=\"200\"", "<dc:Bounds x=\"840\" y=\"210\"");

    List<ModelChange> changes = StudioDiff.changes(DraftKind.BPMN, before, after);

    assertThat(changes)
        .extracting(ModelChange::elementId)
        .contains("userTask_handleLevel1", "boundaryEvent_takeInChargeOverdue");
    ModelChange task =
        changes.stream()
            .filter(c -> c.elementId().equals("userTask_handleLevel1"))
            .findFirst()
            .orElseThrow();
    assertThat(task.change()).isEqualTo(ModelChange.CHANGED);
    assertThat(task.type()).isEqualTo("userTask");
    assertThat(task.scope()).isEqualTo("ticket");
    assertThat(task.properties())
        .containsExactly(
            new PropertyChange("name", "Handle request (level 1)", "Handle the request (level 1)"));
    ModelChange timer =
        changes.stream()
            .filter(c -> c.elementId().equals("boundaryEvent_takeInChargeOverdue"))
            .findFirst()
            .orElseThrow();
    assertThat(timer.properties())
        .extracting(PropertyChange::property)
        .containsExactly("extensionElements/camunda:failedJobRetryTimeCycle");
    assertThat(StudioDiff.summary(DraftKind.BPMN, before, after))
        .contains("changed: userTask_handleLevel1 (name)");
  }

  @Test
  void movingAShapeIsNoChange() throws IOException {
    String before = shipped("bpmn/ticket/ticket.bpmn");
    String after =
        before.replace("<dc:Bounds x=\"830\" y=\"200\"", "<dc:Bounds x=\"900\" y=\"300\"");
    assertThat(StudioDiff.changes(DraftKind.BPMN, before, after)).isEmpty();
  }

  @Test
  void aDecisionTablesRuleChangeNamesTheColumnAndAnAddedRuleIsAdded() throws IOException {
    String before = shipped("dmn/ticket/ticket-classification.dmn");
    String after =
        before
            .replace(
                "<outputEntry id=\"outputEntry_pec_queue\"><text>\"general\"</text>",
                "<outputEntry id=\"outputEntry_pec_queue\"><text>\"legal\"</text>")
            .replace(
                "<rule id=\"rule_default\">",
                """
                <rule id="rule_sociale"><description>Social services</description>
                  <inputEntry id="i1"><text></text></inputEntry>
                  <inputEntry id="i2"><text>"sociale"</text></inputEntry>
                  <inputEntry id="i3"><text></text></inputEntry>
                  <inputEntry id="i4"><text></text></inputEntry>
                  <outputEntry id="o1"><text>"general"</text></outputEntry>
                  <outputEntry id="o2"><text>3</text></outputEntry>
                  <outputEntry id="o3"><text>"STANDARD"</text></outputEntry>
                </rule>
                <rule id="rule_default">""");

    List<ModelChange> changes = StudioDiff.changes(DraftKind.DMN, before, after);

    assertThat(changes)
        .extracting(ModelChange::elementId)
        .containsExactly("rule_pec", "rule_sociale");
    assertThat(changes.get(0).scope()).isEqualTo("ticket-classification");
    assertThat(changes.get(0).name()).startsWith("Certified e-mail");
    assertThat(changes.get(0).properties())
        .containsExactly(new PropertyChange("output 'Queue'", "\"general\"", "\"legal\""));
    assertThat(changes.get(1).change()).isEqualTo(ModelChange.ADDED);
    assertThat(changes.get(1).properties())
        .contains(new PropertyChange("input 'Topic'", null, "\"sociale\""));
  }

  private static String shipped(String path) throws IOException {
    try (InputStream in = StudioDiffTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
