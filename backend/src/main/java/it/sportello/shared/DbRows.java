package it.sportello.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reading a row of our tables in plain SQL. */
public final class DbRows {

  private DbRows() {}

  /** The column's timestamp as an instant; null when the column is null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
