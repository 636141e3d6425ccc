package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

  static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

  static QueueItem item(String id, int dueInHours, String language, String topic) {
    return new QueueItem(
        id, "K-" + id, "general", T0.plusSeconds(dueInHours * 3600L), T0, language, topic);
  }

  static Candidate operator(String id, int idleMinutes, Integer lastOfferMinutesAgo) {
    return new Candidate(
        id,
        T0.minusSeconds(idleMinutes * 60L),
        lastOfferMinutesAgo == null ? null : T0.minusSeconds(lastOfferMinutesAgo * 60L),
        Map.of("it", 5),
        Map.of());
  }

  @Test
  void fifoServesTheOldestDeadlineFirstWithoutDeadlinesLast() {
    QueueItem noDeadline = new QueueItem("n", null, "general", null, T0, null, null);
    List<QueueItem> ordered =
        Router.order(
            RoutingPolicy.FIFO,
            List.of(item("c", 30, "it", null), noDeadline, item("a", 2, "it", null)),
            Optional.empty());
    assertThat(ordered).extracting(QueueItem::taskId).containsExactly("a", "c", "n");
  }

  @Test
  void fifoOffersInTurnToWhoeverWasOfferedLongestAgoNeverOfferedFirst() {
    QueueItem next = item("a", 1, "it", null);
    List<Candidate> operators =
        List.of(operator("anna", 1, 5), operator("bruno", 50, null), operator("carla", 90, 60));
    assertThat(Router.choose(RoutingPolicy.FIFO, next, operators))
        .map(Candidate::operator)
        .contains("bruno");
    assertThat(
            Router.choose(
                RoutingPolicy.FIFO,
                next,
                List.of(operator("anna", 1, 5), operator("carla", 0, 60))))
        .map(Candidate::operator)
        .contains("carla");
  }

  @Test
  void longestIdleGivesTheItemToTheOperatorIdleLongest() {
    List<Candidate> operators =
        List.of(operator("anna", 5, null), operator("bruno", 42, 1), operator("carla", 10, 100));
    assertThat(Router.choose(RoutingPolicy.LONGEST_IDLE, item("a", 1, "it", null), operators))
        .map(Candidate::operator)
        .contains("bruno");
  }

  @Test
  void skillsPrefersTheLanguageThenTheTopicThenTheLongestIdle() {
    Candidate german = new Candidate("dora", T0, null, Map.of("it", 3, "de", 4), Map.of("tari", 1));
    Candidate germanExpertOfTari =
        new Candidate("ezio", T0, null, Map.of("it", 3, "de", 4), Map.of("tari", 5));
    Candidate italianOnly =
        new Candidate("fabio", T0.minusSeconds(9000), null, Map.of("it", 5), Map.of("tari", 5));
    QueueItem germanTari = item("g", 1, "de", "tari");

    assertThat(
            Router.choose(
                RoutingPolicy.SKILLS, germanTari, List.of(italianOnly, german, germanExpertOfTari)))
        .map(Candidate::operator)
        .contains("ezio");
    assertThat(Router.choose(RoutingPolicy.SKILLS, germanTari, List.of(italianOnly))).isEmpty();
    // equal skills: the one idle longest
    Candidate twin =
        new Candidate("zeno", T0.minusSeconds(60), null, Map.of("de", 4), Map.of("tari", 5));
    assertThat(Router.choose(RoutingPolicy.SKILLS, germanTari, List.of(germanExpertOfTari, twin)))
        .map(Candidate::operator)
        .contains("zeno");
  }

  @Test
  void skillsOrdersAnOperatorsListByFitThenDeadline() {
    Candidate me = new Candidate("dora", T0, null, Map.of("it", 3, "de", 5), Map.of("tari", 5));
    List<QueueItem> ordered =
        Router.order(
            RoutingPolicy.SKILLS,
            List.of(
                item("it-late", 10, "it", null),
                item("fr", 1, "fr", null),
                item("de-tari", 20, "de", "tari"),
                item("it-soon", 2, "it", null)),
            Optional.of(me));
    assertThat(ordered)
        .extracting(QueueItem::taskId)
        .containsExactly("de-tari", "it-soon", "it-late", "fr");
    // FIFO ignores the operator's fit
    assertThat(Router.order(RoutingPolicy.FIFO, ordered, Optional.of(me)))
        .extracting(QueueItem::taskId)
        .containsExactly("fr", "it-soon", "it-late", "de-tari");
  }
}
