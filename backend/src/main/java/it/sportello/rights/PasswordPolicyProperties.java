package it.sportello.rights;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.users.password.*}: the policy for passwords set through the application.
 *
 * @param minLength the shortest password accepted (at least 12)
 * @param history how many of the user's previous passwords may not be used again
 * @param commonPasswords a resource listing refused passwords, one a line
 */
@Validated
@ConfigurationProperties("sportello.users.password")
public record PasswordPolicyProperties(
    @DefaultValue("12") @Min(12) @Max(128) int minLength,
    @DefaultValue("5") @Min(0) @Max(50) int history,
    @DefaultValue("classpath:rights/common-passwords.txt") String commonPasswords) {}
