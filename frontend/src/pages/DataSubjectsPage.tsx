import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError, type Me } from '../api';
import { answer as answerOf, client, type NullableIn } from '../client';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { calendarDateTime } from '../calendar';

type Schemas = components['schemas'];
/** A contact found by fiscal code, e-mail or phone. */
type Match = Schemas['Match'];

/** What a request did: a JSON document the job writes (the API gives it as JSON, without a schema). */
interface Outcome {
  contents?: Record<string, number>;
  erased?: { kind: string; count: number }[];
  kept?: { kind: string; ref: string; reason: string }[];
  residual?: { table: string; column: string; rows: number }[];
}

/** A request as a background job, its outcome read as {@link Outcome}; null until it is there. */
export type Job = NullableIn<
  Omit<Schemas['Job'], 'outcome' | 'links'>,
  'finishedAt' | 'answeredBy' | 'answeredAt' | 'error' | 'archiveSize' | 'reminderAt' | 'step'
> & {
  outcome: Outcome | null;
  links: NullableIn<Schemas['Links'], 'archive'>;
};

interface Search {
  fiscalCode: string;
  email: string;
  phone: string;
}

const POLL_MS = 3000;

/**
 * The data subject's rights for the data protection officer: find the person by fiscal code,
 * e-mail or phone, start an access export or an erasure, follow its progress and deadline, read
 * what was erased and what was kept and why, download the export and record the answer.
 */
