/**
 * Case-file downloads and readers, shared by the procedures' web layers (a named interface of
 * {@code casefile}).
 */
@org.springframework.modulith.NamedInterface("web")
package it.sportello.casefile.web;
