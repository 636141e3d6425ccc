package it.sportello.retention;

import it.sportello.shared.RetentionTask;
import it.sportello.shared.RetentionTask.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kinds of data over our own tables (tickets, contacts, documents, mail, calls, the public web
 * form's challenges and tracking tokens) and the audit trail, which is only reported. What is kept
 * whatever its age: tickets not closed, tickets with a complaint under proceeding, tickets and
 * contacts in the protocol register (letters), contacts of complaints, documents of letters,
 * complaints and approvals.
 */
@Configuration(proxyBeanMethods = false)
class DataRetentionTasks {

  static final String ANONYMISED = "[anonimizzato]";

  /** A closed ticket past its period that no proceeding or protocol entry keeps. */
  static final String CLOSED_TICKETS =
      """
      from sportello.ticket t
      where t.status = 'CLOSED' and t.anonymised_at is null and t.closed_at < :cutoff
        and not exists (select 1 from sportello.complaint c
                        where c.ticket_number = t.number and c.closed_at is null)
        and not exists (select 1 from sportello.letter l where l.ticket_number = t.number)
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  DataRetentionTasks(
      NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  private SqlRetentionTask task(
      String kind,
      Action action,
      String candidates,
      String id,
      String date,
      String lockOf,
      SqlRetentionTask.Removal removal) {
    return new SqlRetentionTask(
        kind, action, candidates, id, date, lockOf, removal, jdbc, transactions, clock);
  }

  /**
   * Closed tickets: subject, description, answer and context blanked; their interactions'
   * summaries, the notes of their path, their mails (in and out) and their tracking token removed;
   * their documents unlinked and deleted when nothing else holds them. Number, dates, queue,
   * category, levels and service-level figures stay (the statistics).
   */
  @Bean
  RetentionTask closedTicketsRetention() {
    return task(
        "closed-tickets",
        Action.ANONYMISE,
        CLOSED_TICKETS,
        "t.id",
        "t.closed_at",
        "t",
        (jdbc, ids, now) -> {
          var parameters = new MapSqlParameterSource("ids", ids).addValue("now", now);
          List<Long> documents =
              jdbc.queryForList(
                  """
                  select distinct document_id from sportello.document_link
                  where (owner_kind = 'TICKET' and owner_id in (:ids))
                     or (owner_kind = 'TICKET_EVENT' and owner_id in
                          (select id from sportello.ticket_event where ticket_id in (:ids)))
                     or (owner_kind = 'INTERACTION' and owner_id in
                          (select id from sportello.interaction where ticket_id in (:ids)))
                  """,
                  parameters,
                  Long.class);
          jdbc.update(
              """
              delete from sportello.document_link
              where (owner_kind = 'TICKET' and owner_id in (:ids))
                 or (owner_kind = 'TICKET_EVENT' and owner_id in
                      (select id from sportello.ticket_event where ticket_id in (:ids)))
                 or (owner_kind = 'INTERACTION' and owner_id in
                      (select id from sportello.interaction where ticket_id in (:ids)))
              """,
              parameters);
          deleteUnheldDocuments(jdbc, documents);
          jdbc.update(
              """
              update sportello.inbound_message set raw = null, subject = null, sender = null
              where ticket_number in (select number from sportello.ticket where id in (:ids))
              """,
              parameters);
          jdbc.update(
              """
              update sportello.outbound_mail
              set subject = :anonymised, body = '', html_body = null, recipient = 'anonimizzato'
              where ticket_number in (select number from sportello.ticket where id in (:ids))
              """,
              parameters.addValue("anonymised", ANONYMISED));
          jdbc.update(
              "update sportello.interaction set summary = :anonymised where ticket_id in (:ids)",
              parameters);
          jdbc.update(
              "update sportello.ticket_event set detail = null where ticket_id in (:ids)",
              parameters);
          jdbc.update("delete from sportello.web_request where ticket_id in (:ids)", parameters);
          jdbc.update(
              """
              update sportello.ticket
              set subject = :anonymised, description = '', answer = null, context = '{}'::jsonb,
                  idempotency_key = null, idempotency_fingerprint = null, anonymised_at = :now
              where id in (:ids)
              """,
              parameters);
        });
  }

  /**
   * Contacts with no ticket left that is not anonymised, no interaction and no change within the
   * period, and no letter or complaint: identifiers removed, their change history deleted.
   */
  @Bean
  RetentionTask contactsRetention() {
    return task(
        "contacts-without-tickets",
        Action.ANONYMISE,
        """
        from sportello.contact c
        where c.anonymised_at is null and c.updated_at < :cutoff
          and not exists (select 1 from sportello.ticket t
                          where t.requester_id = c.id and t.anonymised_at is null)
          and not exists (select 1 from sportello.interaction i
                          where i.contact_id = c.id and i.occurred_at >= :cutoff)
          and not exists (select 1 from sportello.letter l where l.correspondent_id = c.id)
          and not exists (select 1 from sportello.complaint p
                          where p.supplier_id = c.id or p.reporter_id = c.id)
        """,
        "c.id",
        "c.updated_at",
        "c",
        (jdbc, ids, now) -> {
          var parameters =
              new MapSqlParameterSource("ids", ids)
                  .addValue("now", now)
                  .addValue("anonymised", ANONYMISED);
          jdbc.update(
              "delete from sportello.contact_change where contact_id in (:ids)", parameters);
          jdbc.update(
              "update sportello.interaction set summary = :anonymised where contact_id in (:ids)",
              parameters);
          jdbc.update(
              "update sportello.phone_call set caller_number = null where contact_id in (:ids)",
              parameters);
          jdbc.update(
              """
              update sportello.contact
              set name = :anonymised, fiscal_code = null, vat_number = null, email = null,
                  phone = null, anonymised_at = :now, updated_at = :now, version = version + 1
              where id in (:ids)
              """,
              parameters);
        });
  }

  /** Documents that nothing links to any more (uploads never attached, leftovers): deleted. */
  @Bean
  RetentionTask documentsRetention() {
    return task(
        "documents",
        Action.DELETE,
        """
        from sportello.document d
        where d.created_at < :cutoff
          and not exists (select 1 from sportello.document_link l where l.document_id = d.id)
          and not exists (select 1 from sportello.case_document c where c.document_id = d.id)
          and not exists (select 1 from sportello.case_event e where e.document_id = d.id)
          and not exists (select 1 from sportello.approval a where a.document_id = d.id)
        """,
        "d.id",
        "d.created_at",
        "d",
        (jdbc, ids, now) ->
            jdbc.update(
                "delete from sportello.document where id in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /**
   * Incoming mail that belongs to no ticket (ignored, rejected, duplicates): the raw message,
   * subject and sender removed; the row stays (its message id keeps replies threaded).
   */
  @Bean
  RetentionTask mailInRetention() {
    return task(
        "mail-in",
        Action.ANONYMISE,
        """
        from sportello.inbound_message m
        where m.ticket_number is null and m.status <> 'QUARANTINED' and m.received_at < :cutoff
          and (m.raw is not null or m.sender is not null or m.subject is not null)
          and not exists (select 1 from sportello.pec_receipt r
                          join sportello.outbound_mail o on o.id = r.outbound_mail_id
                          where r.inbound_message_id = m.id
                            and o.template in ('LETTER', 'COMPLAINT_NOTICE', 'COMPLAINT_DECISION',
                                               'COMPLAINT_REPORTER'))
        """,
        "m.id",
        "m.received_at",
        "m",
        (jdbc, ids, now) ->
            jdbc.update(
                "update sportello.inbound_message set raw = null, subject = null, sender = null"
                    + " where id in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /**
   * Mail we sent that belongs to no ticket (reports, notices): recipient, subject, body removed.
   */
  @Bean
  RetentionTask mailOutRetention() {
    return task(
        "mail-out",
        Action.ANONYMISE,
        """
        from sportello.outbound_mail o
        where o.ticket_number is null and o.status <> 'PENDING' and o.created_at < :cutoff
          and o.recipient <> 'anonimizzato'
          and coalesce(o.template, '') not in ('LETTER', 'COMPLAINT_NOTICE', 'COMPLAINT_DECISION',
                                               'COMPLAINT_REPORTER')
        """,
        "o.id",
        "o.created_at",
        "o",
        (jdbc, ids, now) ->
            jdbc.update(
                """
                update sportello.outbound_mail
                set recipient = 'anonimizzato', subject = :anonymised, body = '', html_body = null
                where id in (:ids)
                """,
                new MapSqlParameterSource("ids", ids).addValue("anonymised", ANONYMISED)));
  }

  /** Quarantined mail nobody released: deleted. */
  @Bean
  RetentionTask quarantinedMailRetention() {
    return task(
        "quarantined-mail",
        Action.DELETE,
        """
        from sportello.inbound_message m
        where m.status = 'QUARANTINED' and m.received_at < :cutoff
          and not exists (select 1 from sportello.pec_receipt r where r.inbound_message_id = m.id)
          and not exists (select 1 from sportello.inbound_message d where d.duplicate_of = m.id)
        """,
        "m.id",
        "m.received_at",
        "m",
        (jdbc, ids, now) ->
            jdbc.update(
                "delete from sportello.inbound_message where id in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /** Calls: the caller's number removed (the figures of the call stay). */
  @Bean
  RetentionTask callsRetention() {
    return task(
        "calls",
        Action.ANONYMISE,
        """
        from sportello.phone_call p
        where p.caller_number is not null and coalesce(p.ended_at, p.offered_at) < :cutoff
        """,
        "p.id",
        "coalesce(p.ended_at, p.offered_at)",
        "p",
        (jdbc, ids, now) ->
            jdbc.update(
                "update sportello.phone_call set caller_number = null where id in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /** The public web form's spent challenges (kept only to refuse a replay while valid). */
  @Bean
  RetentionTask webChallengesRetention() {
    return task(
        "web-challenges",
        Action.DELETE,
        "from sportello.web_form_challenge_use u where u.used_at < :cutoff",
        "u.nonce",
        "u.used_at",
        "u",
        (jdbc, ids, now) ->
            jdbc.update(
                "delete from sportello.web_form_challenge_use where nonce in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /** Tracking tokens of public requests closed longer ago than the period: deleted. */
  @Bean
  RetentionTask trackingTokensRetention() {
    return task(
        "tracking-tokens",
        Action.DELETE,
        """
        from sportello.web_request w join sportello.ticket t on t.id = w.ticket_id
        where t.status = 'CLOSED' and t.closed_at < :cutoff
        """,
        "w.ticket_id",
        "t.closed_at",
        "w",
        (jdbc, ids, now) ->
            jdbc.update(
                "delete from sportello.web_request where ticket_id in (:ids)",
                new MapSqlParameterSource("ids", ids)));
  }

  /**
   * The audit trail: append-only and hash-chained (ADR 15), so never removed by this job; the
   * report counts the rows older than the period, for an archiving decision.
   */
  @Bean
  RetentionTask auditRetention() {
    return new RetentionTask() {
      @Override
      public String kind() {
        return "audit";
      }

      @Override
      public Action action() {
        return Action.KEEP;
      }

      @Override
      public Preview preview(Instant cutoff) {
        return Preview.olderThan(jdbc.getJdbcOperations(), "sportello.audit_event", "at", cutoff);
      }

      @Override
      public int purgeBatch(Instant cutoff, int batchSize) {
        return 0;
      }
    };
  }

  /** Deletes those of {@code documents} that nothing links to or holds any more. */
  static void deleteUnheldDocuments(NamedParameterJdbcTemplate jdbc, List<Long> documents) {
    if (documents.isEmpty()) {
      return;
    }
    jdbc.update(
        """
        delete from sportello.document d
        where d.id in (:ids)
          and not exists (select 1 from sportello.document_link l where l.document_id = d.id)
          and not exists (select 1 from sportello.case_document c where c.document_id = d.id)
          and not exists (select 1 from sportello.case_event e where e.document_id = d.id)
          and not exists (select 1 from sportello.approval a where a.document_id = d.id)
        """,
        new MapSqlParameterSource("ids", documents));
  }
}
