package it.sportello.search;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The search engine cannot be reached or refused the request, or the index is still being checked
 * or rebuilt after a start ({@link #starting()}): answered with 503 and {@code Retry-After}, never
 * with a result that could be empty only because the index is not complete yet.
 */
public class SearchUnavailableException extends RuntimeException {

  /** Seconds a client waits before asking again while the index is being built. */
  static final int STARTING_RETRY_AFTER = 5;

  /** Seconds a client waits before asking again while the engine does not answer. */
  static final int UNAVAILABLE_RETRY_AFTER = 30;

  private final boolean starting;

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
    this.starting = false;
  }

  private SearchUnavailableException(String message) {
    super(message);
    this.starting = true;
  }

  /** The index is being checked or (re)built after the start: search is not complete yet. */
  public static SearchUnavailableException starting() {
    return new SearchUnavailableException("The search index is being built");
  }

  public boolean isStarting() {
    return starting;
  }

  /** The 503 problem every search endpoint answers with (no particular cause). */
  public static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Search is temporarily unavailable; try again in a few minutes.");
    problem.setTitle("Search unavailable");
    return problem;
  }

  /**
   * The 503 problem for this exception, with {@code Retry-After} on the response: "starting" while
   * the index is being built (a few seconds), else "unavailable".
   */
  public ProblemDetail problem(HttpServletResponse response) {
    if (!starting) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(UNAVAILABLE_RETRY_AFTER));
      return problem();
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(STARTING_RETRY_AFTER));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Search is starting: the index is being checked or rebuilt; try again in a few seconds.");
    problem.setTitle("Search starting");
    problem.setProperty("state", "starting");
    return problem;
  }
}
