package it.sportello.platform.web;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure caused by the database being out of reach (stopped, restarting, network
 * gone, pool exhausted while it is down), whichever layer wrapped it: Spring's transaction and JDBC
 * exceptions, Hibernate's, Camunda's {@code ProcessEngineException} around MyBatis around the
 * driver's. Such requests answer 503 with {@code Retry-After}: the client may retry; nothing is
 * half-written (a transaction either committed whole or not at all, and a retry with the same
 * Idempotency-Key finds a ticket that did commit).
 */
final class DatabaseUnavailable {

  /** Seconds a client should wait before retrying. */
  static final String RETRY_AFTER_SECONDS = "5";

  /**
   * Hikari's answer on a connection the server dropped mid-transaction (no SQLSTATE); it surfaces
   * as "Unable to rollback against JDBC Connection", masking the original failure.
   */
  private static final String CLOSED = "Connection is closed";

  private DatabaseUnavailable() {}

  /**
   * Hikari's wait for a connection timed out while the database answers: every connection is in use
   * (the pool is busy, not the database gone). Hikari gives its timeout the last failure to connect
   * as cause and SQLSTATE; a pool that connects fine has none.
   */
  private static final String POOL_TIMEOUT = "Connection is not available, request timed out";

  /**
   * The problem type of a busy service, the same whether the request was refused at the door
   * ({@link OverloadFilter}) or waited too long for a connection: retry after {@code Retry-After}.
   */
  static final URI BUSY_TYPE = URI.create("urn:sportello:problem:service-busy");

  /** Seconds a client should wait before retrying when the pool was busy. */
  static final String BUSY_RETRY_AFTER_SECONDS = "1";

  /**
   * The failure is a wait for a pool connection that timed out while the database is reachable:
   * overload, answered 503 "busy", never "database unavailable".
   */
  static boolean poolExhausted(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure;
        cause != null && depth < 20;
        cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
      if (cause instanceof SQLTransientConnectionException timeout
          && timeout.getCause() == null
          && timeout.getSQLState() == null
          && timeout.getMessage() != null
          && timeout.getMessage().contains(POOL_TIMEOUT)) {
        return true;
      }
    }
    return false;
  }

  static boolean causedBy(Throwable failure) {
    if (poolExhausted(failure)) {
      return false;
    }
    int depth = 0;
    for (Throwable cause = failure;
        cause != null && depth < 20;
        cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
      if (cause instanceof CannotGetJdbcConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof ConnectException
          || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
        return true;
      }
      if (cause instanceof SQLException sql
          && (connectionState(sql.getSQLState()) || CLOSED.equals(sql.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01–57P03 (server shutting down,
   * crashed, not yet accepting connections).
   */
  private static boolean connectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The database is not reachable at the moment. Retry in a few seconds; a request"
                + " with an Idempotency-Key is safe to repeat with the same key.");
    problem.setTitle("Service temporarily unavailable");
    return problem;
  }

  /** Every database connection was in use for longer than the pool's wait: the service is busy. */
  static ProblemDetail busy() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The service is busy at the moment. Retry in a second; a request with an"
                + " Idempotency-Key is safe to repeat with the same key.");
    problem.setTitle("Service busy");
    problem.setType(BUSY_TYPE);
    return problem;
  }

  static HttpHeaders busyHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
    return headers;
  }

  static HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return headers;
  }
}
