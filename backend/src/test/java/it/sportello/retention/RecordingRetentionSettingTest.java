package it.sportello.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Recordings are kept {@code sportello.retention.periods.recordings} (180 days); the phone
 * channel's old setting {@code sportello.phone.recordings.retention} (or its environment variable)
 * is still honoured when set, as the shipped configuration reads it.
 */
class RecordingRetentionSettingTest {

  private static RetentionProperties bind(Map<String, Object> extra) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    environment
        .getPropertySources()
        .addFirst(
            extra.keySet().stream().anyMatch(k -> k.equals(k.toUpperCase()))
                ? new SystemEnvironmentPropertySource("environment", extra)
                : new MapPropertySource("operator", extra));
    return Binder.get(environment).bind("sportello.retention", RetentionProperties.class).get();
  }

  @Test
  void theRecordingsPeriodIsOneSettingAndTheOldNameIsStillRead() throws Exception {
    assertThat(bind(Map.of()).periods()).containsEntry("recordings", Duration.ofDays(180));
    assertThat(bind(Map.of("sportello.phone.recordings.retention", "90d")).periods())
        .as("the old setting")
        .containsEntry("recordings", Duration.ofDays(90));
    assertThat(bind(Map.of("SPORTELLO_PHONE_RECORDINGS_RETENTION", "60d")).periods())
        .as("the old setting's environment variable")
        .containsEntry("recordings", Duration.ofDays(60));
    assertThat(
            bind(Map.of(
                    "sportello.phone.recordings.retention", "90d",
                    "sportello.retention.periods.recordings", "30d"))
                .periods())
        .as("the new name wins")
        .containsEntry("recordings", Duration.ofDays(30));
  }
}
