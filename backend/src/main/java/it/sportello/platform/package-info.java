/**
 * Technical platform shared by every module: the embedded PostgreSQL of the default profile,
 * security (users, roles, Camunda identity bridge), RFC 9457 problem details, the clock. No
 * business rules here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package it.sportello.platform;
