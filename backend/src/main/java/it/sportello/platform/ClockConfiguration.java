package it.sportello.platform;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock business code reads (millisecond precision, as stored), so that tests can move
 * time.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.tickMillis(ZoneOffset.UTC);
  }
}
