import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slaReport, type Me, type SlaReport } from '../api';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { ServiceLevelsDeliveries } from './ServiceLevelsDeliveries';

function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

const STATUS_CLASS: Record<string, string> = {
  MET: 'badge bg-success',
  MISSED: 'badge bg-danger',
  NO_DATA: 'badge bg-secondary',
};

/** The monthly contract service levels: values against (adjusted) thresholds, penalties, exports. */
export function ServiceLevelsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(currentMonth());
  const [report, setReport] = useState<SlaReport | null>(null);
  const [error, setError] = useState<string | undefined>();
  const number = (value: number | undefined | null, digits = 2) =>
    value == null
      ? '—'
      : value.toLocaleString(i18n.language, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    slaReport(month)
      .then((loaded) => !cancelled && setReport(loaded))
      .catch(() => !cancelled && setError(t('errors.generic')));
    return () => {
      cancelled = true;
    };
  }, [month, t]);

  return (
    <Layout user={user}>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-3 mb-3">
        <h1 className="h2 mb-0">{t('serviceLevels.title')}</h1>
        <div className="d-flex align-items-end gap-3">
          <div>
            <label htmlFor="sla-month" className="form-label">
              {t('serviceLevels.month')}
            </label>
            <input
              id="sla-month"
              type="month"
              className="form-control"
              value={month}
              onChange={(event) => event.target.value && setMonth(event.target.value)}
            />
          </div>
          <a className="btn btn-outline-primary btn-sm" href={`/api/reports/sla.xlsx?month=${month}`} download>
            {t('serviceLevels.excel')}
          </a>
          <a className="btn btn-outline-primary btn-sm" href={`/api/reports/sla.csv?month=${month}`} download>
            {t('serviceLevels.csv')}
          </a>
        </div>
      </div>
      <Message text={error} />
      {report && (
        <>
          {!report.complete && <p className="text-muted">{t('serviceLevels.partial')}</p>}
          <div className="table-responsive">
            <table className="table align-middle" id="service-levels">
              <caption>{t('serviceLevels.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('serviceLevels.code')}</th>
                  <th scope="col">{t('serviceLevels.description')}</th>
                  <th scope="col">{t('serviceLevels.threshold')}</th>
                  <th scope="col">{t('serviceLevels.adjusted')}</th>
                  <th scope="col">{t('serviceLevels.value')}</th>
                  <th scope="col">{t('serviceLevels.met')}</th>
                  <th scope="col">{t('serviceLevels.missed')}</th>
                  <th scope="col">{t('serviceLevels.excluded')}</th>
                  <th scope="col">{t('serviceLevels.result')}</th>
                  <th scope="col">{t('serviceLevels.penalty')}</th>
                </tr>
              </thead>
              <tbody>
                {report.slas.map((sla) => (
                  <tr key={sla.code} data-sla={sla.code} className={sla.status === 'MISSED' ? 'table-danger' : undefined}>
                    <th scope="row">{sla.code}</th>
                    <td>{sla.description}</td>
                    <td>{number(sla.threshold, 0)}</td>
                    <td>{number(sla.adjustedThreshold, 0)}</td>
                    <td data-figure="value">
                      <strong>{number(sla.value)}</strong>
                    </td>
                    <td>{sla.met}</td>
                    <td>
                      {sla.missed > 0 ? (
                        <span title={t('serviceLevels.missedTickets')}>{sla.missed}</span>
                      ) : (
                        sla.missed
                      )}
                    </td>
                    <td>{sla.excluded}</td>
                    <td data-figure="status">
                      <span className={STATUS_CLASS[sla.status] ?? 'badge bg-secondary'}>
                        {t(`serviceLevels.status_${sla.status}`)}
                      </span>
                    </td>
                    <td>{number(sla.penalty)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={9}>
                    {t('serviceLevels.total')}
                  </th>
                  <td data-figure="totalPenalty">
                    <strong>{number(report.totalPenalty)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      <ServiceLevelsDeliveries user={user} />
    </Layout>
  );
}
