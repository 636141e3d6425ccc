import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { assign, claim, inbox, isFourEyes, unclaim, type InboxFilters, type InboxRow, type Me } from '../api';
import { Layout } from '../components/Layout';
import { Pager } from '../components/Pager';
import { ColleaguePicker } from '../components/ColleaguePicker';
import { Message } from '../components/Message';
import { usePolling } from '../components/usePolling';
import { SlaBadge, formatDuration } from '../components/SlaBadge';
import { UnreadBadge } from '../components/NotificationBell';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { BulkBar, type BulkResult } from '../components/BulkBar';
import { useShortcuts } from '../lib/shortcuts';
import { useCodeLabels, type CodeKind } from '../lib/codeLabels';
import { useLabels } from '../lib/labels';
import { useServerEvent } from '../lib/events';
import '../components/inbox.css';

/** Fallback polling; server-sent events announce changes as they happen. */
const REFRESH_MS = 60_000;

/**
 * The operator's tasks, by SLA deadline, one compact line each; updates itself when tasks change
 * (server-sent events). Rows can be selected for bulk actions and walked with the keyboard
 * (j/k, Enter or o to open, t to take, x to select, ? for help).
 */
export function InboxPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useCodeLabels();
  const { reference } = useLabels();
  const queues =
    reference.queues.length > 0
      ? reference.queues.map((queue) => queue.code)
      : ['general', 'payments', 'privacy', 'technical'];
  const [page, setPage] = useState(0);
  const [filters, setFilters] = useState<InboxFilters>({});
  const [draft, setDraft] = useState<InboxFilters>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<BulkResult[]>([]);
  // the active row is kept by its task: a refresh or a new ticket moves rows, not the operator's place
  const [activeId, setActiveId] = useState<string>();
  const lastIndex = useRef(-1);
  const [help, setHelp] = useState(false);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const fetchPage = useCallback(() => inbox(page, filters), [page, filters]);
  const { data: rows, error, setError, reload: load } = usePolling(fetchPage, REFRESH_MS, t('errors.generic'));
  const items = rows?.items ?? [];

  useServerEvent('inbox', (data) => {
    if (data === 'changed') void load();
  });

  // a selection only holds the tasks still shown
  useEffect(() => {
    if (!rows) return;
    const shown = new Set(rows.items.map((row) => row.taskId));
    setSelected((current) => {
      const kept = [...current].filter((id) => shown.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [rows]);

  function refusalOf(failure: unknown) {
    return isFourEyes(failure) ? t('errors.fourEyes') : t('errors.conflict');
  }

  async function act(action: () => Promise<unknown>) {
    let refusal: string | undefined;
    try {
      await action();
    } catch (failure) {
      refusal = refusalOf(failure);
    }
    // the reload clears the message of a failed load: the refusal is shown after it
    await load();
    if (refusal) setError(refusal);
  }

  /** One action per selected task, one after the other; each succeeds or fails on its own. */
  async function bulk(
    action: (row: InboxRow) => Promise<unknown>,
    done: string,
    refuse?: (row: InboxRow) => string | undefined,
  ) {
    const chosen = items.filter((row) => selected.has(row.taskId));
    const outcome: BulkResult[] = [];
    const failed = new Set<string>();
    for (const row of chosen) {
      const refusal = refuse?.(row);
      if (refusal) {
        failed.add(row.taskId);
        outcome.push({ number: row.number ?? row.taskId, ok: false, message: refusal });
        continue;
      }
      try {
        await action(row);
        outcome.push({ number: row.number ?? row.taskId, ok: true, message: done });
      } catch (failure) {
        failed.add(row.taskId);
        outcome.push({ number: row.number ?? row.taskId, ok: false, message: refusalOf(failure) });
      }
    }
    setResults(outcome);
    // what failed stays selected, to try again or do otherwise
    setSelected(failed);
    await load();
  }

  function toggle(taskId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(taskId)) next.delete(taskId);
      else next.add(taskId);
      return next;
    });
  }

  function focusRow(index: number) {
    if (items.length === 0) return;
    const bounded = Math.max(0, Math.min(items.length - 1, index));
    setActiveId(items[bounded].taskId);
    rowRefs.current[bounded]?.focus();
  }

  // where the active task is now; when it has left the list (completed, taken by someone else) the
  // row that took its place
  const found = activeId === undefined ? -1 : items.findIndex((row) => row.taskId === activeId);
  const active = found >= 0 || activeId === undefined ? found : Math.min(lastIndex.current, items.length - 1);
  lastIndex.current = active;
  const current = active >= 0 ? items[active] : undefined;
  useShortcuts({
    j: () => focusRow(active + 1),
    k: () => focusRow(active < 0 ? 0 : active - 1),
    enter: () => current && navigate(`/tasks/${current.taskId}`),
    o: () => current && navigate(`/tasks/${current.taskId}`),
    t: () => current && !current.assignee && void act(() => claim(current.taskId)),
    x: () => current && toggle(current.taskId),
    '?': () => setHelp(true),
  });

  const allSelected = items.length > 0 && items.every((row) => selected.has(row.taskId));
  const chosenRows = items.filter((row) => selected.has(row.taskId));

  return (
    <Layout user={user} wide>
      <div className="inbox-title d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <h1 className="h4 mb-0">{t('inbox.title')}</h1>
        <BulkBar
          rows={chosenRows}
          results={results}
          onTake={() =>
            bulk(
              (row) => claim(row.taskId),
              t('bulk.taken'),
              (row) => (row.assignee ? t('inbox.assignedTo', { user: row.assignee }) : undefined),
            )
          }
          onAssign={(userId) => bulk((row) => assign(row.taskId, userId), t('bulk.assigned', { user: userId }))}
          onChanged={() => void load()}
        />
        <div className="d-flex flex-wrap align-items-center gap-2 ms-auto">
          <button
            type="button"
            className="btn btn-link btn-sm p-0"
            onClick={() => setHelp(true)}
            aria-haspopup="dialog"
          >
            {t('shortcuts.open')}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void load()}>
            {t('inbox.refresh')}
          </button>
        </div>
      </div>
      <Message text={error} />
      <form
        className="inbox-filters d-flex flex-wrap align-items-end gap-2 mb-2"
        aria-label={t('inbox.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setPage(0);
          // a new object even when nothing changed: applying the filters again loads the list again
          setFilters({ ...draft });
        }}
      >
        {(
          [
            ['queue', t('inbox.columns.queue'), queues, 'queue'],
            ['type', t('inbox.columns.type'), ['Q', 'PQ', 'A', 'I', 'PA', 'PI'], 'type'],
            [
              'channel',
              t('inbox.columns.channel'),
              ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'FAX'],
              'channel',
            ],
            ['language', t('inbox.language'), ['it', 'en', 'de', 'fr'], 'language'],
            ['priority', t('inbox.columns.priority'), ['1', '2', '3', '4'], 'priority'],
            ['sla', t('inbox.columns.sla'), ['ON_TRACK', 'AT_RISK', 'BREACHED'], 'sla'],
          ] as [keyof InboxFilters, string, readonly string[], CodeKind][]
        ).map(([key, text, values, kind]) => (
          <div key={key}>
            <label htmlFor={`filter-${key}`} className="visually-hidden">
              {text}
            </label>
            <select
              id={`filter-${key}`}
              className="form-select form-select-sm"
              value={draft[key] ?? ''}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value || undefined })}
            >
              <option value="">{`${text}: ${t('inbox.any').toLowerCase()}`}</option>
              {values.map((value) => (
                <option key={value} value={value}>
                  {label(kind, value)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div>
          <label htmlFor="filter-number" className="visually-hidden">
            {t('inbox.searchNumber')}
          </label>
          <input
            type="text"
            id="filter-number"
            className="form-control form-control-sm"
            placeholder={t('inbox.searchNumber')}
            size={14}
            value={draft.number ?? ''}
            onChange={(event) => setDraft({ ...draft, number: event.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="filter-requester" className="visually-hidden">
            {t('inbox.searchRequester')}
          </label>
          <input
            type="text"
            id="filter-requester"
            className="form-control form-control-sm"
            size={24}
            aria-describedby="filter-requester-hint"
            placeholder={t('inbox.searchRequester')}
            value={draft.requester ?? ''}
            onChange={(event) => setDraft({ ...draft, requester: event.target.value || undefined })}
          />
          <span id="filter-requester-hint" className="visually-hidden">
            {t('inbox.searchRequesterHint')}
          </span>
        </div>
        <div className="d-flex gap-1">
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
        {rows && rows.items.length > 0 && (
          <p className="visually-hidden">{t('inbox.total', { count: rows.totalElements })}</p>
        )}
      </div>
      {rows && rows.items.length > 0 && (
        <div className="table-responsive inbox-scroll">
          <table className="table table-sm table-hover align-middle inbox-table mb-2">
            <caption className="visually-hidden">{t('inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    className="inbox-check"
                    aria-label={t('bulk.selectAll')}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((row) => row.taskId)))}
                  />
                </th>
                <th scope="col">{t('inbox.columns.number')}</th>
                <th scope="col">{t('inbox.columns.task')}</th>
                <th scope="col">{t('inbox.columns.subject')}</th>
                <th scope="col">{t('inbox.columns.requester')}</th>
                <th scope="col">
                  {t('inbox.columns.type')} · {t('inbox.columns.channel')}
                </th>
                <th scope="col">{t('inbox.columns.queue')}</th>
                <th scope="col">{t('inbox.columns.priority')}</th>
                <th scope="col" title={t('inbox.waitHint')}>
                  {t('inbox.columns.age')}
                  <span className="visually-hidden"> ({t('inbox.waitHint')})</span>
                </th>
                <th scope="col">{t('inbox.columns.sla')}</th>
                <th scope="col">{t('inbox.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row, index) => (
                <tr
                  key={row.taskId}
                  data-ticket={row.number}
                  ref={(element) => {
                    rowRefs.current[index] = element;
                  }}
                  tabIndex={-1}
                  className={index === active ? 'inbox-active' : undefined}
                  onFocus={() => setActiveId(row.taskId)}
                >
                  <td>
                    <input
                      type="checkbox"
                      className="inbox-check"
                      aria-label={t('bulk.select', { number: row.number })}
                      checked={selected.has(row.taskId)}
                      onChange={() => toggle(row.taskId)}
                    />
                  </td>
                  <td>
                    <Link to={`/tasks/${row.taskId}`} aria-label={t('inbox.openSubject', { number: row.number })}>
                      {row.number}
                    </Link>
                    <UnreadBadge number={row.number} />
                  </td>
                  <td
                    className="inbox-ellipsis inbox-task"
                    title={t(`taskName.${row.taskKey}`, { defaultValue: row.taskName })}
                  >
                    {t(`taskName.${row.taskKey}`, { defaultValue: row.taskName })}
                  </td>
                  <td className="inbox-ellipsis inbox-subject">
                    {/* only tickets have a ticket page; a letter's or an article's task has no subject here */}
                    {row.subject && row.number?.startsWith('RS-') ? (
                      <Link to={`/tickets/${row.number}`} title={row.subject}>
                        {row.subject}
                      </Link>
                    ) : (
                      row.subject
                    )}
                  </td>
                  <td className="inbox-ellipsis inbox-requester" title={row.requesterName}>
                    {row.requesterName}
                  </td>
                  <td
                    className="inbox-ellipsis inbox-kind"
                    title={[row.type && label('type', row.type), row.channel && label('channel', row.channel)]
                      .filter(Boolean)
                      .join(' · ')}
                  >
                    {row.type && label('type', row.type)}
                    {row.channel && ` · ${label('channel', row.channel)}`}
                  </td>
                  <td className="inbox-ellipsis inbox-queue" title={row.queue && label('queue', row.queue)}>
                    {row.queue && label('queue', row.queue)}
                  </td>
                  <td title={row.priority ? t(`priority.${row.priority}`) : undefined}>
                    {row.priority && (
                      <>
                        <span aria-hidden="true">{row.priority}</span>
                        <span className="visually-hidden">{t(`priority.${row.priority}`)}</span>
                      </>
                    )}
                  </td>
                  <td data-wait>
                    {row.receivedAt
                      ? formatDuration(Date.now() - new Date(row.receivedAt).getTime(), t)
                      : formatDuration(Date.now() - new Date(row.createdAt).getTime(), t)}
                  </td>
                  <td className="inbox-sla" data-sla-cell>
                    <SlaBadge state={row.slaState} dueAt={row.slaDueAt ?? row.dueAt} />
                  </td>
                  <td>
                    {row.assignee === user.userId ? (
                      <div className="d-flex gap-1">
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
      {rows && (
        <Pager
          page={page}
          totalPages={rows.totalPages}
          onPage={setPage}
          label={t('inbox.page', { page: page + 1, pages: rows.totalPages })}
        />
      )}
      <p className="small text-muted mb-0">{t('shortcuts.hint')}</p>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </Layout>
  );
}
