import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidates, type Colleague, type InboxRow } from '../api';
import { BulkDuplicate, BulkDuplicateSummary } from './BulkDuplicate';
import { ColleagueSelect } from './ColleaguePicker';

/** What one bulk action did to one ticket. */
export interface BulkResult {
  number: string;
  ok: boolean;
  message: string;
}

/**
 * Actions on the selected rows of the inbox: take them, or assign them to someone who may take
 * every one of them. Each ticket succeeds or fails on its own, and the outcome is listed per ticket.
 * Two or more tickets selected may also be closed as duplicates of one of them.
 */
export function BulkBar({
  rows,
  results,
  onTake,
  onAssign,
  onChanged,
}: {
  rows: InboxRow[];
  results: BulkResult[];
  onTake: () => Promise<void>;
  onAssign: (userId: string) => Promise<void>;
  /** After an action that changed tickets on its own (close as duplicate). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [people, setPeople] = useState<Colleague[]>();
  const [choice, setChoice] = useState('');
  const [failed, setFailed] = useState(false);
  const none = rows.length === 0;
  // only tickets can be closed as duplicates of one another, each once whatever its tasks
  const tickets = [...new Set(rows.map((row) => row.number).filter((number) => number?.startsWith('RS-')))];

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  /** Who may take every selected task: the candidates the tasks have in common. */
  async function openAssign() {
    setFailed(false);
    try {
      const lists = await Promise.all(rows.map((row) => candidates(row.taskId)));
      const common = lists.reduce((shared, list) =>
        shared.filter((one) => list.some((other) => other.userId === one.userId)),
      );
      setPeople(common);
      setChoice('');
    } catch {
      setFailed(true);
    }
  }

  return (
    <section className="inbox-bulk d-flex flex-wrap align-items-center gap-2" aria-label={t('bulk.label')}>
      <span className="small" aria-live="polite">
        {t('bulk.selected', { count: rows.length })}
      </span>
      <button type="button" className="btn btn-primary btn-sm" disabled={none || busy} onClick={() => void run(onTake)}>
        {t('bulk.take')}
      </button>
      {people === undefined ? (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          disabled={none || busy}
          onClick={() => void openAssign()}
        >
          {t('bulk.assign')}
        </button>
      ) : (
        <span className="d-flex flex-wrap align-items-center gap-1">
          <ColleagueSelect
            id={id}
            label={t('bulk.assignTo', { count: rows.length })}
            colleagues={people}
            none={t('bulk.nobodyInCommon')}
            value={choice}
            onChange={setChoice}
          />
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={!choice || none || busy}
            onClick={() => void run(() => onAssign(choice)).then(() => setPeople(undefined))}
          >
            {t('colleagues.confirm')}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setPeople(undefined)}>
            {t('colleagues.cancel')}
          </button>
        </span>
      )}
      {failed && (
        <span role="alert" className="small text-danger">
          {t('errors.generic')}
        </span>
      )}
      {tickets.length > 1 && <BulkDuplicate numbers={tickets} onDone={onChanged} />}
      <div role="status">
        <BulkDuplicateSummary />
      </div>
      <div role="status">
        {results.length > 0 && (
          <ul className="list-unstyled small mb-0 d-flex flex-wrap column-gap-3" data-bulk-results>
            {results.map((result) => (
              <li key={result.number} className={result.ok ? 'text-success' : 'text-danger'} data-bulk-ok={result.ok}>
                <strong>{result.number}</strong>: {result.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
