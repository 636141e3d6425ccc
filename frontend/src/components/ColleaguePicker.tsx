import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidates, type Colleague } from '../api';

/**
 * Hands a task to someone who may take it: a button that opens a list of the task's candidates
 * (loaded on demand, so long tables stay cheap), then confirm or cancel.
 */
export function ColleaguePicker({
  taskId,
  number,
  holder,
  action,
  onPick,
}: {
  taskId: string;
  number: string;
  /** Who holds the task now: left out of the list. */
  holder?: string;
  /** The button's text: hand over (operators) or reassign (supervisors). */
  action: string;
  onPick: (userId: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [options, setOptions] = useState<Colleague[]>();
  const [choice, setChoice] = useState('');
  const [failed, setFailed] = useState(false);

  async function open() {
    setFailed(false);
    try {
      setOptions((await candidates(taskId)).filter((colleague) => colleague.userId !== holder));
    } catch {
      setFailed(true);
    }
  }

  if (!options) {
    return (
      <>
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-label={t('colleagues.open', { action, number })}
          onClick={() => void open()}
        >
          {action}
        </button>
        {failed && (
          <span role="alert" className="small text-danger ms-1">
            {t('errors.generic')}
          </span>
        )}
      </>
    );
  }
  return (
    <div className="d-flex flex-wrap gap-1 align-items-center">
      <ColleagueSelect
        id={id}
        label={t('colleagues.label', { number })}
        colleagues={options}
        none={t('colleagues.none')}
        value={choice}
        onChange={setChoice}
      />
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={!choice}
        onClick={() => void onPick(choice).then(() => setOptions(undefined))}
      >
        {t('colleagues.confirm')}
      </button>
      <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setOptions(undefined)}>
        {t('colleagues.cancel')}
      </button>
    </div>
  );
}

/** A small select of colleagues with a visually hidden label; `none` shows when there is nobody. */
export function ColleagueSelect({
  id,
  label,
  colleagues,
  none,
  value,
  onChange,
}: {
  id: string;
  label: string;
  colleagues: Colleague[];
  none: string;
  value: string;
  onChange: (userId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select form-select-sm w-auto"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{colleagues.length === 0 ? none : t('colleagues.choose')}</option>
        {colleagues.map((colleague) => (
          <option key={colleague.userId} value={colleague.userId}>
            {colleague.name.includes(colleague.userId) ? colleague.name : `${colleague.name} (${colleague.userId})`}
          </option>
        ))}
      </select>
    </>
  );
}
