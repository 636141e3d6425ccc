import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeTickets, type BulkMergeItem } from '../lib/ticketRelations';
import { ActionDialog } from './ActionDialog';

/** The last "close as duplicate" of this browser tab: it stays listed after the inbox reloads. */
interface LastBulkDuplicate {
  into: string;
  results: BulkMergeItem[];
}

const LAST_KEY = 'sportello.bulkDuplicate.last';
const LAST_EVENT = 'sportello:bulk-duplicate';

function readLast(): LastBulkDuplicate | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(LAST_KEY) ?? 'null') as LastBulkDuplicate | null;
    return stored && typeof stored.into === 'string' && Array.isArray(stored.results) ? stored : undefined;
  } catch {
    return undefined;
  }
}

function writeLast(last: LastBulkDuplicate | undefined) {
  try {
    if (last) sessionStorage.setItem(LAST_KEY, JSON.stringify(last));
    else sessionStorage.removeItem(LAST_KEY);
  } catch {
    // storage full or denied: the summary lasts until the page reloads
  }
  window.dispatchEvent(new CustomEvent(LAST_EVENT, { detail: last }));
}

/**
 * The outcome of the last "close as duplicate", kept in the tab's session storage: the merged
 * tickets leave the inbox and the selection, and the page may reload, but what happened stays
 * readable until the operator hides it.
 */
export function BulkDuplicateSummary() {
  const { t } = useTranslation();
  const [last, setLast] = useState<LastBulkDuplicate | undefined>(readLast);
  useEffect(() => {
    const listener = (event: Event) => setLast((event as CustomEvent<LastBulkDuplicate | undefined>).detail);
    window.addEventListener(LAST_EVENT, listener);
    return () => window.removeEventListener(LAST_EVENT, listener);
  }, []);
  if (!last) return null;
  return (
    <div className="small d-flex flex-wrap align-items-center column-gap-2" data-bulk-duplicate-summary>
      <span>{t('ticketActions.bulkLast', { into: last.into })}</span>
      <ul className="list-inline mb-0">
        {last.results.map((item) => (
          <li
            key={item.number}
            className={`list-inline-item ${item.result === 'FAILED' ? 'text-danger' : 'text-success'}`}
          >
            <strong>{item.number}</strong>: {t(`ticketActions.bulkResult.${item.result}`, { into: last.into })}
            {item.detail ? ` (${item.detail})` : ''}
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-link btn-sm p-0" onClick={() => writeLast(undefined)}>
        {t('ticketActions.bulkLastHide')}
      </button>
    </div>
  );
}

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
      writeLast({ into: primary, results: answer.results });
      onDone?.();
    } catch {
      setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-sm btn-outline-primary"
        disabled={numbers.length < 2}
        onClick={() => setOpen(true)}
      >
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
