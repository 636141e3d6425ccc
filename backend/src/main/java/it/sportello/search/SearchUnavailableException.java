package it.sportello.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The search engine cannot be reached or refused the request: answered with 503. */
public class SearchUnavailableException extends RuntimeException {

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The 503 problem every search endpoint answers with. */
  public static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Search is temporarily unavailable; try again in a few minutes.");
    problem.setTitle("Search unavailable");
    return problem;
  }
}
