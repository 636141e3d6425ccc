import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeTickets, type BulkMergeItem } from '../lib/ticketRelations';
import { ActionDialog } from './ActionDialog';

/**
 * "Close as duplicate of…" for the inbox's selected tickets: one of them is picked as the primary,
 * the others are merged into it; each ticket's result is listed.
 */
export function BulkDuplicate({ numbers, onDone }: { numbers: string[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [primary, setPrimary] = useState('');
  const [results, setResults] = useState<BulkMergeItem[]>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!primary) {
      setError(t('ticketActions.pickTicket'));
      return;
    }
    setBusy(true);
    try {
      const answer = await mergeTickets(
        primary,
        numbers.filter((number) => number !== primary),
      );
      setResults(answer.results);
      onDone?.();
    } catch {
      setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="btn btn-sm btn-outline-primary" disabled={numbers.length < 2} onClick={() => setOpen(true)}>
        {t('ticketActions.bulkDuplicate')}
      </button>
      {open && (
        <ActionDialog title={t('ticketActions.bulkDuplicate')} onClose={() => setOpen(false)}>
          {results ? (
            <ul aria-live="polite">
              {results.map((item) => (
                <li key={item.number}>
                  {item.number}: {t(`ticketActions.bulkResult.${item.result}`, { into: primary })}
                  {item.detail ? ` (${item.detail})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <form onSubmit={submit} noValidate>
              <fieldset>
                <legend className="fs-6">{t('ticketActions.pickPrimary')}</legend>
                {numbers.map((number) => (
                  <div className="form-check" key={number}>
                    <input
                      className="form-check-input"
                      type="radio"
                      name={`${id}-primary`}
                      id={`${id}-${number}`}
                      checked={primary === number}
                      onChange={() => setPrimary(number)}
                    />
                    <label className="form-check-label" htmlFor={`${id}-${number}`}>
                      {number}
                    </label>
                  </div>
                ))}
              </fieldset>
              <p role="alert" className="text-danger small">
                {error}
              </p>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('ticketActions.bulkSubmit', { count: numbers.length - 1 })}
              </button>
            </form>
          )}
        </ActionDialog>
      )}
    </>
  );
}
