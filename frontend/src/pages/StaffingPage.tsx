import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, ApiError } from '../client';
import type { Me } from '../api';
import type { components } from '../openapi';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useLabels } from '../lib/labels';

type Forecast = components['schemas']['StaffingForecast'];
type Band = components['schemas']['Band'];

const DAY_FORMAT = (language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** A day of the forecast (an ISO date), in the user's language. */
function dayLabel(day: string, language: string) {
  return DAY_FORMAT(language).format(new Date(`${day}T12:00:00Z`));
}

const band = (hour: number) => `${String(hour).padStart(2, '0')}:00–${String(hour).padStart(2, '0')}:59`;

/**
 * The staffing forecast for supervisors and managers: next week's contacts per hour band and channel, the
 * operators each band needs (phone by Erlang C, offline by workload), the past weeks' error, the workbook.
 */
export function StaffingPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [week, setWeek] = useState('');
  const [forecast, setForecast] = useState<Forecast>();
  const [day, setDay] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (wanted: string) => {
      try {
        const loaded = await answer(
          client.GET('/api/distribution/staffing', { params: { query: { week: wanted || undefined } } }),
        );
        setForecast(loaded);
        setWeek(loaded.weekStart);
        setDay((current) => (loaded.bands.some((b) => b.day === current) ? current : loaded.weekStart));
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError ? e.detail : t('errors.generic'));
      }
    },
    [t],
  );

  useEffect(() => {
    void load('');
  }, [load]);

  const days = forecast ? [...new Set(forecast.bands.map((b) => b.day))] : [];
  const shown: Band[] = forecast
    ? forecast.bands.filter(
        (b) =>
          b.day === day &&
          (b.phoneOperators > 0 || b.offlineOperators > 0 || Object.values(b.volumes).some((v) => v > 0)),
      )
    : [];

  return (
    <Layout user={user} wide>
      <h1>{t('staffing.title')}</h1>
      <p>{t('staffing.intro')}</p>
      <Message text={error} />
      <form
        className="row g-3 align-items-end mb-3"
        onSubmit={(e) => {
          e.preventDefault();
          void load(week);
        }}
      >
        <div className="col-auto">
          <label htmlFor="staffing-week" className="form-label">
            {t('staffing.week')}
          </label>
          <input
            id="staffing-week"
            type="date"
            className="form-control"
            value={week}
            onChange={(e) => setWeek(e.target.value)}
          />
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-primary">
            {t('staffing.show')}
          </button>
        </div>
        {forecast && (
          <div className="col-auto">
            <a
              className="btn btn-outline-primary"
              href={`/api/distribution/staffing.xlsx?week=${forecast.weekStart}`}
              download
            >
              {t('staffing.excel')}
            </a>
          </div>
        )}
      </form>
      {forecast && (
        <>
          <h2>{t('staffing.method')}</h2>
          <ul>
            <li>{t('staffing.methodText', { weeks: forecast.historyWeeks })}</li>
            <li>
              {t('staffing.phoneLevel', {
                share: Math.round(forecast.phoneShare * 100),
                seconds: forecast.phoneWithinSeconds,
                aht: Math.round(forecast.callHandlingSeconds),
                calls: forecast.callsMeasured,
              })}
            </li>
            <li>
              {t('staffing.offlineLevel', {
                minutes: Math.round(forecast.offlineHandlingSeconds / 60),
                share: Math.round(forecast.productiveShare * 100),
              })}
            </li>
            <li>
              {t('staffing.trend')}:{' '}
              {Object.entries(forecast.trendFactors)
                .map(([channel, factor]) => `${labels.channel(channel)} × ${factor}`)
                .join(', ')}
            </li>
          </ul>
          <h2>{t('staffing.bands')}</h2>
          <div className="mb-3">
            <label htmlFor="staffing-day" className="form-label">
              {t('staffing.day')}
            </label>
            <select
              id="staffing-day"
              className="form-select w-auto"
              value={day}
              onChange={(e) => setDay(e.target.value)}
            >
              {days.map((each) => (
                <option key={each} value={each}>
                  {dayLabel(each, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('staffing.bandsCaption', { day: day ? dayLabel(day, i18n.language) : '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staffing.band')}</th>
                  {forecast.channels.map((channel) => (
                    <th scope="col" key={channel}>
                      {labels.channel(channel)}
                    </th>
                  ))}
                  <th scope="col">{t('staffing.phoneOperators')}</th>
                  <th scope="col">{t('staffing.offlineOperators')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.length === 0 && (
                  <tr>
                    <td colSpan={forecast.channels.length + 3}>{t('staffing.noContacts')}</td>
                  </tr>
                )}
                {shown.map((b) => (
                  <tr key={`${b.day}-${b.hour}`}>
                    <th scope="row">{band(b.hour)}</th>
                    {forecast.channels.map((channel) => (
                      <td key={channel}>{b.volumes[channel] ?? 0}</td>
                    ))}
                    <td>{b.phoneOperators}</td>
                    <td>{b.offlineOperators}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('staffing.past')}</h2>
          <table className="table table-sm">
            <caption>{t('staffing.pastCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffing.weekOf')}</th>
                <th scope="col">{t('staffing.forecast')}</th>
                <th scope="col">{t('staffing.actual')}</th>
                <th scope="col">{t('staffing.mape')}</th>
              </tr>
            </thead>
            <tbody>
              {forecast.pastWeeks.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{dayLabel(w.weekStart, i18n.language)}</th>
                  <td>{Math.round(Object.values(w.forecast).reduce((a, b) => a + b, 0))}</td>
                  <td>{Math.round(Object.values(w.actual).reduce((a, b) => a + b, 0))}</td>
                  <td>{w.totalMape == null ? '—' : `${w.totalMape}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
