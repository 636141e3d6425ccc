package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a questionnaire's schemas and of the answers to them. */
class QuestionnaireSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schema(String scoreLabel, String... problems) throws Exception {
    StringBuilder values = new StringBuilder();
    for (String problem : problems) {
      values
          .append(values.isEmpty() ? "" : ",")
          .append("{\"label\":\"x\",\"value\":\"" + problem + "\"}");
    }
    return JSON.readTree(
        """
        {"components": [
          {"type": "text", "id": "Text_1", "text": "Intro"},
          {"type": "select", "key": "score", "label": "%s", "validate": {"required": true},
           "values": [{"label": "0", "value": "0"}, {"label": "10", "value": "10"}]},
          {"type": "group", "components": [
            {"type": "checklist", "key": "problems", "label": "Problems",
             "conditional": {"hide": "=score > 5"}, "values": [%s]}]},
          {"type": "textfield", "key": "comment", "label": "Comment"}]}"""
            .formatted(scoreLabel, values));
  }

  @Test
  void questionsComeFromTheItalianSchemaWithGroupsAndConditionsOtherLanguagesTranslateOnlyTexts()
      throws Exception {
    List<Question> questions =
        QuestionnaireSchemas.check(
            "csat", Map.of("it", schema("Voto", "time"), "de", schema("Note", "time")));

    assertThat(questions)
        .containsExactly(
            new Question("score", "select", List.of("0", "10"), true),
            new Question("problems", "checklist", List.of("time"), false),
            new Question("comment", "textfield", List.of(), false));
  }

  @Test
  void aLanguageWithOtherOptionValuesIsRefusedNamingIt() throws Exception {
    assertThatThrownBy(
            () ->
                QuestionnaireSchemas.check(
                    "csat", Map.of("it", schema("Voto", "time"), "fr", schema("Note", "delay"))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("schemas.fr"));
  }

  @Test
  void anUnsupportedFieldAndAMissingItalianSchemaAreRefused() throws Exception {
    JsonNode upload =
        JSON.readTree("{\"components\": [{\"type\": \"filepicker\", \"key\": \"file\"}]}");
    assertThatThrownBy(() -> QuestionnaireSchemas.check("x", Map.of("it", upload)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("filepicker");
    assertThatThrownBy(() -> QuestionnaireSchemas.check("x", Map.of("en", upload)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("schemas.it");
  }

  @Test
  void answersAreCheckedAgainstTheOptionsAndStoredOneRowPerChosenOption() throws Exception {
    List<Question> questions =
        QuestionnaireSchemas.check("csat", Map.of("it", schema("Voto", "time", "clarity")));

    Map<String, List<String>> rows =
        QuestionnaireSchemas.answers(
            questions,
            JSON.readTree(
                "{\"score\": \"0\", \"problems\": [\"time\", \"clarity\"], \"comment\": \" ok \"}"));
    assertThat(rows)
        .containsExactly(
            Map.entry("score", List.of("0")),
            Map.entry("problems", List.of("time", "clarity")),
            Map.entry("comment", List.of("ok")));
    assertThat(QuestionnaireSchemas.score(rows, "score")).isZero();

    assertThatThrownBy(
            () ->
                QuestionnaireSchemas.answers(
                    questions, JSON.readTree("{\"score\": \"7\", \"problems\": [\"other\"]}")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("answers.score", "answers.problems"));
    assertThatThrownBy(() -> QuestionnaireSchemas.answers(questions, JSON.readTree("{}")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("answers.score"));
  }
}
