package it.sportello.platform.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL that the application starts itself when no external database is configured.
 *
 * @param enabled start it at all (only when {@code spring.datasource.url} is not set); off in the
 *     {@code prod} profile, which needs an external PostgreSQL
 * @param port fixed local port; 0 picks a free one (tests)
 * @param dataDirectory where the cluster lives; kept across restarts
 */
@Validated
@ConfigurationProperties("sportello.embedded-postgres")
public record EmbeddedPostgresProperties(
    @DefaultValue("false") boolean enabled,
    @Min(0) @Max(65535) @DefaultValue("15432") int port,
    @NotBlank @DefaultValue("./data/postgres") String dataDirectory) {}
