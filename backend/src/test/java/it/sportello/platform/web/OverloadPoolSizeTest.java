package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up check of the request limit against the database pool (ADR 0028). */
class OverloadPoolSizeTest {

  private static OverloadProperties limit(int maxConcurrent) {
    return new OverloadProperties(
        true, maxConcurrent, 24, Duration.ofMillis(500), Duration.ofSeconds(1), List.of("/api/**"));
  }

  private static MockEnvironment environment(int pool, int jobThreads) {
    return new MockEnvironment()
        .withProperty("spring.datasource.hikari.maximum-pool-size", String.valueOf(pool))
        .withProperty("camunda.bpm.job-execution.max-pool-size", String.valueOf(jobThreads));
  }

  @Test
  void theShippedSettingsLeaveAConnectionForEveryRequestAndJobThread() {
    // application.yml: pool 20, 12 requests, 3 job threads
    assertThat(OverloadFilter.checkPoolSize(limit(12), environment(20, 3))).isTrue();
  }

  @Test
  void moreRequestsAndJobThreadsThanConnectionsAreReported() {
    assertThat(OverloadFilter.checkPoolSize(limit(12), environment(10, 3))).isFalse();
  }

  @Test
  void withoutTheJobExecutorOnlyTheRequestsCount() {
    MockEnvironment environment =
        environment(12, 10).withProperty("camunda.bpm.job-execution.enabled", "false");
    assertThat(OverloadFilter.checkPoolSize(limit(12), environment)).isTrue();
  }
}
