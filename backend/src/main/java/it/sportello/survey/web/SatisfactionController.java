package it.sportello.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.SlaService;
import it.sportello.survey.SatisfactionReport;
import it.sportello.survey.SatisfactionResults;
import it.sportello.survey.SatisfactionSettings;
import it.sportello.survey.SatisfactionSurveys;
import it.sportello.ticket.domain.Channel;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The satisfaction survey after a contact: its settings and its results. */
@Tag(name = "Surveys")
@RestController
@RequestMapping("/api/surveys/satisfaction")
class SatisfactionController {

  private static final Set<String> CHANNELS =
      Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toSet());

  private final SatisfactionSurveys surveys;
  private final SatisfactionResults results;
  private final SlaService sla;
  private final Clock clock;

  SatisfactionController(
      SatisfactionSurveys surveys, SatisfactionResults results, SlaService sla, Clock clock) {
    this.surveys = surveys;
    this.results = results;
    this.sla = sla;
    this.clock = clock;
  }

  @Operation(
      summary = "The settings: on/off, the CSAT questionnaire, channels, low-score threshold")
  @GetMapping("/settings")
  SatisfactionSettings settings() {
    return surveys.settings();
  }

  @Operation(summary = "Changes the settings")
  @PutMapping("/settings")
  SatisfactionSettings update(@RequestBody SatisfactionSettings settings, Principal principal) {
    return surveys.update(settings, CHANNELS, principal.getName());
  }

  @Operation(
      summary =
          "Results of the invitations made in a period (the tickets closed in it): invited,"
              + " answered, average score, low scores, per operator, queue and channel, with every"
              + " answer behind them")
  @GetMapping("/results")
  SatisfactionReport results(
      @Parameter(description = "First day, YYYY-MM-DD; default: the first of this month")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day (included), YYYY-MM-DD; default: today")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "Operator (user id)") @RequestParam(required = false)
          String operator,
      @Parameter(description = "Queue, e.g. general") @RequestParam(required = false) String queue,
      @Parameter(description = "Channel, e.g. EMAIL") @RequestParam(required = false)
          String channel) {
    ZoneId zone = sla.calendar().zone();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate first = day("from", from, today.withDayOfMonth(1));
    LocalDate last = day("to", to, today);
    if (last.isBefore(first)) {
      throw new InvalidRequestException("to", "must not be before from");
    }
    if (first.plusYears(1).isBefore(last)) {
      throw new InvalidRequestException("to", "the period is at most one year");
    }
    if (channel != null && !channel.isBlank() && !CHANNELS.contains(channel)) {
      throw new InvalidRequestException("channel", "must be one of " + CHANNELS);
    }
    return results.report(
        first,
        last,
        zone,
        new SatisfactionResults.Filter(
            blankToNull(operator), blankToNull(queue), blankToNull(channel)));
  }

  private static LocalDate day(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "must be a date YYYY-MM-DD");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
