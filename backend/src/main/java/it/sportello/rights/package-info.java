/**
 * Users and rights (issue 25 item 5): local users and their groups managed by administrators in the
 * application (create, disable, reset the password, grant or revoke a role or group), each change
 * with who, when and why in the register ({@code user_right_change}) and in the audit trail; the
 * password policy for passwords set here; the last login of every user (OIDC users' roles as of
 * it); the periodic access review. The users live in the process engine's identity service, reached
 * only through the {@link it.sportello.rights.UserDirectory} port (adapter in {@code process}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"audit", "platform :: security", "shared", "shared :: web", "sla"})
package it.sportello.rights;
