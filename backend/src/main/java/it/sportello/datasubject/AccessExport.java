package it.sportello.datasubject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access export (GDPR art. 15): a zip with one JSON file per kind of data about the person
 * (contact, tickets with their steps, interactions, mails in and out, documents, calls and
 * recordings' metadata, requests from the web form and notifications, letters and complaints,
 * survey answers where a survey table exists, and the audit rows of who read their data) and the
 * original files (documents, raw mails as {@code .eml}, attachments of mails we sent).
 */
@Component
class AccessExport {

  /** A produced archive and what it holds (file → number of records or bytes). */
  record Archive(byte[] zip, Map<String, Integer> contents) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Rows rows;

  AccessExport(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.rows = new Rows(jdbc, json);
  }

  /** Produces the archive, reporting progress (0–100) as each kind of data is written. */
  Archive produce(long requestId, Person person, Instant now, IntConsumer progress) {
    Scope scope = Scope.of(person, jdbc);
    MapSqlParameterSource p = scope.params();
    Map<String, Integer> contents = new LinkedHashMap<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      Writer out = new Writer(zip, contents);

      out.json(
          "contact.json",
          Map.of(
              "contacts", rows.query("select * from sportello.contact where id in (:contacts)", p),
              "changes",
                  rows.query(
                      "select * from sportello.contact_change where contact_id in (:contacts)"
                          + " order by changed_at, id",
                      p)));
      progress.accept(10);

      out.json(
          "tickets.json",
          Map.of(
              "tickets",
              rows.query(
                  "select id, number, type, channel, status, subject, description, language,"
                      + " topic, reason, priority, queue, current_level, received_at,"
                      + " taken_in_charge_at, taken_in_charge_by, resolved_at, closed_at, outcome,"
                      + " answer, context, merged_into, created_by, created_at, updated_at"
                      + " from sportello.ticket where id in (:tickets) order by id",
                  p),
              "steps",
              rows.query(
                  "select e.*, t.number as ticket_number from sportello.ticket_event e"
                      + " join sportello.ticket t on t.id = e.ticket_id"
                      + " where e.ticket_id in (:tickets) order by e.ticket_id, e.occurred_at, e.id",
                  p),
              "links",
              rows.query(
                  "select * from sportello.ticket_link where ticket_id in (:tickets)"
                      + " or other_ticket_id in (:tickets) order by id",
                  p)));
      progress.accept(25);

      out.json(
          "interactions.json",
          Map.of(
              "interactions",
              rows.query(
                  "select * from sportello.interaction where contact_id in (:contacts)"
                      + " or ticket_id in (:tickets) order by occurred_at, id",
                  p)));
      progress.accept(35);

      List<Map<String, Object>> inbound =
          rows.query(
              "select * from sportello.inbound_message where ticket_number in (:numbers)"
                  + " or lower(sender) in (:emails) order by received_at, id",
              p);
      List<Map<String, Object>> outbound =
          rows.query(
              "select * from sportello.outbound_mail where ticket_number in (:numbers)"
                  + " or lower(recipient) in (:emails) order by created_at, id",
              p);
      List<Map<String, Object>> attachments =
          rows.query(
              "select id, outbound_mail_id, position, file_name, media_type"
                  + " from sportello.outbound_mail_attachment where outbound_mail_id in"
                  + " (select id from sportello.outbound_mail where ticket_number in (:numbers)"
                  + " or lower(recipient) in (:emails)) order by outbound_mail_id, position",
              p);
      out.json(
          "mails.json",
          Map.of("inbound", inbound, "outbound", outbound, "outboundAttachments", attachments));
      for (Map<String, Object> mail : inbound) {
        byte[] raw =
            jdbc.queryForObject(
                "select raw from sportello.inbound_message where id = :id",
                Map.of("id", mail.get("id")),
                byte[].class);
        if (raw != null) {
          out.file("mails/inbound-" + mail.get("id") + ".eml", raw);
        }
      }
      for (Map<String, Object> attachment : attachments) {
        byte[] content =
            jdbc.queryForObject(
                "select content from sportello.outbound_mail_attachment where id = :id",
                Map.of("id", attachment.get("id")),
                byte[].class);
        out.file(
            "mails/outbound-"
                + attachment.get("outbound_mail_id")
                + "-"
                + attachment.get("position")
                + "-"
                + safe(attachment.get("file_name")),
            content);
      }
      progress.accept(50);

      List<Map<String, Object>> documents =
          rows.query(
              "select d.id, d.sha256, d.size_bytes, d.media_type, d.extraction_status,"
                  + " d.extracted_text, d.metadata, d.signer, d.created_at,"
                  + " l.owner_kind, l.owner_id, l.file_name, l.linked_at"
                  + " from sportello.document_link l join sportello.document d on d.id = l.document_id"
                  + " where (l.owner_kind = 'TICKET' and l.owner_id in (:tickets))"
                  + " or (l.owner_kind = 'INTERACTION' and l.owner_id in"
                  + "   (select id from sportello.interaction where contact_id in (:contacts)"
                  + "    or ticket_id in (:tickets)))"
                  + " or (l.owner_kind = 'TICKET_EVENT' and l.owner_id in"
                  + "   (select id from sportello.ticket_event where ticket_id in (:tickets)))"
                  + " order by d.id",
              p);
      out.json("documents.json", Map.of("documents", documents));
      java.util.Set<Object> written = new java.util.HashSet<>();
      for (Map<String, Object> document : documents) {
        if (!written.add(document.get("id"))) {
          continue;
        }
        byte[] content =
            jdbc
                .queryForList(
                    "select bytes from sportello.document_content where document_id = :id",
                    Map.of("id", document.get("id")),
                    byte[].class)
                .stream()
                .findFirst()
                .orElse(null);
        if (content != null) {
          out.file(
              "documents/" + document.get("id") + "-" + safe(document.get("file_name")), content);
        }
      }
      progress.accept(70);

      out.json(
          "calls.json",
          Map.of(
              "calls",
              rows.query(
                  "select * from sportello.phone_call where contact_id in (:contacts)"
                      + " or caller_number in (:phones) or ticket_number in (:numbers)"
                      + " order by offered_at, id",
                  p),
              "recordings",
              rows.query(
                  "select * from sportello.phone_recording where call_id in"
                      + " (select id from sportello.phone_call where contact_id in (:contacts)"
                      + " or caller_number in (:phones) or ticket_number in (:numbers))"
                      + " order by recorded_at, id",
                  p),
              "callbacks",
              rows.query(
                  "select * from sportello.phone_callback where ticket_number in (:numbers)"
                      + " or phone_number in (:phones) order by requested_at, id",
                  p),
              "callbackAttempts",
              rows.query(
                  "select a.* from sportello.phone_callback_attempt a where a.callback_id in"
                      + " (select id from sportello.phone_callback where ticket_number in (:numbers)"
                      + " or phone_number in (:phones)) order by a.callback_id, a.attempt",
                  p)));
      progress.accept(80);

      out.json(
          "requests-and-notifications.json",
          Map.of(
              "webRequests",
              rows.query(
                  "select ticket_id, answer_channel, created_at from sportello.web_request"
                      + " where ticket_id in (:tickets)",
                  p),
              "notifications",
              rows.query(
                  "select * from sportello.notification_outbox where ticket_id in (:tickets)"
                      + " or lower(recipient) in (:emails) or recipient in (:phones)"
                      + " order by created_at, id",
                  p),
              "reminderSubscriptions",
              rows.query(
                  "select * from sportello.reminder_subscription where upper(fiscal_code) in"
                      + " (select upper(fiscal_code) from sportello.contact where id in (:contacts)"
                      + " and fiscal_code is not null) or lower(email) in (:emails)"
                      + " order by created_at, id",
                  p)));
      out.json(
          "proceedings.json",
          Map.of(
              "letters",
              rows.query(
                  "select * from sportello.letter where correspondent_id in (:contacts)"
                      + " order by registered_at, id",
                  p),
              "complaints",
              rows.query(
                  "select * from sportello.complaint where reporter_id in (:contacts)"
                      + " or supplier_id in (:contacts) order by reported_at, id",
                  p)));
      out.json(
          "surveys.json",
          Map.of(
              "note",
              "Survey answers: the tables named *survey* that exist (none in this version)",
              "surveyTables",
              surveys(p)));
      progress.accept(90);

      out.json(
          "audit.json",
          Map.of(
              "note",
              "Who read or changed this person's data: every row of the audit trail about them",
              "rows",
              rows.query(
                  "select seq, at, actor, actor_roles, action, resource_type, resource_id,"
                      + " subject, outcome, reason from sportello.audit_event"
                      + " where subject in (:subjects) order by seq",
                  p)));
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("request", requestId);
      manifest.put("fiscalCode", person.fiscalCode());
      manifest.put("producedAt", now.toString());
      manifest.put("contents", new LinkedHashMap<>(contents));
      out.json("manifest.json", manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.accept(100);
    return new Archive(bytes.toByteArray(), contents);
  }

  /** Survey answers: no survey table exists yet; any table named *survey* is listed if found. */
  private List<String> surveys(MapSqlParameterSource p) {
    return jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = 'sportello'"
            + " and table_name like '%survey%'",
        p, String.class);
  }

  private static String safe(Object name) {
    String text = name == null ? "file" : name.toString();
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private final class Writer {
    private final ZipOutputStream zip;
    private final Map<String, Integer> contents;

    Writer(ZipOutputStream zip, Map<String, Integer> contents) {
      this.zip = zip;
      this.contents = contents;
    }

    void json(String name, Map<String, ?> body) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(json.writeValueAsBytes(body));
      zip.closeEntry();
      int records = 0;
      for (Object value : body.values()) {
        if (value instanceof List<?> list) {
          records += list.size();
        }
      }
      contents.put(name, records);
    }

    void file(String name, byte[] content) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
      contents.put(name, content.length);
    }
  }
}
