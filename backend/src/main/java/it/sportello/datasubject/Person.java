package it.sportello.datasubject;

import java.util.List;

/**
 * A data subject as our tables know them: every contact that is them (the one with their fiscal
 * code and the duplicates merged into it), with the e-mail addresses and phone numbers those
 * contacts hold.
 */
public record Person(
    String fiscalCode,
    List<Long> contactIds,
    List<String> names,
    List<String> emails,
    List<String> phones) {

  /** Every identifier to look for in free text: fiscal code, e-mails, phones, names. */
  public List<String> identifiers() {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
    all.add(fiscalCode);
    all.addAll(emails);
    all.addAll(phones);
    all.addAll(names);
    return List.copyOf(all);
  }

  /** The audit trail's subjects of this person: the fiscal code and {@code contact:<id>}. */
  public List<String> auditSubjects() {
    java.util.List<String> subjects = new java.util.ArrayList<>();
    subjects.add(fiscalCode);
    contactIds.forEach(id -> subjects.add("contact:" + id));
    return subjects;
  }
}
