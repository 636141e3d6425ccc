import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slaReport, type Me, type SlaFigures, type SlaReport } from '../api';
import { Layout } from '../components/Layout';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable, Figure } from '../components/ChartFigure';
import { Message } from '../components/Message';
import { SlaDetail } from '../components/SlaDetail';
import { mayReadContacts } from '../navigation';
import { ServiceLevelsDeliveries } from './ServiceLevelsDeliveries';
import { calendarMonth } from '../calendar';

const STATUS_CLASS: Record<string, string> = {
  MET: 'badge bg-success',
  MISSED: 'badge bg-danger',
  NO_DATA: 'badge bg-secondary',
};

/** Bootstrap Italia's primary blue and a dark red: both at least 4.5:1 on white. */
const VALUE = '#0066cc';
const THRESHOLD = '#a61919';

/**
 * One SLA's value day by day (tickets or calls arrived that day) against its adjusted threshold:
 * where the month is being won or lost.
 */
function DailyTrend({ figures }: { figures: SlaFigures }) {
  const { t, i18n } = useTranslation();
  const days = figures.breakdown?.day ?? [];
  const label = (date: string) =>
    new Date(`${date}T12:00:00`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short' });
  const percent = (value?: number | null) =>
    value == null ? '—' : value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const threshold = figures.adjustedThreshold;
  const atMost = figures.comparison === 'AT_MOST';
  const offTarget = days.filter(
    (day) => day.value != null && (atMost ? day.value > threshold : day.value < threshold),
  ).length;
  return (
    <Figure
      className="mb-4"
      title={t('serviceLevels.trendOf', { code: figures.code })}
      summary={t('serviceLevels.trendSummary', {
        code: figures.code,
        count: offTarget,
        days: days.filter((day) => day.value != null).length,
        threshold: percent(threshold),
      })}
      table={
        <DataTable
          caption={t('serviceLevels.trendOf', { code: figures.code })}
          head={[
            t('serviceLevels.day'),
            t('serviceLevels.met'),
            t('serviceLevels.missed'),
            t('serviceLevels.excluded'),
            t('serviceLevels.value'),
          ]}
          rows={days.map((day) => [label(day.key), day.met, day.missed, day.excluded, percent(day.value)])}
        />
      }
    >
      <ResponsiveContainer>
        <LineChart data={days.map((day) => ({ label: label(day.key), value: day.value ?? null }))}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={[0, 100]} />
          <Tooltip />
          <Legend />
          <ReferenceLine
            y={threshold}
            stroke={THRESHOLD}
            strokeDasharray="6 3"
            label={{ value: t('serviceLevels.adjusted'), fill: THRESHOLD, position: 'insideTopRight' }}
          />
          <Line
            dataKey="value"
            name={t('serviceLevels.value')}
            stroke={VALUE}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Figure>
  );
}

/** The monthly contract service levels: values against (adjusted) thresholds, penalties, exports. */
export function ServiceLevelsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => calendarMonth(user.zone));
  const [report, setReport] = useState<SlaReport | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<{ code: string; result: string } | null>(null);
  const [trend, setTrend] = useState<string>('');
  const selectedFigures = report?.slas.find((sla) => sla.code === selected?.code);
  // the chosen SLA, else the first one missed, else the first one
  const trendFigures =
    report?.slas.find((sla) => sla.code === trend) ??
    report?.slas.find((sla) => sla.status === 'MISSED') ??
    report?.slas[0];
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
                  <tr
                    key={sla.code}
                    data-sla={sla.code}
                    className={sla.status === 'MISSED' ? 'table-danger' : undefined}
                  >
                    <th scope="row">{sla.code}</th>
                    <td>{sla.description}</td>
                    <td>{number(sla.threshold, 0)}</td>
                    <td>{number(sla.adjustedThreshold, 0)}</td>
                    <td data-figure="value">
                      <strong>{number(sla.value)}</strong>
                      {sla.withinLimit != null && (
                        <div className="small">{t('serviceLevels.limitShare', { share: number(sla.withinLimit) })}</div>
                      )}
                    </td>
                    {(['MET', 'MISSED', 'EXCLUDED'] as const).map((result) => {
                      const count = result === 'MET' ? sla.met : result === 'MISSED' ? sla.missed : sla.excluded;
                      return (
                        <td key={result} data-figure={result}>
                          {count > 0 ? (
                            <button
                              type="button"
                              className="btn btn-link p-0 text-reset text-decoration-underline"
                              aria-label={t('serviceLevels.showDetail', {
                                code: sla.code,
                                result: t(`serviceLevels.result_${result}`),
                                count,
                              })}
                              onClick={() => setSelected({ code: sla.code, result })}
                            >
                              {count}
                            </button>
                          ) : (
                            count
                          )}
                        </td>
                      );
                    })}
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
          {report.slas.length > 0 && (
            <section aria-labelledby="sla-trend-title" className="mt-4">
              <h2 id="sla-trend-title" className="h4">
                {t('serviceLevels.trendTitle')}
              </h2>
              <div className="mb-2" style={{ maxWidth: '24rem' }}>
                <label htmlFor="sla-trend" className="form-label">
                  {t('serviceLevels.trendSla')}
                </label>
                <select
                  id="sla-trend"
                  className="form-select"
                  value={trendFigures?.code ?? ''}
                  onChange={(event) => setTrend(event.target.value)}
                >
                  {report.slas.map((sla) => (
                    <option key={sla.code} value={sla.code}>
                      {sla.code} — {sla.description}
                    </option>
                  ))}
                </select>
              </div>
              {trendFigures && <DailyTrend figures={trendFigures} />}
            </section>
          )}
          {selected && selectedFigures && (
            <SlaDetail
              month={month}
              figures={selectedFigures}
              initialResult={selected.result}
              ticketLinks={mayReadContacts(user)}
            />
          )}
        </>
      )}
      <ServiceLevelsDeliveries user={user} />
    </Layout>
  );
}
