import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its data as a table: the chart for the eye, the table (inside a disclosure) for
 * screen readers, keyboard users and anyone who wants the exact numbers.
 */
export function Figure({
  title,
  summary,
  table,
  children,
  className = 'col-lg-6 mb-4',
}: {
  title: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className={className} aria-labelledby={id}>
      <figcaption id={id} className="h5">
        {title}
      </figcaption>
      {/* an empty period has no figures to summarise: the image still needs a name (WCAG 1.1.1) */}
      <div
        role="img"
        aria-label={summary.trim() ? summary : t('activity.noData')}
        style={{ width: '100%', height: 260 }}
      >
        {children}
      </div>
      <details>
        <summary>{t('activity.showData')}</summary>
        {table}
      </details>
    </figure>
  );
}

export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="table table-sm">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((cell) => (
            <th key={cell} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
