import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callbacksOf, startCallback, type Callback } from '../api';

/** Call the requester back from the ticket; the call-backs so far, with their attempts. */
export function CallbackBox({ number, phone }: { number: string; phone?: string }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [items, setItems] = useState<Callback[]>([]);
  const [phoneNumber, setPhoneNumber] = useState(phone ?? '');
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    callbacksOf(number)
      .then(setItems)
      .catch(() => undefined);
  }, [number]);

  async function start(event: FormEvent) {
    event.preventDefault();
    try {
      const started = await startCallback(number, phoneNumber.trim());
      setItems((current) => [started, ...current]);
      setStatus(t('callback.started', { phone: started.phoneNumber }));
    } catch (error) {
      setStatus(error instanceof ApiError && error.errors.length > 0 ? error.errors[0].message : t('callback.failed'));
    }
  }

  return (
    <section className="mb-3" aria-labelledby="callback-title">
      <h2 id="callback-title" className="h4">
        {t('callback.title')}
      </h2>
      <form className="d-flex flex-wrap gap-2 align-items-end" onSubmit={(event) => void start(event)}>
        <div>
          <label htmlFor={inputId} className="form-label small mb-0">
            {t('callback.phone')}
          </label>
          <input
            id={inputId}
            type="text"
            inputMode="tel"
            className="form-control form-control-sm"
            value={phoneNumber}
            onChange={(event) => setPhoneNumber(event.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm">
          {t('callback.start')}
        </button>
      </form>
      <p className="small mt-1" role="status">
        {status}
      </p>
      {items.length > 0 && (
        <ul className="list-unstyled small">
          {items.map((item) => (
            <li key={item.id}>
              {new Date(item.requestedAt).toLocaleString(i18n.language)} · {item.phoneNumber} ·{' '}
              {t(`callback.status.${item.status}`)} ·{' '}
              {t('callback.attempts', { count: item.attempts.length, max: item.maxAttempts })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