export function DataSubjectsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState<Search>({ fiscalCode: '', email: '', phone: '' });
  const [matches, setMatches] = useState<Match[]>();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<string>();

  const fail = useCallback(
    (failure: unknown) => {
      setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
      setFieldErrors(failure instanceof ApiError ? failure.errors : []);
    },
    [t],
  );

  const load = useCallback(
    () => answerOf(client.GET('/api/data-subject-requests')).then((loaded) => setJobs(loaded as Job[]), fail),
    [fail],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const working = jobs.some((job) => job.state === 'QUEUED' || job.state === 'RUNNING');
  useEffect(() => {
    if (!working) return undefined;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [working, load]);

  const find = (event: React.FormEvent) => {
    event.preventDefault();
    const query = Object.fromEntries(
      Object.entries(search)
        .map(([name, value]) => [name, value.trim()])
        .filter(([, value]) => value),
    ) as Partial<Search>;
    setError(undefined);
    setFieldErrors([]);
    answerOf(client.GET('/api/data-subjects', { params: { query } })).then((found) => {
      setMatches(found);
      setStatus(t('dataSubjects.found', { count: found.length }));
    }, fail);
  };

  const start = (fiscalCode: string, kind: 'export' | 'erasure') => {
    if (kind === 'erasure' && !window.confirm(t('dataSubjects.confirmErasure', { fiscalCode }))) return;
    answerOf(
      kind === 'export'
        ? client.POST('/api/data-subjects/{fiscalCode}/export', { params: { path: { fiscalCode } } })
        : client.POST('/api/data-subjects/{fiscalCode}/erasure', { params: { path: { fiscalCode } } }),
    ).then((job) => {
      setStatus(t('dataSubjects.started', { id: job.id }));
      void load();
    }, fail);
  };

  const answer = (job: Job) =>
    answerOf(client.POST('/api/data-subject-requests/{id}/answer', { params: { path: { id: job.id } } })).then(() => {
      setStatus(t('dataSubjects.answeredStatus', { id: job.id }));
      void load();
    }, fail);

  const when = (value: string | null) => (value ? calendarDateTime(user.zone, value, i18n.language) : '—');

  const input = (name: keyof Search, type = 'text') => (
    <div className="col-sm-6 col-md-3">
      <label htmlFor={`dsr-${name}`} className="form-label">
        {t(`dataSubjects.${name}`)}
      </label>
      <input
        id={`dsr-${name}`}
        type={type}
        className="form-control"
        value={search[name]}
        onChange={(event) => setSearch((current) => ({ ...current, [name]: event.target.value }))}
      />
    </div>
  );

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('dataSubjects.title')}</h1>
      <p>{t('dataSubjects.intro')}</p>
      <form className="row g-3 align-items-end mb-3" aria-label={t('dataSubjects.find')} onSubmit={find}>
        {input('fiscalCode')}
        {input('email', 'email')}
        {input('phone', 'tel')}
        <div className="col-md-3">
          <button type="submit" className="btn btn-primary">
            {t('dataSubjects.find')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
      <Message text={error} errors={fieldErrors} />
      {matches && matches.length > 0 && (
        <section aria-labelledby="dsr-matches" className="mb-4">
          <h2 id="dsr-matches" className="h5">
            {t('dataSubjects.matches')}
          </h2>
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">{t('dataSubjects.name')}</th>
                <th scope="col">{t('dataSubjects.fiscalCode')}</th>
                <th scope="col">{t('dataSubjects.email')}</th>
                <th scope="col">{t('dataSubjects.phone')}</th>
                <th scope="col">{t('dataSubjects.tickets')}</th>
                <th scope="col">{t('dataSubjects.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((match) => (
                <tr key={match.contactId}>
                  <td>
                    {match.name ?? '—'}
                    {match.mergedIntoId !== null && (
                      <span className="d-block small">{t('dataSubjects.mergedInto', { id: match.mergedIntoId })}</span>
                    )}
                  </td>
                  <td>{match.fiscalCode ?? '—'}</td>
                  <td>{match.email ?? '—'}</td>
                  <td>{match.phone ?? '—'}</td>
                  <td>{match.tickets}</td>
                  <td>
                    {match.fiscalCode ? (
                      <div className="d-flex gap-2">
                        <button
                          type="button"
                          className="btn btn-outline-primary btn-sm"
                          onClick={() => start(match.fiscalCode!, 'export')}
                        >
                          {t('dataSubjects.export')}
                        </button>
                        <button
                          type="button"
                          className="btn btn-outline-danger btn-sm"
                          onClick={() => start(match.fiscalCode!, 'erasure')}
                        >
                          {t('dataSubjects.erasure')}
                        </button>
                      </div>
                    ) : (
                      t('dataSubjects.noFiscalCode')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="dsr-requests">
        <h2 id="dsr-requests" className="h5">
          {t('dataSubjects.requests')}
        </h2>
        {jobs.length === 0 ? (
          <p>{t('dataSubjects.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {jobs.map((job) => (
              <li key={job.id} className="border rounded p-3 mb-3">
                <h3 className="h6">
                  {t(`dataSubjects.kinds.${job.kind}`)} —{' '}
                  {job.subject.startsWith('sha256:') ? t('dataSubjects.erasedPerson') : job.subject}
                </h3>
                <p className="mb-1">
                  {t(`dataSubjects.states.${job.state}`)}
                  {job.overdue && <strong className="ms-2 text-danger">{t('dataSubjects.overdue')}</strong>}
                </p>
                {(job.state === 'QUEUED' || job.state === 'RUNNING') && (
                  <div
                    className="progress mb-2"
                    role="progressbar"
                    aria-label={t('dataSubjects.progress')}
                    aria-valuenow={job.progress}
                    aria-valuemin={0}
                    aria-valuemax={100}
                  >
                    <div className="progress-bar" style={{ width: `${job.progress}%` }}>
                      {job.progress}%
                    </div>
                  </div>
                )}
                <p className="small mb-2">
                  {t('dataSubjects.requestedBy', { user: job.requestedBy, at: when(job.requestedAt) })} ·{' '}
                  {t('dataSubjects.dueAt', { at: when(job.dueAt) })}
                  {job.answeredAt && (
                    <> · {t('dataSubjects.answeredAt', { user: job.answeredBy ?? '—', at: when(job.answeredAt) })}</>
                  )}
                </p>
                {job.error && <p className="text-danger">{job.error}</p>}
                {job.outcome?.erased && job.outcome.erased.length > 0 && (
                  <>
                    <h4 className="h6">{t('dataSubjects.erasedTitle')}</h4>
                    <ul>
                      {job.outcome.erased
                        .filter((item) => item.count > 0)
                        .map((item) => (
                          <li key={item.kind}>
                            {item.kind}: {item.count}
                          </li>
                        ))}
                    </ul>
                  </>
                )}
                {job.outcome?.kept && job.outcome.kept.length > 0 && (
                  <>
                    <h4 className="h6">{t('dataSubjects.keptTitle')}</h4>
                    <ul>
                      {job.outcome.kept.map((item) => (
                        <li key={`${item.kind}-${item.ref}`}>
                          <strong>
                            {item.kind} {item.ref}
                          </strong>
                          : {item.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <div className="d-flex gap-2">
                  {job.links.archive && (
                    <a className="btn btn-outline-primary btn-sm" href={job.links.archive} download>
                      {t('dataSubjects.download')}
                    </a>
                  )}
                  {job.state === 'DONE' && (
                    <button type="button" className="btn btn-primary btn-sm" onClick={() => void answer(job)}>
                      {t('dataSubjects.answer')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
