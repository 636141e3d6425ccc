package it.sportello.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KbUsageReportTest {

  @Test
  void helpfulShareHasOneDecimalAndNoneWithoutOpinions() {
    assertThat(KbUsageReport.percent(1, 3)).isEqualTo(33.3);
    assertThat(KbUsageReport.percent(2, 3)).isEqualTo(66.7);
    assertThat(KbUsageReport.percent(0, 4)).isEqualTo(0.0);
    assertThat(KbUsageReport.percent(0, 0)).isNull();
  }
}
