package it.sportello.platform.process;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What external systems may do on the engine's own REST API ({@code /engine-rest}).
 *
 * @param apiClientProcesses the keys of the processes the {@code api-client} role may start there,
 *     at their start events only; everything else an external system does goes through {@code /api}
 */
@Validated
@ConfigurationProperties("sportello.engine")
record EngineAccessProperties(List<String> apiClientProcesses) {

  EngineAccessProperties {
    apiClientProcesses = apiClientProcesses == null ? List.of() : List.copyOf(apiClientProcesses);
  }
}
