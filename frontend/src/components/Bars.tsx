import { useTranslation } from 'react-i18next';

/**
 * A bar chart as plain CSS (no canvas): each bar's width is its share of the largest value, and the
 * same figures follow in a data table, which screen readers use (the bars are hidden from them).
 */
export function Bars({
  caption,
  rows,
  labelHeader,
  valueHeader,
}: {
  caption: string;
  rows: { label: string; value: number }[];
  labelHeader: string;
  valueHeader: string;
}) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...rows.map((row) => row.value));
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <figure className="mb-4">
      <figcaption className="fw-semibold mb-2">{caption}</figcaption>
      <div aria-hidden="true">
        {rows.map((row) => (
          <div key={row.label} className="d-flex align-items-center mb-1">
            <span className="text-truncate" style={{ width: '12rem' }}>
              {row.label}
            </span>
            <span
              className="bg-primary d-inline-block me-2"
              style={{ width: `${(row.value / max) * 60}%`, minWidth: row.value > 0 ? '2px' : 0, height: '1rem' }}
            />
            <span>{number.format(row.value)}</span>
          </div>
        ))}
      </div>
      <table className="table table-sm mt-2">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="text-end">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="fw-normal">
                {row.label}
              </th>
              <td className="text-end">{number.format(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
