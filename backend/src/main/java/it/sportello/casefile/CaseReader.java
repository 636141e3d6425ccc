package it.sportello.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads the registers of letters and complaints, their case files and documents, and how far.
 * The secretariat, the manager and the supervisors read the whole registers; everyone else reads
 * the cases that involve one of their groups (an office's letters, for its staff and its head) and
 * the cases they acted on themselves (registered, reported, drafted, approved: any step of the
 * timeline under their name). Both registers apply the same scope, written once here.
 *
 * @param userId the reader
 * @param wholeRegister reads every case
 * @param groups the reader's groups (offices such as {@code office-tributi}, queues, roles)
 */
public record CaseReader(String userId, boolean wholeRegister, Set<String> groups) {

  /** Where a case's own condition puts the reader's groups, e.g. {@code l.office in :groups}. */
  public static final String GROUPS = ":groups";

  public CaseReader {
    groups = Set.copyOf(groups);
  }

  /** A reader of every case. */
  public static CaseReader wholeRegister(String userId) {
    return new CaseReader(userId, true, Set.of());
  }

  /** A reader of the cases involving {@code groups} or acted on by {@code userId}. */
  public static CaseReader scoped(String userId, Collection<String> groups) {
    return new CaseReader(userId, false, Set.copyOf(groups));
  }

  /**
   * The SQL condition, to append to a {@code where}, that keeps the cases this reader may read;
   * empty for a reader of the whole register. Its arguments are added to {@code args} in order.
   *
   * @param kind the register
   * @param numberColumn the column of the case's number, e.g. {@code l.protocol_number}
   * @param involvesGroups SQL true when the case involves the groups in {@link #GROUPS}, e.g.
   *     {@code l.office in :groups}
   */
  public String sqlScope(
      SubjectKind kind, String numberColumn, String involvesGroups, List<Object> args) {
    if (wholeRegister) {
      return "";
    }
    String in;
    if (groups.isEmpty()) {
      in = "(null)";
    } else {
      List<String> sorted = groups.stream().sorted().toList();
      args.addAll(sorted);
      in = sorted.stream().map(group -> "?").collect(Collectors.joining(", ", "(", ")"));
    }
    args.add(kind.name());
    args.add(userId);
    return " and ("
        + involvesGroups.replace(GROUPS, in)
        + " or exists (select 1 from sportello.case_event acted where acted.subject_kind = ?"
        + " and acted.subject_number = "
        + numberColumn
        + " and acted.actor = ?))";
  }
}
