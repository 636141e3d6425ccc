package it.sportello.distribution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Draws a reproducible random sample: each recording gets the rank SHA-256(seed, id) and the sample
 * is the {@code size} lowest ranks. The same seed over the same recordings always draws the same
 * sample in the same order, whatever order the recordings are listed in; a recording added later
 * enters a sample only by displacing one with a higher rank. The opaque id of an item is a
 * name-based UUID of the seed and the recording, so that a sample drawn again shows the same ids.
 */
public final class RecordingSampler {

  private RecordingSampler() {}

  /** The drawn recording ids, in draw order. */
  public static List<Long> draw(List<Long> recordingIds, long seed, int size) {
    return recordingIds.stream()
        .distinct()
        .sorted(Comparator.comparingLong((Long id) -> rank(seed, id)).thenComparing(id -> id))
        .limit(Math.max(0, size))
        .toList();
  }

  /** The id an item is shown by: nothing in it points back to the call. */
  public static UUID opaqueId(long seed, long recordingId) {
    return UUID.nameUUIDFromBytes(
        ("sportello-recording-sample:" + seed + ":" + recordingId)
            .getBytes(StandardCharsets.UTF_8));
  }

  static long rank(long seed, long recordingId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(recordingId).array());
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
