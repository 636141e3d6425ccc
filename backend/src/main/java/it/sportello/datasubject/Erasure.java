package it.sportello.datasubject;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The erasure (GDPR art. 17): what the law lets us erase is anonymised or deleted in every table
 * that holds it; what it requires us to keep is kept, each item with its reason (art. 17(3)(b) and
 * (e): legal obligations and claims). Kept: open tickets (their handling goes on), tickets and
 * contacts that are part of a complaint's proceeding or of the protocol register, and the audit
 * trail (append-only accountability, art. 5(2)). Everything else about the person is erased.
 */
@Component
class Erasure {

  /**
   * Mail of the protocol register and of complaint proceedings (alias {@code o}): kept with those
   * records, as their proof of sending and delivery.
   */
  static final String PROCEEDING_MAIL =
      "coalesce(o.template, '') in ('LETTER', 'COMPLAINT_NOTICE', 'COMPLAINT_DECISION',"
          + " 'COMPLAINT_REPORTER')";

  /** What replaces an erased text in a column that may not be empty. */
  static final String ERASED = "[erased]";

  record Erased(String kind, int count) {}

  record Kept(String kind, String ref, String reason) {}

  /** Where the person's identifiers still occur after the erasure (kept items, free text). */
  record Residual(String table, String column, long rows) {}

  record Outcome(List<Erased> erased, List<Kept> kept, List<Residual> residual) {}

  static final String REASON_OPEN_TICKET =
      "open ticket: its handling is still under way (art. 17(3)(b)); erased when asked again after"
          + " it is closed";
  static final String REASON_PROCEEDING =
      "part of a complaint's administrative proceeding: its records must be kept (art. 17(3)(b),"
          + " (e); L. 241/1990)";
  static final String REASON_PROTOCOL =
      "protocol register: registered correspondence may not be altered (DPR 445/2000, art. 17(3)(b))";
  static final String REASON_CONTACT =
      "the contact of kept items: needed to handle them (art. 17(3)(b))";
  static final String REASON_AUDIT =
      "audit trail: append-only record of who read or changed the data, kept for accountability"
          + " (art. 5(2), 32) and removed by its retention";

  private final NamedParameterJdbcTemplate jdbc;
  private final EngineVariables engine;

