import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client } from '../client';
import type { components } from '../openapi';
import { calendarDateTime } from '../calendar';

type Assignment = components['schemas']['ItemAssignment'];

/** Who received the ticket through work distribution (accepted offers, reassignments), oldest first. */
export function AssignmentHistory({ number, zone }: { number: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Assignment[]>();
  useEffect(() => {
    answer(client.GET('/api/distribution/assignments', { params: { query: { businessKey: number } } }))
      .then((found) => setRows(Array.isArray(found) ? found : []))
      .catch(() => setRows([]));
  }, [number]);
  if (!rows || rows.length === 0) return null;
  return (
    <section aria-labelledby="assignments-title" className="mt-4">
      <h2 id="assignments-title" className="h5">
        {t('distribution.history.title')}
      </h2>
      <table className="table table-sm">
        <caption>{t('distribution.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('distribution.history.at')}</th>
            <th scope="col">{t('distribution.history.operator')}</th>
            <th scope="col">{t('distribution.history.how')}</th>
            <th scope="col">{t('distribution.history.by')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.taskId}-${row.assignedAt}`}>
              <td>{calendarDateTime(zone, row.assignedAt, i18n.language)}</td>
              <td>{row.operator}</td>
              <td>{t(`distribution.history.${row.how}`, { defaultValue: row.how })}</td>
              <td>{row.assignedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
