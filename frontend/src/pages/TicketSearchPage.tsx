import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  ApiError,
  deleteTicketView,
  saveTicketView,
  searchTickets,
  ticketViews,
  type FieldError,
  type Me,
  type TicketSearchPage as SearchPage,
  type TicketView,
} from '../api';
import { calendarDateTime } from '../calendar';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { mayReadContacts } from '../navigation';

/** Where the last search is kept for the tab's session, so that coming back finds it. */
export const STORAGE_KEY = 'sportello.ticketSearch';

const PAGE_SIZE = 25;
const STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'WAITING_FOR_OFFICE', 'CLOSED'];
const QUEUES = ['general', 'payments', 'privacy', 'technical'];
const CHANNELS = ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'CHATBOT', 'API', 'FAX', 'SOCIAL'];
const TYPES = ['Q', 'PQ', 'A', 'I', 'PA', 'PI', 'B'];
/** The filters of the form, as the API names them; the URL carries them too. */
const FILTERS = [
  'number',
  'q',
  'requester',
  'fiscalCode',
  'email',
  'status',
  'queue',
  'channel',
  'type',
  'open',
  'mine',
  'unassigned',
  'breached',
  'receivedFrom',
  'receivedTo',
] as const;
/** The filters folded under "more filters" (opened when one of them is set). */
const MORE = [
  'channel',
  'type',
  'requester',
  'fiscalCode',
  'email',
  'breached',
  'receivedFrom',
  'receivedTo',
  'open',
] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type SortKey = 'number' | 'received' | 'priority' | 'status' | 'due';
const DEFAULT_SORT = '-received';

/** The filters in a query string (page, size and sort left out). */
export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The query string of filters, an order and a page; empty values and defaults left out. */
export function queryOf(filters: Filters, sort: string, page = 0): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (page > 0) params.set('page', String(page));
  return params;
}

/** Filters on a citizen's personal data are never saved in a view. */
const savable = (filters: Filters): Record<string, string> =>
  Object.fromEntries(Object.entries(filters).filter(([name]) => name !== 'fiscalCode' && name !== 'email')) as Record<
    string,
    string
  >;

const sameFilters = (a: Filters, b: Record<string, string>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as Record<string, string | undefined>)[key] === b[key]);
};

