import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, type FieldError } from '../client';
import { Message } from './Message';

type Change = (event: { target: { value: string } }) => void;

/**
 * The state of a form that enters a new case (a letter, a complaint): its fields by name, a change
 * handler per field, and the submission that creates the case and opens its page, or shows the
 * problem's fields (400) or the generic error.
 */
export function useEntryForm(idPrefix: string, initial: Record<string, string> = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fields, setFields] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();

  const set =
    (key: string): Change =>
    (event) =>
      setFields((current) => ({ ...current, [key]: event.target.value }));

  /** Creates the case (the promise answers the path of its page) and opens it. */
  async function submit(create: () => Promise<string>) {
    setErrors([]);
    setMessage(undefined);
    try {
      navigate(await create());
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setErrors(error.errors);
        setMessage(t('task.invalid'));
      } else {
        setMessage(t('errors.generic'));
      }
    }
  }

  /** A labelled text input (half a row) of the field {@code key}. */
  const text = (key: string, label: string, type = 'text') => (
    <div className="col-md-6">
      <label htmlFor={`${idPrefix}-${key}`} className="form-label">
        {label}
      </label>
      <input
        id={`${idPrefix}-${key}`}
        type={type}
        className="form-control"
        value={fields[key] ?? ''}
        onChange={set(key)}
      />
    </div>
  );

  /** A labelled text area (a whole row) of the field {@code key}. */
  const textArea = (key: string, label: string) => (
    <div className="col-12">
      <label htmlFor={`${idPrefix}-${key}`} className="form-label">
        {label}
      </label>
      <textarea
        id={`${idPrefix}-${key}`}
        className="form-control"
        rows={5}
        value={fields[key] ?? ''}
        onChange={set(key)}
      />
    </div>
  );

  return { fields, set, text, textArea, submit, message, errors };
}

/** The page body of an entry form: its heading, the message, the fields and the submit button. */
export function EntryFormBody({
  title,
  submitLabel,
  message,
  errors,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  message?: string;
  errors: FieldError[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <h1 className="h2">{title}</h1>
      <Message text={message} errors={errors} />
      <form
        className="row g-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="col-12">
          <button type="submit" className="btn btn-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
