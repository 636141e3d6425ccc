import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { activityReport, ApiError, type ActivityFilter, type ActivityReport, type FieldError, type Me } from '../api';
import { DataTable, Figure } from '../components/ChartFigure';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { KbUsageSection } from '../components/KbUsageSection';
import { SatisfactionSection } from '../components/SatisfactionSection';
import { ChatFiguresSection } from '../components/ChatFiguresSection';
import { calendarDate } from '../calendar';

const CHANNELS = ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'CHATBOT', 'API', 'FAX', 'SOCIAL'];
const TYPES = ['Q', 'PQ', 'A', 'I', 'PA', 'PI', 'B'];
/** Bootstrap Italia's primary blue and a dark grey: both at least 4.5:1 on white. */
const RECEIVED = '#0066cc';
const CLOSED = '#5c6f82';

/** Volumes, hour bands, outcomes, handling times and backlog for supervisors and auditors. */
export function ActivityPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  // this month so far, on the service calendar (the browser may be in another zone)
  const today = calendarDate(user.zone);
  const [filter, setFilter] = useState<ActivityFilter>({
    from: `${today.slice(0, 8)}01`,
    to: today,
    channel: '',
    queue: '',
    type: '',
  });
  const [report, setReport] = useState<ActivityReport>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const count = (value: number) => value.toLocaleString(i18n.language);
  const hours = (value: number | null | undefined) =>
    value == null
      ? '—'
      : t('activity.hours', { value: value.toLocaleString(i18n.language, { maximumFractionDigits: 1 }) });

  useEffect(() => {
    let cancelled = false;
    activityReport(filter)
      .then((loaded) => {
        if (cancelled) return;
        setReport(loaded);
        setError(undefined);
        setFieldErrors([]);
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
        setFieldErrors(failure instanceof ApiError ? failure.errors : []);
      });
    return () => {
      cancelled = true;
    };
  }, [filter, t]);

  const set = (field: keyof ActivityFilter) => (value: string) =>
    setFilter((current) => ({ ...current, [field]: value }));
  const day = (date: string) =>
    new Date(`${date}T12:00:00`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short' });

  return (
    <Layout user={user}>
      <h1 className="h2">{t('activity.title')}</h1>
      <form
        className="row g-3 align-items-end mb-3"
        onSubmit={(event) => event.preventDefault()}
        aria-label={t('activity.filters')}
      >
        <div className="col-sm-6 col-md-2">
          <label htmlFor="activity-from" className="form-label">
            {t('activity.from')}
          </label>
          <input
            id="activity-from"
            type="date"
            className="form-control"
            value={filter.from}
            onChange={(event) => set('from')(event.target.value)}
          />
        </div>
        <div className="col-sm-6 col-md-2">
          <label htmlFor="activity-to" className="form-label">
            {t('activity.to')}
          </label>
          <input
            id="activity-to"
            type="date"
            className="form-control"
            value={filter.to}
            onChange={(event) => set('to')(event.target.value)}
          />
        </div>
        <div className="col-sm-4 col-md-2">
          <label htmlFor="activity-channel" className="form-label">
            {t('inbox.columns.channel')}
          </label>
          <select
            id="activity-channel"
            className="form-select"
            value={filter.channel}
            onChange={(event) => set('channel')(event.target.value)}
          >
            <option value="">{t('activity.any')}</option>
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`intake.channels.${channel}`, { defaultValue: channel })}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-md-2">
          <label htmlFor="activity-queue" className="form-label">
            {t('inbox.columns.queue')}
          </label>
          <input
            id="activity-queue"
            type="text"
            className="form-control"
            value={filter.queue}
            onChange={(event) => set('queue')(event.target.value.trim())}
          />
        </div>
        <div className="col-sm-4 col-md-2">
          <label htmlFor="activity-type" className="form-label">
            {t('inbox.columns.type')}
          </label>
          <select
            id="activity-type"
            className="form-select"
            value={filter.type}
            onChange={(event) => set('type')(event.target.value)}
          >
            <option value="">{t('activity.any')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`intake.types.${type}`, { defaultValue: type })}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Message text={error} errors={fieldErrors} />
      {report && (
        <>
          <ul className="row list-unstyled g-3 mb-4" aria-label={t('activity.totals')}>
            {[
              ['received', report.received],
              ['closed', report.closed],
              ['open', report.backlog.open],
              ['waitingForRequester', report.backlog.waitingForRequester],
              ['waitingForOffice', report.backlog.waitingForOffice],
            ].map(([key, value]) => (
              <li key={key} className="col-6 col-md">
                <div className="card card-bg h-100">
                  <div className="card-body p-3">
                    <div className="small">{t(`activity.tile.${key}`)}</div>
                    <div className="h3 mb-0" data-tile={key}>
                      {count(value as number)}
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <div className="row">
            <Figure
              title={t('activity.byDay')}
              summary={t('activity.byDaySummary', { received: count(report.received), closed: count(report.closed) })}
              table={
                <DataTable
                  caption={t('activity.byDay')}
                  head={[t('activity.day'), t('activity.tile.received'), t('activity.tile.closed')]}
                  rows={report.days.map((row) => [day(row.date), row.received, row.closed])}
                />
              }
            >
              <ResponsiveContainer>
                <BarChart data={report.days.map((row) => ({ ...row, label: day(row.date) }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar
                    dataKey="received"
                    name={t('activity.tile.received')}
                    fill={RECEIVED}
                    isAnimationActive={false}
                  />
                  <Bar dataKey="closed" name={t('activity.tile.closed')} fill={CLOSED} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Figure>
            <Figure
              title={t('activity.byHour')}
              summary={t('activity.byHourSummary', {
                hour: report.hourBands.reduce((best, band) => (band.received > best.received ? band : best)).hour,
              })}
              table={
                <DataTable
                  caption={t('activity.byHour')}
                  head={[t('activity.hour'), t('activity.tile.received')]}
                  rows={report.hourBands
                    .filter((band) => band.received > 0)
                    .map((band) => [`${band.hour}:00`, band.received])}
                />
              }
            >
              <ResponsiveContainer>
                <BarChart data={report.hourBands}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="hour" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="received"
                    name={t('activity.tile.received')}
                    fill={RECEIVED}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Figure>
            <Figure
              title={t('activity.outcomes')}
              summary={Object.entries(report.outcomes)
                .map(([outcome, n]) => `${t(`activity.outcome.${outcome}`, { defaultValue: outcome })}: ${count(n)}`)
                .join(', ')}
              table={
                <DataTable
                  caption={t('activity.outcomes')}
                  head={[t('activity.outcome.label'), t('activity.tickets')]}
                  rows={Object.entries(report.outcomes).map(([outcome, n]) => [
                    t(`activity.outcome.${outcome}`, { defaultValue: outcome }),
                    n,
                  ])}
                />
              }
            >
              <ResponsiveContainer>
                <BarChart
                  layout="vertical"
                  data={Object.entries(report.outcomes).map(([outcome, n]) => ({
                    label: t(`activity.outcome.${outcome}`, { defaultValue: outcome }),
                    n,
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={180} interval={0} />
                  <Tooltip />
                  <Bar dataKey="n" name={t('activity.tickets')} fill={CLOSED} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Figure>
            <Figure
              title={t('activity.ageing')}
              summary={t('activity.ageingSummary', { open: count(report.backlog.open) })}
              table={
                <DataTable
                  caption={t('activity.ageing')}
                  head={[t('activity.age'), t('activity.tickets')]}
                  rows={Object.entries(report.backlog.ageing).map(([bucket, n]) => [t(`activity.bucket.${bucket}`), n])}
                />
              }
            >
              <ResponsiveContainer>
                <BarChart
                  data={Object.entries(report.backlog.ageing).map(([bucket, n]) => ({
                    label: t(`activity.bucket.${bucket}`),
                    n,
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" interval={0} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="n" name={t('activity.tickets')} fill={RECEIVED} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Figure>
          </div>
          <div className="table-responsive">
            <table className="table" id="activity-times">
              <caption>{t('activity.timesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('activity.step')}</th>
                  <th scope="col">{t('activity.tickets')}</th>
                  <th scope="col">{t('activity.average')}</th>
                  <th scope="col">{t('activity.median')}</th>
                  <th scope="col">{t('activity.p90')}</th>
                </tr>
              </thead>
              <tbody>
                {(['toTakeInCharge', 'toResolve'] as const).map((step) => (
                  <tr key={step}>
                    <th scope="row">{t(`activity.${step}`)}</th>
                    <td>{count(report[step].tickets)}</td>
                    <td>{hours(report[step].averageHours)}</td>
                    <td>{hours(report[step].medianHours)}</td>
                    <td>{hours(report[step].p90Hours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small">
            {t('activity.solvedAtLevel', {
              levels:
                Object.entries(report.solvedAtLevel)
                  .map(([level, n]) => t('activity.level', { level, count: n }))
                  .join(', ') || '—',
            })}
          </p>
          {report.chats && <ChatFiguresSection figures={report.chats} />}
          <KbUsageSection from={filter.from} to={filter.to} />
          <SatisfactionSection from={filter.from} to={filter.to} zone={user.zone} />
        </>
      )}
    </Layout>
  );
}
