/**
 * The web kit every module uses: pages, downloads, CSV cells (a named interface of {@code shared}).
 */
@org.springframework.modulith.NamedInterface("web")
package it.sportello.shared.web;