/** Search across tickets: views with their counts, a filter form, a compact sortable table. */
export function TicketSearchPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('ticketSearch.title'));
  const [params, setParams] = useSearchParams();
  const [restored, setRestored] = useState(false);
  const filters = useMemo(() => filtersOf(params), [params]);
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const page = Number(params.get('page') ?? '0') || 0;
  const [draft, setDraft] = useState<Filters>(filters);
  const [result, setResult] = useState<SearchPage>();
  const [views, setViews] = useState<TicketView[]>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string>();
  const [viewName, setViewName] = useState('');
  const [shareView, setShareView] = useState(false);
  const personalData = mayReadContacts(user);
  const moreCount = MORE.filter((name) => filters[name]).length;
  const [moreOpen, setMoreOpen] = useState(moreCount > 0);
  useEffect(() => {
    if (moreCount > 0) setMoreOpen(true);
  }, [moreCount]);
  const managesShared = user.roles.includes('SUPERVISOR') || user.roles.includes('ADMIN');

  // coming back without a query: the last search of this tab's session
  useEffect(() => {
    if (params.toString() === '') {
      const stored = sessionStorage.getItem(STORAGE_KEY);
      if (stored) setParams(new URLSearchParams(stored), { replace: true });
    }
    setRestored(true);
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (restored) {
      // a citizen's fiscal code or e-mail is not kept in the browser's storage
      const kept = new URLSearchParams(params);
      kept.delete('fiscalCode');
      kept.delete('email');
      sessionStorage.setItem(STORAGE_KEY, kept.toString());
    }
    setDraft(filtersOf(params));
  }, [params, restored]);

  useEffect(() => {
    if (!restored) return;
    let current = true;
    const query = new URLSearchParams(params);
    query.set('size', String(PAGE_SIZE));
    setResult(undefined);
    searchTickets(query).then(
      (found) => {
        if (!current) return;
        setResult(found);
        setError(undefined);
        setFieldErrors([]);
      },
      (failure: unknown) => {
        if (!current) return;
        setResult({ items: [], page: 0, size: PAGE_SIZE, total: 0, totalExact: true, sort });
        if (failure instanceof ApiError && failure.status === 400) {
          setError(t('ticketSearch.badFilters'));
          setFieldErrors(failure.errors);
        } else {
          setError(t('errors.generic'));
          setFieldErrors([]);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [params, restored, sort, t]);

  const loadViews = useCallback(() => {
    ticketViews().then(setViews, () => setViews([]));
  }, []);
  useEffect(loadViews, [loadViews]);

  const go = (next: Filters, nextSort = sort, nextPage = 0) => setParams(queryOf(next, nextSort, nextPage));

  function submit(event: FormEvent) {
    event.preventDefault();
    go(draft);
  }

  function sortBy(key: SortKey) {
    const [current, descending] = sort.startsWith('-') ? [sort.slice(1), true] : [sort, false];
    const next = current === key ? (descending ? key : `-${key}`) : key === 'received' ? '-received' : key;
    go(filters, next, 0);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    try {
      await saveTicketView(viewName.trim(), shareView, savable(filters), sort);
      setNotice(t('ticketSearch.saved', { name: viewName.trim() }));
      setViewName('');
      setError(undefined);
      setFieldErrors([]);
      loadViews();
    } catch (failure) {
      setError(t('ticketSearch.notSaved'));
      setFieldErrors(failure instanceof ApiError ? failure.errors : []);
    }
  }

  async function remove(view: TicketView) {
    try {
      await deleteTicketView(view.id);
      setNotice(t('ticketSearch.deleted', { name: view.name }));
      loadViews();
    } catch {
      setError(t('errors.generic'));
    }
  }

  const viewName_ = (view: TicketView) => (view.kind === 'BUILT_IN' ? t(`ticketSearch.views.${view.name}`) : view.name);
  const count = (value: number, exact: boolean) =>
    exact
      ? value.toLocaleString(i18n.language)
      : t('ticketSearch.atLeast', { formatted: value.toLocaleString(i18n.language) });
  const when = (value?: string | null) => (value ? calendarDateTime(user.zone, value, i18n.language) : '');

  const header = (key: SortKey | null, label: string) => {
    if (!key)
      return (
        <th scope="col" className="py-1">
          {label}
        </th>
      );
    const active = sort === key || sort === `-${key}`;
    const ariaSort = active ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
    return (
      <th scope="col" className="py-1" aria-sort={ariaSort}>
        <button
          type="button"
          className="btn btn-link btn-sm p-0 text-nowrap fw-semibold"
          style={{ fontSize: 'inherit' }}
          onClick={() => sortBy(key)}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.startsWith('-') ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  const select = (name: 'status' | 'queue' | 'channel' | 'type', values: string[], labels: string) => (
    <div className="col-6 col-md-3 col-xl-2">
      <label htmlFor={`search-${name}`} className="form-label small mb-0">
        {t(`ticketSearch.filters.${name}`)}
      </label>
      <select
        id={`search-${name}`}
        className="form-select form-select-sm"
        value={draft[name] ?? ''}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value || undefined })}
      >
        <option value="">{t('ticketSearch.any')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`${labels}.${value}`, { defaultValue: value })}
          </option>
        ))}
      </select>
    </div>
  );

  const text = (
    name: 'number' | 'q' | 'requester' | 'fiscalCode' | 'email',
    type = 'text',
    columns = 'col-6 col-md-3 col-xl-2',
  ) => (
    <div className={columns}>
      <label htmlFor={`search-${name}`} className="form-label small mb-0">
        {t(`ticketSearch.filters.${name}`)}
      </label>
      <input
        id={`search-${name}`}
        type={type}
        className="form-control form-control-sm"
        value={draft[name] ?? ''}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value || undefined })}
      />
    </div>
  );

  const date = (name: 'receivedFrom' | 'receivedTo') => (
    <div className="col-6 col-md-3 col-xl-2">
      <label htmlFor={`search-${name}`} className="form-label small mb-0">
        {t(`ticketSearch.filters.${name}`)}
      </label>
      <input
        id={`search-${name}`}
        type="date"
        className="form-control form-control-sm"
        value={draft[name] ?? ''}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value || undefined })}
      />
    </div>
  );

  const activeView = views?.find((view) => sameFilters(filters, view.filters) && (view.sort ?? DEFAULT_SORT) === sort);
  const lastPage = result ? Math.max(0, Math.ceil(result.total / PAGE_SIZE) - 1) : 0;
  const hasNext = result ? (result.totalExact ? page < lastPage : result.items.length === PAGE_SIZE) : false;

  return (
    <Layout user={user}>
      <h1 className="h4 mb-1">{t('ticketSearch.title')}</h1>
      <div className="row g-3">
        <nav className="col-12 col-lg-2" aria-labelledby="views-heading">
          <h2 id="views-heading" className="h6">
            {t('ticketSearch.viewsTitle')}
          </h2>
          <ul className="list-unstyled mb-0 small">
            {views?.map((view) => (
              <li key={view.id} className="d-flex align-items-center gap-1 mb-1">
                <button
                  type="button"
                  className={`btn btn-sm text-start flex-grow-1 d-flex justify-content-between ${
                    activeView?.id === view.id ? 'btn-primary' : 'btn-outline-primary'
                  }`}
                  aria-current={activeView?.id === view.id ? 'true' : undefined}
                  onClick={() => go(view.filters as Filters, view.sort ?? DEFAULT_SORT)}
                >
                  <span>{viewName_(view)}</span>
                  {view.countKnown === false ? (
                    <span
                      className="badge bg-light text-dark ms-2"
                      aria-label={t('ticketSearch.viewCountUnknown')}
                      title={t('ticketSearch.viewCountUnknown')}
                    >
                      ?
                    </span>
                  ) : (
                    <span
                      className="badge bg-light text-dark ms-2"
                      aria-label={t('ticketSearch.viewCount', {
                        count: view.count,
                        formatted: count(view.count, view.countExact),
                      })}
                    >
                      {count(view.count, view.countExact)}
                    </span>
                  )}
                </button>
                {view.mayDelete && (
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-danger"
                    aria-label={t('ticketSearch.deleteView', { name: view.name })}
                    onClick={() => void remove(view)}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <div className="col-12 col-lg-10" style={{ minWidth: 0 }}>
          <form className="mb-2" aria-label={t('ticketSearch.filtersLabel')} onSubmit={submit}>
            <div className="row g-2 align-items-end">
              {text('number', 'text', 'col-6 col-md-3 col-xl-2')}
              {text('q', 'search', 'col-6 col-md-3 col-xl-3')}
              {select('status', STATUSES, 'status')}
              {select('queue', QUEUES, 'intake.topics')}
              <div className="col-12 col-md-3 col-xl-3 d-flex gap-2">
                <button type="submit" className="btn btn-primary btn-sm">
                  {t('ticketSearch.search')}
                </button>
                <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => go({}, DEFAULT_SORT)}>
                  {t('ticketSearch.reset')}
                </button>
              </div>
            </div>
            <details
              className="mt-1"
              open={moreOpen}
              onToggle={(event) => setMoreOpen((event.target as HTMLDetailsElement).open)}
            >
              <summary className="small text-primary">
                {t('ticketSearch.more')}
                {moreCount > 0 && ` (${moreCount})`}
              </summary>
              <div className="row g-2 align-items-end">
                {select('channel', CHANNELS, 'intake.channels')}
                {select('type', TYPES, 'intake.types')}
                {text('requester')}
                {personalData && text('fiscalCode')}
                {personalData && text('email', 'email')}
                <div className="col-6 col-md-3 col-xl-2">
                  <label htmlFor="search-breached" className="form-label small mb-0">
                    {t('ticketSearch.filters.breached')}
                  </label>
                  <select
                    id="search-breached"
                    className="form-select form-select-sm"
                    value={draft.breached ?? ''}
                    onChange={(event) => setDraft({ ...draft, breached: event.target.value || undefined })}
                  >
                    <option value="">{t('ticketSearch.any')}</option>
                    <option value="true">{t('ticketSearch.yes')}</option>
                    <option value="false">{t('ticketSearch.no')}</option>
                  </select>
                </div>
                {date('receivedFrom')}
                {date('receivedTo')}
                <div className="col-6 col-md-3 col-xl-2">
                  <div className="form-check mb-1">
                    <input
                      id="search-open"
                      type="checkbox"
                      className="form-check-input"
                      checked={draft.open === 'true'}
                      onChange={(event) => setDraft({ ...draft, open: event.target.checked ? 'true' : undefined })}
                    />
                    <label htmlFor="search-open" className="form-check-label small">
                      {t('ticketSearch.filters.open')}
                    </label>
                  </div>
                </div>
              </div>
            </details>
          </form>
          <Message text={error} errors={fieldErrors} />
          <Message kind="success" text={notice} />
          <div aria-live="polite" className="small mb-1">
            {!result && t('ticketSearch.loading')}
            {result && result.items.length === 0 && !error && t('ticketSearch.empty')}
            {result && result.items.length > 0 && (
              <span>
                {result.totalExact
                  ? t('ticketSearch.total', { count: result.total })
                  : t('ticketSearch.totalAtLeast', { formatted: result.total.toLocaleString(i18n.language) })}
              </span>
            )}
          </div>
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by the keyboard (axe: scrollable-region-focusable) */}
          <div className="table-responsive" tabIndex={0} aria-labelledby="search-caption">
            <table
              className="table table-sm table-hover align-middle mb-1 text-nowrap"
              style={{ fontSize: '0.85rem', lineHeight: 1.2 }}
            >
              <caption id="search-caption" className="visually-hidden">
                {t('ticketSearch.caption')}
              </caption>
              <thead>
                <tr>
                  {header('number', t('ticketSearch.columns.number'))}
                  {header(null, t('ticketSearch.columns.subject'))}
                  {header(null, t('ticketSearch.columns.requester'))}
                  {header('status', t('ticketSearch.columns.status'))}
                  {header(null, t('ticketSearch.columns.queue'))}
                  {header(null, t('ticketSearch.columns.channel'))}
                  {header(null, t('ticketSearch.columns.type'))}
                  {header('priority', t('ticketSearch.columns.priority'))}
                  {header('received', t('ticketSearch.columns.received'))}
                  {header('due', t('ticketSearch.columns.due'))}
                  {header(null, t('ticketSearch.columns.assignee'))}
                </tr>
              </thead>
              <tbody>
                {result?.items.map((row) => (
                  <tr key={row.number} data-ticket={row.number}>
                    <td className="py-1">
                      <Link to={`/tickets/${row.number}`}>{row.number}</Link>
                    </td>
                    <td className="text-truncate py-1" style={{ maxWidth: '22rem' }} title={row.subject}>
                      {row.subject}
                    </td>
                    <td className="py-1">{row.requesterName}</td>
                    <td className="py-1">{t(`status.${row.status}`, { defaultValue: row.status })}</td>
                    <td className="py-1">
                      {row.queue ? t(`intake.topics.${row.queue}`, { defaultValue: row.queue }) : ''}
                    </td>
                    <td className="py-1">{t(`intake.channels.${row.channel}`, { defaultValue: row.channel })}</td>
                    <td className="py-1">{t(`intake.types.${row.type}`, { defaultValue: row.type })}</td>
                    <td className="py-1">
                      {row.priority ? t(`priority.${row.priority}`, { defaultValue: String(row.priority) }) : ''}
                    </td>
                    <td className="py-1">{when(row.receivedAt)}</td>
                    <td className="py-1">
                      {when(row.resolutionDueAt)}
                      {row.breached && <span className="badge bg-danger ms-1">{t('ticketSearch.breached')}</span>}
                    </td>
                    <td className="py-1">{row.assignee ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="d-flex align-items-center gap-2 mb-3" aria-label={t('ticketSearch.paging')}>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={page === 0}
              onClick={() => go(filters, sort, page - 1)}
            >
              {t('ticketSearch.previous')}
            </button>
            <span className="small">{t('ticketSearch.page', { page: page + 1 })}</span>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              disabled={!hasNext}
              onClick={() => go(filters, sort, page + 1)}
            >
              {t('ticketSearch.next')}
            </button>
          </nav>
          <form
            className="row g-2 align-items-end"
            aria-label={t('ticketSearch.saveLabel')}
            onSubmit={(event) => void save(event)}
          >
            <div className="col-12 col-md-4">
              <label htmlFor="view-name" className="form-label small mb-0">
                {t('ticketSearch.viewName')}
              </label>
              <input
                id="view-name"
                className="form-control form-control-sm"
                required
                maxLength={100}
                value={viewName}
                onChange={(event) => setViewName(event.target.value)}
              />
            </div>
            {managesShared && (
              <div className="col-6 col-md-2">
                <div className="form-check mb-1">
                  <input
                    id="view-shared"
                    type="checkbox"
                    className="form-check-input"
                    checked={shareView}
                    onChange={(event) => setShareView(event.target.checked)}
                  />
                  <label htmlFor="view-shared" className="form-check-label small">
                    {t('ticketSearch.shared')}
                  </label>
                </div>
              </div>
            )}
            <div className="col-6 col-md-3">
              <button type="submit" className="btn btn-outline-primary btn-sm">
                {t('ticketSearch.saveView')}
              </button>
            </div>
          </form>
        </div>
      </div>
    </Layout>
  );
}
