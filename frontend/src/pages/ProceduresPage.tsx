import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procedures, type Me, type Procedure } from '../api';
import { calendarDateTime } from '../calendar';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';

const COCKPIT = '/camunda/app/cockpit/default/';

/** The analysts' landing: the procedures in service, with the way into Cockpit for each. */
export function ProceduresPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Procedure[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    procedures().then(setRows, () => setError(t('errors.generic')));
  }, [t]);

  return (
    <Layout user={user}>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 className="h2 mb-0">{t('procedures.title')}</h1>
        <a className="btn btn-primary btn-sm" href={COCKPIT}>
          {t('procedures.cockpit')}
        </a>
      </div>
      <p>{t('procedures.intro')}</p>
      <Message text={error} />
      {rows?.length === 0 && <p>{t('procedures.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('procedures.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('procedures.name')}</th>
                <th scope="col">{t('procedures.key')}</th>
                <th scope="col" className="text-end">
                  {t('procedures.version')}
                </th>
                <th scope="col">{t('procedures.deployedAt')}</th>
                <th scope="col" className="text-end">
                  {t('procedures.running')}
                </th>
                <th scope="col" className="text-end">
                  {t('procedures.incidents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-procedure={row.key}>
                  <td>
                    <a
                      href={`${COCKPIT}#/process-definition/${encodeURIComponent(row.definitionId)}`}
                      aria-label={t('procedures.openInCockpit', { name: row.name })}
                    >
                      {row.name}
                    </a>
                    {row.suspended && <span className="badge bg-secondary ms-2">{t('procedures.suspended')}</span>}
                  </td>
                  <td>
                    <code>{row.key}</code>
                  </td>
                  <td className="text-end">
                    {row.version}
                    {row.versionTag && <> ({row.versionTag})</>}
                  </td>
                  <td>{row.deployedAt ? calendarDateTime(user.zone, row.deployedAt, i18n.language) : '—'}</td>
                  <td className="text-end">{row.running}</td>
                  <td className={`text-end${row.incidents > 0 ? ' text-danger fw-bold' : ''}`}>{row.incidents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
