package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecordingSamplerTest {

  private static final List<Long> RECORDINGS = LongStream.rangeClosed(1, 500).boxed().toList();

  @Test
  void theSameSeedDrawsTheSameSampleWhateverTheListOrder() {
    List<Long> shuffled = new ArrayList<>(RECORDINGS);
    Collections.shuffle(shuffled, new java.util.Random(7));
    List<Long> first = RecordingSampler.draw(RECORDINGS, 42L, 20);
    assertThat(first).hasSize(20).doesNotHaveDuplicates();
    assertThat(RecordingSampler.draw(shuffled, 42L, 20)).isEqualTo(first);
    assertThat(RecordingSampler.opaqueId(42L, first.get(0)))
        .isEqualTo(RecordingSampler.opaqueId(42L, first.get(0)));
  }

  @Test
  void anotherSeedDrawsAnotherSampleAndIdsDoNotShowTheRecording() {
    List<Long> first = RecordingSampler.draw(RECORDINGS, 42L, 20);
    List<Long> other = RecordingSampler.draw(RECORDINGS, 43L, 20);
    assertThat(other).isNotEqualTo(first);
    assertThat(RecordingSampler.opaqueId(43L, 1L)).isNotEqualTo(RecordingSampler.opaqueId(42L, 1L));
  }

  @Test
  void aSmallerSampleIsTheStartOfALargerOneAndNeverMoreThanThePopulation() {
    assertThat(RecordingSampler.draw(RECORDINGS, 9L, 50))
        .startsWith(RecordingSampler.draw(RECORDINGS, 9L, 10).toArray(Long[]::new));
    assertThat(RecordingSampler.draw(List.of(3L, 4L), 9L, 10)).containsExactlyInAnyOrder(3L, 4L);
  }

  @Test
  void theDrawIsRoughlyUniform() {
    // over many seeds, each of ten recordings is drawn in a sample of one about a tenth of the time
    int[] drawn = new int[10];
    List<Long> ten = LongStream.range(0, 10).boxed().toList();
    for (long seed = 0; seed < 5000; seed++) {
      drawn[RecordingSampler.draw(ten, seed, 1).get(0).intValue()]++;
    }
    for (int count : drawn) {
      assertThat(count).isBetween(400, 600);
    }
  }
}
