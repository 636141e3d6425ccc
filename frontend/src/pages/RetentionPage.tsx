import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Me } from '../api';
import { answer, client } from '../client';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { calendarDateTime } from '../calendar';

type Report = components['schemas']['RetentionReport'];

/**
 * Retention for the data protection officer and administrators: per kind of data its period, what
 * the next nightly run would delete or anonymise (count, oldest), and what is never removed;
 * administrators may run the job now.
 */
export function RetentionPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [running, setRunning] = useState(false);
  const [reload, setReload] = useState(0);
  const admin = user.roles.includes('ADMIN');

  useEffect(() => {
    let stale = false;
    answer(client.GET('/api/retention')).then(
      (loaded) => !stale && setReport(loaded),
      (failure: unknown) => !stale && setError(failure instanceof ApiError ? failure.detail : t('errors.generic')),
    );
    return () => {
      stale = true;
    };
  }, [t, reload]);

  const run = () => {
    setRunning(true);
    setDone(undefined);
    answer(client.POST('/api/retention/run'))
      .then(
        (outcome) => {
          const removed = outcome.kinds.reduce((sum, kind) => sum + kind.removed, 0);
          setDone(outcome.ran ? t('retention.ran', { count: removed }) : t('retention.busy'));
          setReload((value) => value + 1);
        },
        (failure: unknown) => setError(failure instanceof ApiError ? failure.detail : t('errors.generic')),
      )
      .finally(() => setRunning(false));
  };

  const number = (value: number) => value.toLocaleString(i18n.language);

  return (
    <Layout user={user} wide>
      <h1 className="h2">{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <Message text={error} />
      <Message kind="success" text={done} />
      {admin && (
        <p>
          <button type="button" className="btn btn-primary" onClick={run} disabled={running}>
            {t('retention.run')}
          </button>
        </p>
      )}
      {report && (
        <>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('retention.caption', { at: calendarDateTime(user.zone, report.at, i18n.language) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.columns.kind')}</th>
                  <th scope="col">{t('retention.columns.action')}</th>
                  <th scope="col">{t('retention.columns.period')}</th>
                  <th scope="col">{t('retention.columns.count')}</th>
                  <th scope="col">{t('retention.columns.oldest')}</th>
                </tr>
              </thead>
              <tbody>
                {report.kinds.map((kind) => (
                  <tr key={kind.kind}>
                    <th scope="row">{t(`retention.kinds.${kind.kind}`, { defaultValue: kind.kind })}</th>
                    <td>{t(`retention.actions.${kind.action}`)}</td>
                    <td>
                      {kind.periodDays == null
                        ? t('retention.perProcess')
                        : t('retention.days', { count: kind.periodDays })}
                    </td>
                    <td>{number(kind.count)}</td>
                    <td>{kind.oldest ? calendarDateTime(user.zone, kind.oldest, i18n.language) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="h4">{t('retention.keptTitle')}</h2>
          <ul>
            {report.kept.map((kept) => (
              <li key={kept.what}>
                {t(`retention.kept.${kept.what}`, { defaultValue: kept.why })}: {number(kept.count)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
