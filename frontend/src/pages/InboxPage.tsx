import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { assign, claim, inbox, isFourEyes, unclaim, type InboxFilters, type Me } from '../api';
import { Layout } from '../components/Layout';
import { ColleaguePicker } from '../components/ColleaguePicker';
import { Message } from '../components/Message';
import { usePolling } from '../components/usePolling';
import { SlaBadge, formatDuration } from '../components/SlaBadge';
import { UnreadBadge } from '../components/NotificationBell';

/** Fallback polling; server-sent events announce changes as they happen. */
const REFRESH_MS = 60_000;

/** The operator's tasks, by SLA deadline; updates itself when tasks change (server-sent events). */
export function InboxPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const [filters, setFilters] = useState<InboxFilters>({});
  const [draft, setDraft] = useState<InboxFilters>({});

  const fetchPage = useCallback(() => inbox(page, filters), [page, filters]);
  const { data: rows, error, setError, reload: load } = usePolling(fetchPage, REFRESH_MS, t('errors.generic'));

  useEffect(() => {
    const source = typeof EventSource === 'undefined' ? undefined : new EventSource('/api/inbox/events');
    source?.addEventListener('tasks', (event) => {
      if ((event as MessageEvent).data === 'changed') void load();
    });
    return () => source?.close();
  }, [load]);

  async function act(action: () => Promise<unknown>) {
    let refusal: string | undefined;
    try {
      await action();
    } catch (failure) {
      refusal = isFourEyes(failure) ? t('errors.fourEyes') : t('errors.conflict');
    }
    // the reload clears the message of a failed load: the refusal is shown after it
    await load();
    if (refusal) setError(refusal);
  }

  return (
    <Layout user={user}>
      <div className="d-flex justify-content-between align-items-center mb-3">
        <h1 className="h2 mb-0">{t('inbox.title')}</h1>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void load()}>
          {t('inbox.refresh')}
        </button>
      </div>
      <Message text={error} />
      <form
        className="row g-2 align-items-end mb-3"
        aria-label={t('inbox.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setPage(0);
          setFilters(draft);
        }}
      >
        {(
          [
            ['queue', t('inbox.columns.queue'), ['general', 'payments', 'privacy', 'technical'], 'intake.topics'],
            ['type', t('inbox.columns.type'), ['Q', 'PQ', 'A', 'I', 'PA', 'PI'], 'intake.types'],
            ['channel', t('inbox.columns.channel'), ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'FAX'], 'intake.channels'],
            ['language', t('inbox.language'), ['it', 'en', 'de', 'fr'], null],
            ['priority', t('inbox.columns.priority'), ['1', '2', '3', '4'], 'priority'],
            ['sla', t('inbox.columns.sla'), ['ON_TRACK', 'AT_RISK', 'BREACHED'], 'sla.state'],
          ] as const
        ).map(([key, label, values, names]) => (
          <div className="col-6 col-md-2" key={key}>
            <label htmlFor={`filter-${key}`} className="form-label small mb-0">
              {label}
            </label>
            <select
              id={`filter-${key}`}
              className="form-select form-select-sm"
              value={draft[key] ?? ''}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value || undefined })}
            >
              <option value="">{t('inbox.any')}</option>
              {values.map((value) => (
                <option key={value} value={value}>
                  {names ? t(`${names}.${value}`) : value}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="col-6 col-md-2">
          <label htmlFor="filter-number" className="form-label small mb-0">
            {t('inbox.searchNumber')}
          </label>
          <input
            type="text"
            id="filter-number"
            className="form-control form-control-sm"
            value={draft.number ?? ''}
            onChange={(event) => setDraft({ ...draft, number: event.target.value || undefined })}
          />
        </div>
        <div className="col-6 col-md-2">
          <label htmlFor="filter-requester" className="form-label small mb-0">
            {t('inbox.searchRequester')}
          </label>
          <input
            type="text"
            id="filter-requester"
            className="form-control form-control-sm"
            aria-describedby="filter-requester-hint"
            placeholder={t('inbox.searchRequesterHint')}
            value={draft.requester ?? ''}
            onChange={(event) => setDraft({ ...draft, requester: event.target.value || undefined })}
          />
          <span id="filter-requester-hint" className="visually-hidden">
            {t('inbox.searchRequesterHint')}
          </span>
        </div>
        <div className="col-6 col-md-2 d-flex gap-2">
          <button type="submit" className="btn btn-primary btn-sm">
            {t('inbox.apply')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => {
              setDraft({});
              setFilters({});
              setPage(0);
            }}
          >
            {t('inbox.reset')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {!rows && <p>{t('inbox.loading')}</p>}
        {rows && rows.items.length === 0 && <p>{t('inbox.empty')}</p>}
        {rows && rows.items.length > 0 && <p className="visually-hidden">{t('inbox.total', { count: rows.totalElements })}</p>}
      </div>
      {rows && rows.items.length > 0 && (
        <div className="table-responsive">
          <table className="table table-hover align-middle">
            <caption>{t('inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.columns.number')}</th>
                <th scope="col">{t('inbox.columns.subject')}</th>
                <th scope="col">{t('inbox.columns.requester')}</th>
                <th scope="col">{t('inbox.columns.type')}</th>
                <th scope="col">{t('inbox.columns.channel')}</th>
                <th scope="col">{t('inbox.columns.queue')}</th>
                <th scope="col">{t('inbox.columns.priority')}</th>
                <th scope="col">{t('inbox.columns.age')}</th>
                <th scope="col">{t('inbox.columns.sla')}</th>
                <th scope="col">{t('inbox.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.items.map((row) => (
                <tr key={row.taskId} data-ticket={row.number}>
                  <td>
                    <Link to={`/tasks/${row.taskId}`} aria-label={t('inbox.openSubject', { number: row.number })}>
                      {row.number}
                    </Link>
                    <UnreadBadge number={row.number} />
                    <div className="small text-muted">{t(`taskName.${row.taskKey}`, { defaultValue: row.taskName })}</div>
                  </td>
                  <td>
                    {row.number?.startsWith('RS-') ? (
                      <Link to={`/tickets/${row.number}`} aria-label={t('ticketPage.inboxLink', { subject: row.subject })}>
                        {row.subject}
                      </Link>
                    ) : (
                      row.subject
                    )}
                  </td>
                  <td>{row.requesterName}</td>
                  <td>{row.type}</td>
                  <td>{row.channel}</td>
                  <td>{row.queue}</td>
                  <td>{row.priority ? t(`priority.${row.priority}`) : ''}</td>
                  <td>{formatDuration(Date.now() - new Date(row.createdAt).getTime(), t)}</td>
                  <td>
                    <SlaBadge state={row.slaState} dueAt={row.dueAt} />
                  </td>
                  <td>
                    {row.assignee === user.userId ? (
                      <div className="d-flex flex-wrap gap-1">
                        <button
                          type="button"
                          className="btn btn-outline-secondary btn-sm"
                          aria-label={t('inbox.unclaimSubject', { number: row.number })}
                          onClick={() => void act(() => unclaim(row.taskId))}
                        >
                          {t('inbox.unclaim')}
                        </button>
                        <ColleaguePicker
                          taskId={row.taskId}
                          number={row.number ?? row.taskId}
                          holder={user.userId}
                          action={t('inbox.handOver')}
                          onPick={(colleague) => act(() => assign(row.taskId, colleague))}
                        />
                      </div>
                    ) : row.assignee ? (
                      <span className="small">{t('inbox.assignedTo', { user: row.assignee })}</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-primary btn-sm"
                        aria-label={t('inbox.claimSubject', { number: row.number })}
                        onClick={() => void act(() => claim(row.taskId))}
                      >
                        {t('inbox.claim')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && rows.totalPages > 1 && (
        <nav className="d-flex gap-2 align-items-center" aria-label={t('inbox.page', { page: page + 1, pages: rows.totalPages })}>
          <button type="button" className="btn btn-outline-primary btn-sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('inbox.previous')}
          </button>
          <span>{t('inbox.page', { page: page + 1, pages: rows.totalPages })}</span>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={page + 1 >= rows.totalPages}
            onClick={() => setPage(page + 1)}
          >
            {t('inbox.next')}
          </button>
        </nav>
      )}
    </Layout>
  );
}
