package it.sportello.search;

/** The search engine cannot be reached or refused the request: answered with 503. */
public class SearchUnavailableException extends RuntimeException {

  public SearchUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