  Erasure(NamedParameterJdbcTemplate jdbc, EngineVariables engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  /** Erases what may be erased about the person; runs in the caller's transaction. */
  Outcome erase(Person person) {
    Scope scope = Scope.of(person, jdbc);
    MapSqlParameterSource p = scope.params();
    List<Kept> kept = new ArrayList<>();
    Map<String, Integer> erased = new LinkedHashMap<>();

    // what the law makes us keep
    List<Map<String, Object>> keptTickets =
        jdbc.queryForList(
            "select t.id, t.number, t.status,"
                + " exists (select 1 from sportello.complaint c where c.ticket_number = t.number)"
                + " or exists (select 1 from sportello.letter l where l.ticket_number = t.number)"
                + " as proceeding"
                + " from sportello.ticket t where t.id in (:tickets)"
                + " and (t.status <> 'CLOSED'"
                + " or exists (select 1 from sportello.complaint c where c.ticket_number = t.number)"
                + " or exists (select 1 from sportello.letter l where l.ticket_number = t.number))"
                + " order by t.id",
            p);
    List<Long> keptTicketIds = new ArrayList<>();
    List<String> keptNumbers = new ArrayList<>();
    for (Map<String, Object> ticket : keptTickets) {
      keptTicketIds.add(((Number) ticket.get("id")).longValue());
      keptNumbers.add((String) ticket.get("number"));
      kept.add(
          new Kept(
              "ticket",
              (String) ticket.get("number"),
              Boolean.TRUE.equals(ticket.get("proceeding"))
                  ? REASON_PROCEEDING
                  : REASON_OPEN_TICKET));
    }
    jdbc.queryForList(
            "select case_number from sportello.complaint where reporter_id in (:contacts)"
                + " or supplier_id in (:contacts) order by id",
            p,
            String.class)
        .forEach(number -> kept.add(new Kept("complaint", number, REASON_PROCEEDING)));
    jdbc.queryForList(
            "select protocol_number from sportello.letter where correspondent_id in (:contacts)"
                + " order by id",
            p,
            String.class)
        .forEach(number -> kept.add(new Kept("letter", number, REASON_PROTOCOL)));
    p.addValue("keptTickets", Scope.ids(keptTicketIds))
        .addValue("keptNumbers", Scope.texts(keptNumbers));
    List<Long> keptContacts =
        jdbc.queryForList(
            "select id from sportello.contact where id in (:contacts) and ("
                + " id in (select requester_id from sportello.ticket where id in (:keptTickets))"
                + " or id in (select correspondent_id from sportello.letter)"
                + " or id in (select reporter_id from sportello.complaint where reporter_id is not null)"
                + " or id in (select supplier_id from sportello.complaint)) order by id",
            p,
            Long.class);
    keptContacts.forEach(id -> kept.add(new Kept("contact", "contact:" + id, REASON_CONTACT)));
    p.addValue("keptContacts", Scope.ids(keptContacts));
    Integer auditRows =
        jdbc.queryForObject(
            "select count(*) from sportello.audit_event where subject in (:subjects)",
            p,
            Integer.class);
    kept.add(new Kept("audit", auditRows + " rows", REASON_AUDIT));

    // the person's tickets that may be erased
    String erasable = "id in (:tickets) and id not in (:keptTickets)";
    List<String> erasedNumbers =
        jdbc.queryForList("select number from sportello.ticket where " + erasable, p, String.class);
    p.addValue("erasedNumbers", Scope.texts(erasedNumbers));
    List<String> erasedBusinessKeys = erasedNumbers;

    // documents of the erased tickets, their steps and the person's interactions, unless a kept
    // item (another ticket, a case file) holds them too
    String interactions =
        "(select id from sportello.interaction where (ticket_id in (:tickets) and ticket_id not in"
            + " (:keptTickets)) or (contact_id in (:contacts) and ticket_id is null))";
    String ownedDocuments =
        "(select document_id from sportello.document_link where"
            + " (owner_kind = 'TICKET' and owner_id in (:tickets) and owner_id not in (:keptTickets))"
            + " or (owner_kind = 'INTERACTION' and owner_id in "
            + interactions
            + ") or (owner_kind = 'TICKET_EVENT' and owner_id in (select id from"
            + " sportello.ticket_event where ticket_id in (:tickets) and ticket_id not in"
            + " (:keptTickets))))";
    String sharedDocuments =
        "(select document_id from sportello.case_document union select document_id from"
            + " sportello.document_link where not ("
            + "(owner_kind = 'TICKET' and owner_id in (:tickets) and owner_id not in (:keptTickets))"
            + " or (owner_kind = 'INTERACTION' and owner_id in "
            + interactions
            + ") or (owner_kind = 'TICKET_EVENT' and owner_id in (select id from"
            + " sportello.ticket_event where ticket_id in (:tickets) and ticket_id not in"
            + " (:keptTickets)))))";
    List<Long> documents =
        jdbc.queryForList(
            "select id from sportello.document where id in "
                + ownedDocuments
                + " and id not in "
                + sharedDocuments,
            p,
            Long.class);
    p.addValue("documents", Scope.ids(documents));
    count(
        erased,
        "document contents (original files)",
        update("delete from sportello.document_content where document_id in (:documents)", p));
    count(
        erased,
        "documents (extracted text, metadata, signer)",
        update(
            "update sportello.document set extracted_text = null, extraction_message = null,"
                + " metadata = '{}'::jsonb, signer = null where id in (:documents)",
            p));
    update(
        "update sportello.document_link set file_name = null where document_id in (:documents)", p);

    count(
        erased,
        "interactions (summaries)",
        update(
            "update sportello.interaction set summary = '"
                + ERASED
                + "' where id in "
                + interactions,
            p));
    count(
        erased,
        "ticket steps (details)",
        update(
            "update sportello.ticket_event set detail = null where ticket_id in (:tickets)"
                + " and ticket_id not in (:keptTickets)",
            p));
    count(
        erased,
        "web form requests (tracking tokens)",
        update(
            "delete from sportello.web_request where ticket_id in (:tickets)"
                + " and ticket_id not in (:keptTickets)",
            p));

    // the mail of the protocol register and of complaint proceedings (letters, formal notices,
    // decisions, their PEC receipts) is part of those records: kept with them
    String inbound =
        "(ticket_number in (:erasedNumbers) or (lower(sender) in (:emails)"
            + " and (ticket_number is null or ticket_number not in (:keptNumbers))))"
            + " and id not in (select r.inbound_message_id from sportello.pec_receipt r"
            + " join sportello.outbound_mail o on o.id = r.outbound_mail_id where "
            + PROCEEDING_MAIL
            + ")";
    update(
        "update sportello.pec_receipt set delivered_to = null where inbound_message_id in"
            + " (select id from sportello.inbound_message where "
            + inbound
            + ") or (lower(delivered_to) in (:emails) and outbound_mail_id not in"
            + " (select o.id from sportello.outbound_mail o where "
            + PROCEEDING_MAIL
            + "))",
        p);
    count(
        erased,
        "mails received (sender, subject, raw mail)",
        update(
            "update sportello.inbound_message set sender = null, subject = null, raw = null,"
                + " reason = null where "
                + inbound,
            p));
    String outbound =
        "(ticket_number in (:erasedNumbers) or (lower(recipient) in (:emails)"
            + " and (ticket_number is null or ticket_number not in (:keptNumbers))))"
            + " and not ("
            + PROCEEDING_MAIL.replace("o.", "")
            + ")";
    count(
        erased,
        "attachments of mails sent",
        update(
            "delete from sportello.outbound_mail_attachment where outbound_mail_id in"
                + " (select id from sportello.outbound_mail where "
                + outbound
                + ")",
            p));
    count(
        erased,
        "mails sent (recipient, subject, body)",
        update(
            "update sportello.outbound_mail set recipient = '"
                + ERASED
                + "', subject = '"
                + ERASED
                + "', body = '"
                + ERASED
                + "', html_body = null, last_error = null where "
                + outbound,
            p));
    count(
        erased,
        "notifications (recipient, contents)",
        update(
            "update sportello.notification_outbox set recipient = '"
                + ERASED
                + "', payload = '{}'::jsonb, last_error = null where ticket_id in (:tickets)"
                + " and ticket_id not in (:keptTickets) or ((lower(recipient) in (:emails)"
                + " or recipient in (:phones)) and (ticket_id is null or ticket_id not in"
                + " (:keptTickets)))",
            p));
    update(
        "update sportello.app_notification set params = '{}'::jsonb"
            + " where ticket_number in (:erasedNumbers)",
        p);

    String calls =
        "(select id from sportello.phone_call where (ticket_number in (:erasedNumbers)"
            + " or ((contact_id in (:contacts) or caller_number in (:phones))"
            + " and (ticket_number is null or ticket_number not in (:keptNumbers)))))";
    count(
        erased,
        "call recordings (references to the recording)",
        update(
            "update sportello.phone_recording set recording_ref = '"
                + ERASED
                + "' where call_id in "
                + calls,
            p));
    count(
        erased,
        "calls (caller's number, contact)",
        update(
            "update sportello.phone_call set caller_number = null, contact_id = case when"
                + " contact_id in (:keptContacts) then contact_id end where id in "
                + calls,
            p));
    update(
        "update sportello.phone_callback_attempt set dialled = '"
            + ERASED
            + "', note = null where callback_id in (select id from sportello.phone_callback"
            + " where ticket_number in (:erasedNumbers))",
        p);
    count(
        erased,
        "call-backs (numbers called)",
        update(
            "update sportello.phone_callback set phone_number = '"
                + ERASED
                + "' where ticket_number in (:erasedNumbers)",
            p));

    count(
        erased,
        "tickets (subject, description, answer, context)",
        update(
            "update sportello.ticket set subject = '"
                + ERASED
                + "', description = '"
                + ERASED
                + "', answer = null, context = '{}'::jsonb, idempotency_key = null,"
                + " idempotency_fingerprint = null where "
                + erasable,
            p));
    count(
        erased,
        "contact changes (old and new values)",
        update(
            "delete from sportello.contact_change where contact_id in (:contacts)"
                + " and contact_id not in (:keptContacts)",
            p));
    // the citizen's reminders (their fiscal code and the address they chose): nothing more is sent
    count(
        erased,
        "reminder subscriptions (fiscal code, e-mail)",
        update(
            "delete from sportello.reminder_subscription where upper(fiscal_code) = upper(:fiscalCode)"
                + " or lower(email) in (:emails)",
            p.addValue("fiscalCode", person.fiscalCode())));
    // the person's chats: what they typed and the identity they gave (the conversation's times and
    // outcome stay for the chat figures)
    String chats =
        "(select id from sportello.chat_conversation where (contact_id in (:contacts)"
            + " and contact_id not in (:keptContacts)) or ticket_number in (:erasedNumbers)"
            + " or (ticket_number is null and (lower(requester_email) in (:emails)"
            + " or upper(requester_fiscal_code) = upper(:fiscalCode))))";
    count(
        erased,
        "chat messages (what the citizen and the operators wrote)",
        update(
            "update sportello.chat_message set body = '"
                + ERASED
                + "', articles = null where conversation_id in "
                + chats,
            p));
    count(
        erased,
        "guided chat paths' answers",
        update(
            "update sportello.chat_path set answers = '[]' where conversation_id in " + chats, p));
    count(
        erased,
        "chat participants (the citizen's name)",
        update(
            "update sportello.chat_participant set name = '"
                + ERASED
                + "' where kind = 'CITIZEN' and conversation_id in "
                + chats,
            p));
    count(
        erased,
        "chats (name, e-mail, fiscal code, page)",
        update(
            "update sportello.chat_conversation set requester_name = null, requester_email = null,"
                + " requester_fiscal_code = null, page = null where id in "
                + chats,
            p));
    // survey answers: free text may name the person; scores and choices (numbers) stay for the
    // satisfaction figures, no longer linked to the contact
    String invitations =
        "(select id from sportello.survey_invitation where (contact_id in (:contacts)"
            + " and contact_id not in (:keptContacts)) or ticket_number in (:erasedNumbers))";
    count(
        erased,
        "survey answers (free text)",
        update(
            "update sportello.survey_answer set value = '"
                + ERASED
                + "' where value !~ '^[0-9]+$' and invitation_id in "
                + invitations,
            p));
    count(
        erased,
        "survey invitations (contact, follow-up note)",
        update(
            "update sportello.survey_invitation set contact_id = null, follow_up_note = null"
                + " where id in "
                + invitations,
            p));
    // an opt-out stays (it must go on being honoured), by the address's hash only
    count(
        erased,
        "opt-outs (link to the contact; the address's hash stays to honour the opt-out)",
        update(
            "update sportello.do_not_contact set contact_id = null where contact_id in (:contacts)"
                + " and contact_id not in (:keptContacts)",
            p));
    count(
        erased,
        "contacts (name, fiscal code, e-mail, PEC, phone)",
        update(
            "update sportello.contact set name = null, fiscal_code = null, vat_number = null,"
                + " email = null, pec = null, phone = null, preferred_language = null,"
                + " preferred_channel = null, version = version + 1"
                + " where id in (:contacts) and id not in (:keptContacts)",
            p));
    count(
        erased,
        "engine variables mentioning the person",
        engine.eraseMentions(erasedBusinessKeys, person.identifiers()));
    // the engine's other text (business keys, tasks, comments, operation log, incidents, errors)
    engine
        .anonymiseMentions(keptNumbers, person.identifiers())
        .forEach((table, rows) -> count(erased, "process engine: " + table, rows));

    List<Erased> erasedList = new ArrayList<>();
    erased.forEach((kind, n) -> erasedList.add(new Erased(kind, n)));
    // the residual scan reads every text column: it runs after this transaction commits (see
    // DataSubjectRequests.erase), not inside it
    return new Outcome(erasedList, kept, List.of());
  }

  /** The requests about the person keep a hash of their fiscal code instead of it. */
  void pseudonymiseRequests(String fiscalCode) {
    jdbc.update(
        "delete from sportello.data_subject_export where request_id in"
            + " (select id from sportello.data_subject_request where subject = :code)",
        Map.of("code", fiscalCode));
    jdbc.update(
        "update sportello.data_subject_request set subject = :hash where subject = :code",
        Map.of("code", fiscalCode, "hash", hash(fiscalCode)));
  }

  static String hash(String fiscalCode) {
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(fiscalCode.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every text column of our tables and of the engine's (and bytea, read as bytes) still holding
   * one of the person's identifiers, with the number of rows: the kept items, and mentions in free
   * text elsewhere that the data protection officer reviews. One query per table (all its columns
   * in one pass), each in its own short read-only transaction: run after the erasure has committed.
   */
  List<Residual> residual(
      Person person, org.springframework.transaction.support.TransactionTemplate readOnly) {
    List<String> needles =
        person.identifiers().stream().filter(s -> s != null && s.length() >= 5).toList();
    List<Residual> found = new ArrayList<>();
    if (needles.isEmpty()) {
      return found;
    }
    for (TextColumns.Table table : TextColumns.tables(jdbc)) {
      if ("sportello".equals(table.schema()) && "data_subject_request".equals(table.name())) {
        continue;
      }
      Map<String, Long> rows = readOnly.execute(tx -> TextColumns.count(jdbc, table, needles));
      rows.forEach(
          (column, n) -> {
            if (n > 0) {
              found.add(new Residual(table.name(), column, n));
            }
          });
    }
    return found;
  }

  private int update(String sql, MapSqlParameterSource p) {
    return jdbc.update(sql, p);
  }

  private static void count(Map<String, Integer> erased, String kind, int rows) {
    erased.merge(kind, rows, Integer::sum);
  }
}
