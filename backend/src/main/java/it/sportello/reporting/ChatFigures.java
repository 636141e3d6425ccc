package it.sportello.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The web chat's figures for the activity report (issue 21 item 5), over the chats started in the
 * period (days in the service calendar's zone), per day and queue and in total.
 *
 * @param rows per day and queue (the queue of a chat the bot kept is {@code null})
 * @param total the same over the whole period
 * @param handOffReasons hand-offs by reason: {@code REQUESTED} (the citizen asked), {@code
 *     NOT_HELPED} (two unhelpful answers), and the guided paths' own reasons when they exist
 */
public record ChatFigures(List<Row> rows, Row total, Map<String, Long> handOffReasons) {

  /**
   * @param started chats started (the widget opened a conversation)
   * @param offered chats handed to the operators' queue
   * @param answered offered chats an operator took
   * @param abandonedQueued offered chats the citizen left before any operator took them
   * @param botOnly chats the bot closed alone (the citizen said its answer helped: a type B ticket)
   * @param containmentPercent {@code botOnly} out of the chats that ended with the bot or went to
   *     the queue ({@code botOnly + offered}), in percent; null without such chats
   * @param averageWaitSeconds from the hand-off to an operator's first taking, over the answered
   * @param p90WaitSeconds the 90th percentile of the same
   * @param transfers transfers to another operator or queue
   */
  public record Row(
      LocalDate date,
      String queue,
      long started,
      long offered,
      long answered,
      long abandonedQueued,
      long botOnly,
      Double containmentPercent,
      Double averageWaitSeconds,
      Double p90WaitSeconds,
      long transfers) {}
}
