package it.sportello.kb;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Who may read a published article. */
public enum Audience {
  /** Everyone, citizens in self-service included. */
  PUBLIC,
  /** Level-1 operators (and everyone below). */
  FRONT_OFFICE,
  /** Level-2 and level-3 operators. */
  BACK_OFFICE,
  /** Only members of the article's roles (groups). */
  ROLES;

  /** The audiences a reader with these groups may see (ROLES articles are matched by group). */
  public static Set<Audience> visibleTo(Collection<String> groups) {
    Set<Audience> audiences = EnumSet.of(PUBLIC);
    if (groups.contains("level1")
        || groups.contains("level2")
        || groups.contains("level3")
        || groups.contains("supervisor")
        || groups.contains("kb-editor")
        || groups.contains("kb-reviewer")) {
      audiences.add(FRONT_OFFICE);
    }
    if (groups.contains("level2")
        || groups.contains("level3")
        || groups.contains("supervisor")
        || groups.contains("kb-editor")
        || groups.contains("kb-reviewer")) {
      audiences.add(BACK_OFFICE);
    }
    return audiences;
  }
}
