import { useTranslation } from 'react-i18next';
import type { ActivityReport } from '../api';
import { useLabels } from '../lib/labels';

type Figures = ActivityReport['chats'];
type Row = Figures['total'];

/** The web chat's figures of the activity report (issue 21 item 5): per day and queue, totals, hand-offs. */
export function ChatFiguresSection({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const count = (value: number) => value.toLocaleString(i18n.language);
  const seconds = (value: number | null | undefined) =>
    value == null
      ? '—'
      : t('chatFigures.seconds', { value: value.toLocaleString(i18n.language, { maximumFractionDigits: 0 }) });
  const percent = (value: number | null | undefined) =>
    value == null ? '—' : (value / 100).toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const cells = (row: Row) => (
    <>
      <td>{count(row.started)}</td>
      <td>{count(row.offered)}</td>
      <td>{count(row.answered)}</td>
      <td>{count(row.abandonedQueued)}</td>
      <td>{count(row.botOnly)}</td>
      <td>{percent(row.containmentPercent)}</td>
      <td>{seconds(row.averageWaitSeconds)}</td>
      <td>{seconds(row.p90WaitSeconds)}</td>
      <td>{count(row.transfers)}</td>
    </>
  );
  return (
    <section aria-labelledby="chat-figures-title">
      <h2 id="chat-figures-title" className="h4">
        {t('chatFigures.title')}
      </h2>
      <div className="table-responsive">
        <table className="table table-sm" id="activity-chats">
          <caption>{t('chatFigures.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chatFigures.day')}</th>
              <th scope="col">{t('chatFigures.queue')}</th>
              <th scope="col">{t('chatFigures.started')}</th>
              <th scope="col">{t('chatFigures.offered')}</th>
              <th scope="col">{t('chatFigures.answered')}</th>
              <th scope="col">{t('chatFigures.abandoned')}</th>
              <th scope="col">{t('chatFigures.botOnly')}</th>
              <th scope="col">{t('chatFigures.containment')}</th>
              <th scope="col">{t('chatFigures.averageWait')}</th>
              <th scope="col">{t('chatFigures.p90Wait')}</th>
              <th scope="col">{t('chatFigures.transfers')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((row) => (
              <tr key={`${row.date}-${row.queue ?? ''}`}>
                <th scope="row">
                  {row.date ? new Date(`${row.date}T12:00:00Z`).toLocaleDateString(i18n.language) : ''}
                </th>
                <td>{row.queue ? labels.queue(row.queue) : t('chatFigures.noQueue')}</td>
                {cells(row)}
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={2}>
                {t('chatFigures.total')}
              </th>
              {cells(figures.total)}
            </tr>
          </tbody>
        </table>
      </div>
      <h3 className="h6">{t('chatFigures.reasons')}</h3>
      <ul>
        {Object.entries(figures.handOffReasons).map(([reason, n]) => (
          <li key={reason}>
            {t(`chatFigures.reason.${reason}`, { defaultValue: reason })}: {count(n)}
          </li>
        ))}
      </ul>
      <p className="small">{t('chatFigures.method')}</p>
    </section>
  );
}
