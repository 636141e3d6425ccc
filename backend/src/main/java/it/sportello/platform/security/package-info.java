/**
 * Roles and group authorities, used by every module's web layer (a named interface of the
 * platform).
 */
@org.springframework.modulith.NamedInterface("security")
package it.sportello.platform.security;
