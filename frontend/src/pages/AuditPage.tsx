import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError, type Me } from '../api';
import { answer, client } from '../client';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { calendarDate, calendarDateTime } from '../calendar';

/** The actions the audit trail records (backend `AuditEntry`), for the filter. */
const ACTIONS = [
  'READ',
  'READ_CONVERSATION',
  'READ_MAILS',
  'READ_DOCUMENT',
  'READ_HISTORY',
  'LIST',
  'SEARCH',
  'EXPORT',
  'CREATE',
  'CHANGE',
  'LOGIN',
  'LOGOUT',
  'GRANT',
  'REVOKE',
  'DEPLOY',
  'ENGINE',
] as const;

const PAGE_SIZE = 50;

interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  subject: string | null;
  outcome: string;
  reason: string | null;
  clientAddress: string | null;
}

interface AuditPageResponse {
  items: AuditRow[];
  page: number;
  totalElements: number;
  totalPages: number;
}

interface Verification {
  intact: boolean;
  rows: number;
  firstBadSeq: number | null;
  problem: string | null;
}

interface Filter {
  subject: string;
  user: string;
  action: string;
  from: string;
  to: string;
}

function query(filter: Filter, page?: number): string {
  const params = new URLSearchParams();
  Object.entries(filter).forEach(([name, value]) => value && params.set(name, value));
  if (page !== undefined) {
    params.set('page', String(page));
    params.set('size', String(PAGE_SIZE));
  }
  return params.toString();
}

/**
 * The audit trail for the data protection officer and the auditor: who read or changed whose data,
 * by person, user, action and period (days of the service calendar), exportable, with the chain's
 * verification.
 */
export function AuditPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const today = calendarDate(user.zone);
  const empty: Filter = { subject: '', user: '', action: '', from: `${today.slice(0, 8)}01`, to: today };
  const [draft, setDraft] = useState<Filter>(empty);
  const [filter, setFilter] = useState<Filter>(empty);
  const [page, setPage] = useState(0);
  const [result, setResult] = useState<AuditPageResponse>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [verification, setVerification] = useState<Verification>();
  const [verifying, setVerifying] = useState(false);

  useEffect(() => {
    let stale = false;
    answer(client.GET('/api/audit', { querySerializer: () => query(filter, page) })).then(
      (loaded) => {
        if (stale) return;
        setResult(loaded);
        setError(undefined);
        setFieldErrors([]);
      },
      (failure: unknown) => {
        if (stale) return;
        setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
        setFieldErrors(failure instanceof ApiError ? failure.errors : []);
      },
    );
    return () => {
      stale = true;
    };
  }, [filter, page, t]);

  const verify = () => {
    setVerifying(true);
    answer(client.GET('/api/audit/verify'))
      .then(setVerification, () => setError(t('errors.generic')))
      .finally(() => setVerifying(false));
  };

  const field = (name: keyof Filter, label: string, type = 'text') => (
    <div className="col-sm-6 col-md-2">
      <label htmlFor={`audit-${name}`} className="form-label">
        {label}
      </label>
      <input
        id={`audit-${name}`}
        type={type}
        className="form-control"
        value={draft[name]}
        onChange={(event) => setDraft((current) => ({ ...current, [name]: event.target.value }))}
      />
    </div>
  );

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form
        className="row g-3 align-items-end mb-3"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setPage(0);
          setFilter({ ...draft, subject: draft.subject.trim().toUpperCase(), user: draft.user.trim() });
        }}
      >
        {field('subject', t('audit.subject'))}
        {field('user', t('audit.user'))}
        <div className="col-sm-6 col-md-2">
          <label htmlFor="audit-action" className="form-label">
            {t('audit.action')}
          </label>
          <select
            id="audit-action"
            className="form-select"
            value={draft.action}
            onChange={(event) => setDraft((current) => ({ ...current, action: event.target.value }))}
          >
            <option value="">{t('activity.any')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`audit.actions.${action}`)}
              </option>
            ))}
          </select>
        </div>
        {field('from', t('activity.from'), 'date')}
        {field('to', t('activity.to'), 'date')}
        <div className="col-md-2 d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('audit.search')}
          </button>
          <a className="btn btn-outline-primary" href={`/api/audit/export.csv?${query(filter)}`} download>
            {t('audit.export')}
          </a>
        </div>
      </form>
      <section aria-labelledby="audit-chain" className="mb-3">
        <h2 id="audit-chain" className="h5">
          {t('audit.chain')}
        </h2>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={verify} disabled={verifying}>
          {t('audit.verify')}
        </button>
        <p role="status" className="mt-2 mb-0">
          {verification &&
            (verification.intact
              ? t('audit.intact', { rows: verification.rows.toLocaleString(i18n.language) })
              : t('audit.broken', {
                  seq: verification.firstBadSeq,
                  rows: verification.rows.toLocaleString(i18n.language),
                }))}
        </p>
      </section>
      <Message text={error} errors={fieldErrors} />
      {result && (
        <>
          <p role="status">{t('audit.found', { count: result.totalElements })}</p>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.at')}</th>
                  <th scope="col">{t('audit.user')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.columns.resource')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.columns.outcome')}</th>
                  <th scope="col">{t('audit.columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((row) => (
                  <tr key={row.seq}>
                    <td>{calendarDateTime(user.zone, row.at, i18n.language)}</td>
                    <td>{row.actor ?? t('audit.anonymous')}</td>
                    <td>{t(`audit.actions.${row.action}`, { defaultValue: row.action })}</td>
                    <td>{[row.resourceType, row.resourceId].filter(Boolean).join(' ')}</td>
                    <td>{row.subject ?? '—'}</td>
                    <td>{t(`audit.outcomes.${row.outcome}`, { defaultValue: row.outcome })}</td>
                    <td>{row.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.totalPages > 1 && (
            <nav aria-label={t('audit.pages')} className="d-flex align-items-center gap-2">
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-disabled={page === 0}
                onClick={() => page > 0 && setPage(page - 1)}
              >
                {t('audit.previous')}
              </button>
              <span aria-live="polite">{t('audit.page', { page: page + 1, pages: result.totalPages })}</span>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                aria-disabled={page + 1 >= result.totalPages}
                onClick={() => page + 1 < result.totalPages && setPage(page + 1)}
              >
                {t('audit.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </Layout>
  );
}
