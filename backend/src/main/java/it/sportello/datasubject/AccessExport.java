package it.sportello.datasubject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
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
 *
 * <p>Streamed, so that memory stays flat however much there is about the person: the rows are read
 * with a fetch size (a cursor) and written one by one as JSON into the zip, the files copied from
 * the database's streams, the zip written to a file (through a temporary name) under {@code
 * sportello.data-subjects.export-directory}.
 */
@Component
class AccessExport {

  /** Rows fetched at a time from a cursor. */
  private static final int FETCH = 200;

  /** A produced archive: its file, size, SHA-256, and what it holds (file → records or bytes). */
  record Archive(Path file, long size, String sha256, Map<String, Integer> contents) {}

  /** The rows of one query, written as a JSON array as they are read. */
  record Query(String sql, MapSqlParameterSource params) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate cursor;
  private final ObjectMapper json;
  private final Rows rows;

  AccessExport(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    org.springframework.jdbc.core.JdbcTemplate fetching =
        new org.springframework.jdbc.core.JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    fetching.setFetchSize(FETCH);
    this.cursor = new NamedParameterJdbcTemplate(fetching);
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.json.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.rows = new Rows(cursor, json);
  }

  /**
   * Produces the archive as {@code target} (written as a temporary file beside it, then renamed),
   * reporting progress (0–100) as each kind of data is written. Run in a transaction: PostgreSQL
   * uses a cursor (the fetch size) only there.
   */
  Archive produce(long requestId, Person person, Instant now, Path target, IntConsumer progress) {
    Scope scope = Scope.of(person, jdbc);
    MapSqlParameterSource p = scope.params();
    Map<String, Integer> contents = new LinkedHashMap<>();
    Path partial;
    MessageDigest sha256;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".export-", ".part");
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream file =
            new DigestOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(partial)), sha256);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      Writer out = new Writer(zip, contents);

      out.json(
          "contact.json",
          Map.of(
              "contacts", q("select * from sportello.contact where id in (:contacts)", p),
              "changes",
                  q(
                      "select * from sportello.contact_change where contact_id in (:contacts)"
                          + " order by changed_at, id",
                      p)));
      progress.accept(10);

      out.json(
          "tickets.json",
          Map.of(
              "tickets",
              q(
                  "select id, number, type, channel, status, subject, description, language,"
                      + " topic, reason, priority, queue, current_level, received_at,"
                      + " taken_in_charge_at, taken_in_charge_by, resolved_at, closed_at, outcome,"
                      + " answer, context, merged_into, created_by, created_at, updated_at"
                      + " from sportello.ticket where id in (:tickets) order by id",
                  p),
              "steps",
              q(
                  "select e.*, t.number as ticket_number from sportello.ticket_event e"
                      + " join sportello.ticket t on t.id = e.ticket_id"
                      + " where e.ticket_id in (:tickets) order by e.ticket_id, e.occurred_at, e.id",
                  p),
              "links",
              q(
                  "select * from sportello.ticket_link where ticket_id in (:tickets)"
                      + " or other_ticket_id in (:tickets) order by id",
                  p)));
      progress.accept(25);

      out.json(
          "interactions.json",
          Map.of(
              "interactions",
              q(
                  "select * from sportello.interaction where contact_id in (:contacts)"
                      + " or ticket_id in (:tickets) order by occurred_at, id",
                  p)));
      progress.accept(35);

      Query inbound =
          q(
              "select * from sportello.inbound_message where ticket_number in (:numbers)"
                  + " or lower(sender) in (:emails) order by received_at, id",
              p);
      Query outbound =
          q(
              "select * from sportello.outbound_mail where ticket_number in (:numbers)"
                  + " or lower(recipient) in (:emails) order by created_at, id",
              p);
      Query attachments =
          q(
              "select id, outbound_mail_id, position, file_name, media_type"
                  + " from sportello.outbound_mail_attachment where outbound_mail_id in"
                  + " (select id from sportello.outbound_mail where ticket_number in (:numbers)"
                  + " or lower(recipient) in (:emails)) order by outbound_mail_id, position",
              p);
      out.json(
          "mails.json",
          Map.of("inbound", inbound, "outbound", outbound, "outboundAttachments", attachments));
      out.files(
          "select id, raw from sportello.inbound_message where (ticket_number in (:numbers)"
              + " or lower(sender) in (:emails)) and raw is not null order by id",
          p,
          rs -> "mails/inbound-" + rs.getLong("id") + ".eml",
          "raw");
      out.files(
          "select outbound_mail_id, position, file_name, content"
              + " from sportello.outbound_mail_attachment where outbound_mail_id in"
              + " (select id from sportello.outbound_mail where ticket_number in (:numbers)"
              + " or lower(recipient) in (:emails)) order by outbound_mail_id, position",
          p,
          rs ->
              "mails/outbound-"
                  + rs.getLong("outbound_mail_id")
                  + "-"
                  + rs.getInt("position")
                  + "-"
                  + safe(rs.getString("file_name")),
          "content");
      progress.accept(50);

      Query documents =
          q(
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
      // each document once (one link's file name), its bytes streamed from the database
      out.files(
          "select distinct on (d.id) d.id, l.file_name, c.bytes"
              + " from sportello.document_link l join sportello.document d on d.id = l.document_id"
              + " join sportello.document_content c on c.document_id = d.id"
              + " where (l.owner_kind = 'TICKET' and l.owner_id in (:tickets))"
              + " or (l.owner_kind = 'INTERACTION' and l.owner_id in"
              + "   (select id from sportello.interaction where contact_id in (:contacts)"
              + "    or ticket_id in (:tickets)))"
              + " or (l.owner_kind = 'TICKET_EVENT' and l.owner_id in"
              + "   (select id from sportello.ticket_event where ticket_id in (:tickets)))"
              + " order by d.id, l.linked_at",
          p,
          rs -> "documents/" + rs.getLong("id") + "-" + safe(rs.getString("file_name")),
          "bytes");
      progress.accept(70);

      out.json(
          "calls.json",
          Map.of(
              "calls",
              q(
                  "select * from sportello.phone_call where contact_id in (:contacts)"
                      + " or caller_number in (:phones) or ticket_number in (:numbers)"
                      + " order by offered_at, id",
                  p),
              "recordings",
              q(
                  "select * from sportello.phone_recording where call_id in"
                      + " (select id from sportello.phone_call where contact_id in (:contacts)"
                      + " or caller_number in (:phones) or ticket_number in (:numbers))"
                      + " order by recorded_at, id",
                  p),
              "callbacks",
              q(
                  "select * from sportello.phone_callback where ticket_number in (:numbers)"
                      + " or phone_number in (:phones) order by requested_at, id",
                  p),
              "callbackAttempts",
              q(
                  "select a.* from sportello.phone_callback_attempt a where a.callback_id in"
                      + " (select id from sportello.phone_callback where ticket_number in (:numbers)"
                      + " or phone_number in (:phones)) order by a.callback_id, a.attempt",
                  p)));
      progress.accept(80);

      out.json(
          "requests-and-notifications.json",
          Map.of(
              "webRequests",
              q(
                  "select ticket_id, answer_channel, created_at from sportello.web_request"
                      + " where ticket_id in (:tickets)",
                  p),
              "notifications",
              q(
                  "select * from sportello.notification_outbox where ticket_id in (:tickets)"
                      + " or lower(recipient) in (:emails) or recipient in (:phones)"
                      + " order by created_at, id",
                  p),
              "reminderSubscriptions",
              q(
                  "select * from sportello.reminder_subscription where upper(fiscal_code) in"
                      + " (select upper(fiscal_code) from sportello.contact where id in (:contacts)"
                      + " and fiscal_code is not null) or lower(email) in (:emails)"
                      + " order by created_at, id",
                  p)));
      out.json(
          "proceedings.json",
          Map.of(
              "letters",
              q(
                  "select * from sportello.letter where correspondent_id in (:contacts)"
                      + " order by registered_at, id",
                  p),
              "complaints",
              q(
                  "select * from sportello.complaint where reporter_id in (:contacts)"
                      + " or supplier_id in (:contacts) order by reported_at, id",
                  p)));
      out.json(
          "surveys.json",
          Map.of(
              "invitations",
              q(
                  "select id, purpose, questionnaire_id, questionnaire_version, legal_basis,"
                      + " ticket_number, language, channel, status, created_at, expires_at,"
                      + " answered_at, score from sportello.survey_invitation"
                      + " where contact_id in (:contacts) or ticket_id in (:tickets) order by id",
                  p),
              "answers",
              q(
                  "select a.* from sportello.survey_answer a join sportello.survey_invitation i"
                      + " on i.id = a.invitation_id where i.contact_id in (:contacts)"
                      + " or i.ticket_id in (:tickets) order by a.invitation_id, a.question_key,"
                      + " a.ordinal",
                  p),
              "optOuts",
              q(
                  "select opted_out_at, source from sportello.do_not_contact"
                      + " where contact_id in (:contacts) order by opted_out_at",
                  p)));
      out.json(
          "chats.json",
          Map.of(
              "conversations",
              q(
                  "select id, language, status, page, requester_name, requester_email,"
                      + " requester_fiscal_code, privacy_accepted_at, queued_at, operator,"
                      + " outcome, ticket_number, created_at, closed_at"
                      + " from sportello.chat_conversation where contact_id in (:contacts)"
                      + " or ticket_number in (:numbers) or lower(requester_email) in (:emails)"
                      + " order by id",
                  p),
              "messages",
              q(
                  "select m.* from sportello.chat_message m join sportello.chat_conversation c"
                      + " on c.id = m.conversation_id where c.contact_id in (:contacts)"
                      + " or c.ticket_number in (:numbers) or lower(c.requester_email) in (:emails)"
                      + " order by m.conversation_id, m.seq",
                  p)));
      progress.accept(90);

      out.json(
          "audit.json",
          Map.of(
              "note",
              "Who read or changed this person's data: every row of the audit trail about them",
              "rows",
              q(
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
      deleteQuietly(partial);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
    try {
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      progress.accept(100);
      return new Archive(
          target,
          Files.size(target),
          java.util.HexFormat.of().formatHex(sha256.digest()),
          contents);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stray temporary file: removed with the directory's next clean-up
    }
  }

  private static Query q(String sql, MapSqlParameterSource params) {
    return new Query(sql, params);
  }

  private static String safe(Object name) {
    String text = name == null ? "file" : name.toString();
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Names a file of the archive from the current row. */
  @FunctionalInterface
  interface FileName {
    String of(java.sql.ResultSet rs) throws java.sql.SQLException;
  }

  private final class Writer {
    private final ZipOutputStream zip;
    private final Map<String, Integer> contents;

    Writer(ZipOutputStream zip, Map<String, Integer> contents) {
      this.zip = zip;
      this.contents = contents;
    }

    /**
     * One JSON file: an object whose values are written as they are (small ones) or, for a {@link
     * Query}, as an array of its rows streamed from a cursor; counts the records.
     */
    void json(String name, Map<String, ?> body) throws IOException {
      zip.putNextEntry(new ZipEntry(name));
      int[] records = {0};
      try (JsonGenerator out = json.getFactory().createGenerator((OutputStream) zip)) {
        out.useDefaultPrettyPrinter();
        out.writeStartObject();
        for (Map.Entry<String, ?> entry : body.entrySet()) {
          out.writeFieldName(entry.getKey());
          if (entry.getValue() instanceof Query query) {
            out.writeStartArray();
            rows.stream(
                query.sql(),
                query.params(),
                row -> {
                  try {
                    json.writeValue(out, row);
                    records[0]++;
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
            out.writeEndArray();
          } else {
            json.writeValue(out, entry.getValue());
            if (entry.getValue() instanceof List<?> list) {
              records[0] += list.size();
            }
          }
        }
        out.writeEndObject();
      }
      zip.closeEntry();
      contents.put(name, records[0]);
    }

    /** One file of the archive per row, its bytes copied from the column's stream. */
    void files(String sql, MapSqlParameterSource params, FileName name, String column) {
      cursor.query(
          sql,
          params,
          (java.sql.ResultSet rs) -> {
            String entry = name.of(rs);
            try (InputStream in = rs.getBinaryStream(column)) {
              if (in == null) {
                return;
              }
              zip.putNextEntry(new ZipEntry(entry));
              long size = in.transferTo(zip);
              zip.closeEntry();
              contents.put(entry, (int) Math.min(size, Integer.MAX_VALUE));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
