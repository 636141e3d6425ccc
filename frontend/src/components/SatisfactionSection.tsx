import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../client';
import { useLabels } from '../lib/labels';
import { satisfactionResults, type SatisfactionReport } from '../surveyApi';
import { DataTable } from './ChartFigure';

/**
 * The satisfaction survey in the activity report: invitations, answers, average score and low scores
 * overall and per operator, queue and channel, and the answers behind the figures.
 */
export function SatisfactionSection({ from, to, zone }: { from: string; to: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [report, setReport] = useState<SatisfactionReport>();
  const [error, setError] = useState<string>();
  const count = (value: number) => value.toLocaleString(i18n.language);
  const score = (value: number | null | undefined) =>
    value == null ? '—' : value.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  const when = (instant: string) =>
    new Date(instant).toLocaleString(i18n.language, { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });

  useEffect(() => {
    let cancelled = false;
    satisfactionResults(from, to)
      .then((loaded) => {
        if (cancelled) return;
        setReport(loaded?.total ? loaded : undefined);
        setError(undefined);
      })
      .catch((failure: unknown) => {
        if (cancelled) return;
        setReport(undefined);
        setError(failure instanceof ApiError ? failure.detail : t('errors.generic'));
      });
    return () => {
      cancelled = true;
    };
  }, [from, to, t]);

  const head = [
    t('satisfaction.invited'),
    t('satisfaction.answered'),
    t('satisfaction.averageScore'),
    t('satisfaction.lowScores'),
  ];
  const groups = (title: string, name: (key: string) => string, rows: SatisfactionReport['byOperator']) => (
    <div className="col-lg-4">
      <h3 className="h5">{title}</h3>
      <DataTable
        caption={title}
        head={[title, ...head]}
        rows={rows.map((row) => [
          row.key ? name(row.key) : '—',
          count(row.figures.invited),
          count(row.figures.answered),
          score(row.figures.averageScore),
          count(row.figures.lowScores),
        ])}
      />
    </div>
  );

  return (
    <section aria-labelledby="satisfaction-title" className="mt-4" data-section="satisfaction">
      <h2 id="satisfaction-title" className="h3">
        {t('satisfaction.title')}
      </h2>
      {error && (
        <div className="alert alert-warning" role="alert">
          {error}
        </div>
      )}
      {report && (
        <>
          <dl className="row" data-field="satisfaction-total">
            <dt className="col-sm-3">{t('satisfaction.invited')}</dt>
            <dd className="col-sm-3">{count(report.total.invited)}</dd>
            <dt className="col-sm-3">{t('satisfaction.answered')}</dt>
            <dd className="col-sm-3" data-field="satisfaction-answered">
              {count(report.total.answered)}
            </dd>
            <dt className="col-sm-3">{t('satisfaction.averageScore')}</dt>
            <dd className="col-sm-3" data-field="satisfaction-average">
              {score(report.total.averageScore)}
            </dd>
            <dt className="col-sm-3">{t('satisfaction.lowScores')}</dt>
            <dd className="col-sm-3">{count(report.total.lowScores)}</dd>
          </dl>
          <div className="row">
            {groups(t('satisfaction.byOperator'), (key) => key, report.byOperator)}
            {groups(t('satisfaction.byQueue'), (key) => labels.queue(key), report.byQueue)}
            {groups(t('satisfaction.byChannel'), (key) => labels.channel(key), report.byChannel)}
          </div>
          <details>
            <summary>{t('satisfaction.answers', { count: report.answers.length })}</summary>
            <DataTable
              caption={t('satisfaction.answersCaption')}
              head={[
                t('satisfaction.ticket'),
                t('satisfaction.answeredAt'),
                t('satisfaction.operator'),
                t('satisfaction.score'),
                t('satisfaction.allAnswers'),
              ]}
              rows={report.answers.map((row) => [
                row.ticketNumber ?? '—',
                when(row.answeredAt),
                row.operator ?? '—',
                score(row.score),
                Object.entries(row.answers)
                  .map(([key, values]) => `${key}: ${values.join(', ')}`)
                  .join(' · '),
              ])}
            />
          </details>
        </>
      )}
    </section>
  );
}
