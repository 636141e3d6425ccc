package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

  @Test
  void recognisesTheDatabaseOutOfReachThroughEveryWrapper() {
    // Hikari, its pool empty while PostgreSQL is down
    SQLTransientConnectionException poolTimeout =
        new SQLTransientConnectionException(
            "sportello - Connection is not available, request timed out after 2000ms.",
            "08001",
            new SQLException("Connection to localhost:5432 refused.", "08001"));
    assertThat(DatabaseUnavailable.causedBy(poolTimeout)).isTrue();
    // Spring's transaction manager and JdbcTemplate
    assertThat(
            DatabaseUnavailable.causedBy(
                new CannotCreateTransactionException("Could not open JPA EntityManager")))
        .isTrue();
    assertThat(
            DatabaseUnavailable.causedBy(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
        .isTrue();
    // Camunda: ProcessEngineException around MyBatis around the driver's, e.g. the server
    // terminating the session as it shuts down
    assertThat(
            DatabaseUnavailable.causedBy(
                new ProcessEngineException(
                    "ENGINE-03083 Exception while executing Batch Database Operations",
                    new PersistenceException(
                        new SQLException(
                            "FATAL: terminating connection due to administrator command",
                            "57P01")))))
        .isTrue();
    // the server dropped the connection mid-transaction: the rollback fails on a closed connection
    assertThat(
            DatabaseUnavailable.causedBy(
                new JpaSystemException(
                    new TransactionException(
                        "Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed")))))
        .isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNotAnOutage() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new DataIntegrityViolationException(
                    "duplicate key", new SQLException("duplicate key value", "23505"))))
        .isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void answers503WithRetryAfter() {
    assertThat(DatabaseUnavailable.problem().getStatus())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
    assertThat(DatabaseUnavailable.headers().getFirst("Retry-After")).isEqualTo("5");
  }

  @Test
  void aBusyPoolIsNotADatabaseOutage() {
    // Hikari's timeout while the database answers: no last connection failure, no SQLSTATE
    SQLTransientConnectionException busy =
        new SQLTransientConnectionException(
            "sportello - Connection is not available, request timed out after 30000ms (total=20,"
                + " active=20, idle=0, waiting=12)");
    CannotCreateTransactionException wrapped =
        new CannotCreateTransactionException("Could not open JDBC Connection", busy);
    assertThat(DatabaseUnavailable.poolExhausted(wrapped)).isTrue();
    assertThat(DatabaseUnavailable.causedBy(wrapped)).isFalse();
    assertThat(DatabaseUnavailable.busy().getTitle()).isEqualTo("Service busy");
    assertThat(DatabaseUnavailable.busy().getStatus())
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
    assertThat(DatabaseUnavailable.busyHeaders().getFirst("Retry-After")).isEqualTo("1");
    // the same timeout with the database refusing connections is an outage
    SQLTransientConnectionException down =
        new SQLTransientConnectionException(
            "sportello - Connection is not available, request timed out after 30000ms",
            "08001",
            new SQLException("Connection to localhost:5432 refused.", "08001"));
    assertThat(DatabaseUnavailable.poolExhausted(down)).isFalse();
    assertThat(DatabaseUnavailable.causedBy(down)).isTrue();
  }
}
