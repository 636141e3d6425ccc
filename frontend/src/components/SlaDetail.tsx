import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { slaCalls, slaTickets, type Page, type SlaCallRow, type SlaFigures, type SlaTicketRow } from '../api';
import { Message } from './Message';

const PAGE_SIZE = 20;
const RESULTS = ['', 'MET', 'MISSED', 'EXCLUDED'] as const;
const DIMENSIONS = ['channel', 'queue', 'type'] as const;

type Rows = { kind: 'tickets'; page: Page<SlaTicketRow> } | { kind: 'calls'; page: Page<SlaCallRow> };

/**
 * What is behind one figure of the SLA report: its breakdown by channel, queue and type, the excluded
 * items by reason, and the tickets (or, for a phone SLA, the calls) themselves, page by page.
 */
export function SlaDetail({
  month,
  figures,
  initialResult,
  ticketLinks = false,
}: {
  month: string;
  figures: SlaFigures;
  initialResult: string;
  /** Link ticket numbers to their pages (for the roles that may read tickets). */
  ticketLinks?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const filterId = useId();
  const onTickets = figures.measure === 'TAKEN_IN_CHARGE_WITHIN' || figures.measure === 'SOLVED_WITHIN';
  const [result, setResult] = useState(initialResult);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<Rows | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setResult(initialResult);
    setPage(0);
  }, [figures.code, initialResult]);

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    const query = { month, sla: figures.code, result, page, size: PAGE_SIZE };
    const loaded: Promise<Rows> = onTickets
      ? slaTickets(query).then((found) => ({ kind: 'tickets', page: found }))
      : slaCalls(query).then((found) => ({ kind: 'calls', page: found }));
    loaded.then((found) => !cancelled && setRows(found)).catch(() => !cancelled && setError(t('errors.generic')));
    return () => {
      cancelled = true;
    };
  }, [month, figures.code, onTickets, result, page, t]);

  const dateTime = (value?: string | null) =>
    value ? new Date(value).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : '—';
  const hours = (iso?: string | null) => {
    const match = iso?.match(/^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/);
    if (!match) return '—';
    const value = Number(match[1] ?? 0) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600;
    return value.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  };
  const percent = (value?: number | null) =>
    value == null ? '—' : value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const reason = (value?: string | null) => (value ? t(`serviceLevels.reason_${value}`) : '');
  const excluded = Object.entries(figures.excludedByReason ?? {});
  const total = rows?.page.totalElements ?? 0;
  const pages = rows?.page.totalPages ?? 0;

  return (
    <section aria-labelledby="sla-detail-title" className="mt-4" id="sla-detail">
      <h2 id="sla-detail-title" className="h4">
        {t('serviceLevels.detailTitle', { code: figures.code })}
      </h2>
      <p>{figures.description}</p>
      {figures.withinLimit != null && (
        <p data-figure="withinLimit">
          {t('serviceLevels.withinLimit', {
            share: percent(figures.withinLimit),
            count: figures.overLimit ?? 0,
          })}
        </p>
      )}
      <div className="row g-3">
        {DIMENSIONS.map((dimension) => {
          const groups = figures.breakdown?.[dimension] ?? [];
          if (groups.length === 0) return null;
          return (
            <div className="col-md-4" key={dimension}>
              <table className="table table-sm">
                <caption>{t(`serviceLevels.by_${dimension}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`serviceLevels.dimension_${dimension}`)}</th>
                    <th scope="col">{t('serviceLevels.met')}</th>
                    <th scope="col">{t('serviceLevels.missed')}</th>
                    <th scope="col">{t('serviceLevels.excluded')}</th>
                    <th scope="col">{t('serviceLevels.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((group) => (
                    <tr key={group.key}>
                      <th scope="row">{group.key}</th>
                      <td>{group.met}</td>
                      <td>{group.missed}</td>
                      <td>{group.excluded}</td>
                      <td>{percent(group.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
      {excluded.length > 0 && (
        <>
          <h3 className="h6">{t('serviceLevels.excludedByReason')}</h3>
          <ul>
            {excluded.map(([key, count]) => (
              <li key={key}>
                {reason(key)}: {count}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="d-flex flex-wrap align-items-end gap-3 mb-2">
        <div>
          <label htmlFor={filterId} className="form-label">
            {t('serviceLevels.resultFilter')}
          </label>
          <select
            id={filterId}
            className="form-select"
            value={result}
            onChange={(event) => {
              setResult(event.target.value);
              setPage(0);
            }}
          >
            {RESULTS.map((value) => (
              <option key={value} value={value}>
                {value ? t(`serviceLevels.result_${value}`) : t('serviceLevels.result_ALL')}
              </option>
            ))}
          </select>
        </div>
        <p className="mb-0" aria-live="polite">
          {t(onTickets ? 'serviceLevels.ticketsFound' : 'serviceLevels.callsFound', { count: total })}
        </p>
      </div>
      <Message text={error} />
      {rows && (
        <div className="table-responsive">
          <table className="table table-sm table-striped" id="sla-detail-rows">
            <caption>
              {t(onTickets ? 'serviceLevels.ticketsCaption' : 'serviceLevels.callsCaption', { code: figures.code })}
            </caption>
            {rows.kind === 'tickets' ? (
              <>
                <thead>
                  <tr>
                    <th scope="col">{t('serviceLevels.col_ticket')}</th>
                    <th scope="col">{t('serviceLevels.dimension_channel')}</th>
                    <th scope="col">{t('serviceLevels.dimension_queue')}</th>
                    <th scope="col">{t('serviceLevels.dimension_type')}</th>
                    <th scope="col">{t('serviceLevels.col_received')}</th>
                    <th scope="col">{t('serviceLevels.col_reached')}</th>
                    <th scope="col">{t('serviceLevels.col_working')}</th>
                    <th scope="col">{t('serviceLevels.col_paused')}</th>
                    <th scope="col">{t('serviceLevels.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.page.items.map((row) => (
                    <tr key={`${row.sla}-${row.number}`}>
                      <th scope="row">
                        {ticketLinks ? <Link to={`/tickets/${row.number}`}>{row.number}</Link> : row.number}
                      </th>
                      <td>{row.channel}</td>
                      <td>{row.queue}</td>
                      <td>{row.type}</td>
                      <td>{dateTime(row.receivedAt)}</td>
                      <td>{dateTime(row.reachedAt)}</td>
                      <td>{hours(row.workingTime)}</td>
                      <td>{hours(row.pausedWorkingTime)}</td>
                      <td>
                        {t(`serviceLevels.result_${row.result}`)} {reason(row.reason)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </>
            ) : (
              <>
                <thead>
                  <tr>
                    <th scope="col">{t('serviceLevels.col_call')}</th>
                    <th scope="col">{t('serviceLevels.dimension_queue')}</th>
                    <th scope="col">{t('serviceLevels.col_offered')}</th>
                    <th scope="col">{t('serviceLevels.col_wait')}</th>
                    <th scope="col">{t('serviceLevels.col_outcome')}</th>
                    <th scope="col">{t('serviceLevels.col_ticket')}</th>
                    <th scope="col">{t('serviceLevels.col_level')}</th>
                    <th scope="col">{t('serviceLevels.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.page.items.map((row) => (
                    <tr key={`${row.sla}-${row.callId}`}>
                      <th scope="row">{row.callId}</th>
                      <td>{row.queue}</td>
                      <td>{dateTime(row.offeredAt)}</td>
                      <td>{row.waitSeconds ?? '—'}</td>
                      <td>{row.outcome ? t(`serviceLevels.outcome_${row.outcome}`) : '—'}</td>
                      <td>
                        {row.ticketNumber ? (
                          ticketLinks ? (
                            <Link to={`/tickets/${row.ticketNumber}`}>{row.ticketNumber}</Link>
                          ) : (
                            row.ticketNumber
                          )
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{row.solvedAtLevel ?? row.ticketLevel ?? '—'}</td>
                      <td>
                        {t(`serviceLevels.result_${row.result}`)} {reason(row.reason)}
                        {row.overLimit && ` (${t('serviceLevels.overLimit')})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </>
            )}
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('serviceLevels.pages')} className="d-flex align-items-center gap-2">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            {t('serviceLevels.previous')}
          </button>
          <span>{t('serviceLevels.pageOf', { page: page + 1, pages })}</span>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('serviceLevels.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
