package it.sportello.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain's arithmetic: a row's canonical form (a JSON array of its fields in a fixed order, the
 * instant in ISO-8601 with at most microseconds, as PostgreSQL keeps it) and its hash, SHA-256 over
 * the previous row's hash, a line feed and the canonical form.
 */
final class AuditChain {

  /** The previous hash of the first row. */
  static final String GENESIS = "0".repeat(64);

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditChain() {}

  static String canonical(long seq, Instant at, AuditEntry entry) {
    try {
      List<Object> values = new ArrayList<>(List.of(seq, at.toString()));
      values.addAll(entry.columns());
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hash(String previousHash, String canonical) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) '\n');
      return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
