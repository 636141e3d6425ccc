package it.sportello.platform.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param groupsClaim the JWT claim listing the caller's groups (roles, queues, offices) with OIDC
 */
@Validated
@ConfigurationProperties("sportello.security")
public record SecurityProperties(@NotBlank String groupsClaim) {}
