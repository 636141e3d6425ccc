import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import {
  subscribeAnswersDue,
  subscribeAppointments,
  unsubscribeAnswersDue,
  unsubscribeAppointments,
  unsubscribeNotice,
  type PublicNotice,
  type ReminderSubscription,
} from '../noticesApi';

/**
 * "Promemoria / Reminders" in the citizen's area: reminders of the answers due from them (by e-mail,
 * in the language they read now) and the notices' deadlines they chose ("remind me" on the notice).
 */
export function CitizenReminders({
  email,
  subscriptions,
  notices,
  onChange,
}: {
  email?: string | null;
  subscriptions: ReminderSubscription[];
  notices: PublicNotice[];
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const answers = subscriptions.find((each) => each.kind === 'ANSWER_DUE');
  const appointments = subscriptions.find((each) => each.kind === 'APPOINTMENT');
  const unconfirmed = [...new Set(subscriptions.filter((each) => !each.emailVerified).map((each) => each.email))];
  const [address, setAddress] = useState(answers?.email ?? email ?? '');
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  const done = (text: string) => {
    setError(undefined);
    setMessage(text);
    onChange();
  };
  const failed = (e: unknown) => {
    setMessage(undefined);
    setError(e instanceof ApiError && e.errors.length > 0 ? t('reminders.invalidEmail') : (e as Error).message);
  };

  const subscribed = (subscription: ReminderSubscription) =>
    done(
      subscription.emailVerified
        ? t('reminders.subscribed')
        : t('reminders.confirmSent', { email: subscription.email }),
    );

  const subscribe = (event: FormEvent) => {
    event.preventDefault();
    subscribeAnswersDue({ email: address, language: i18n.language }).then(subscribed, failed);
  };

  return (
    <section aria-labelledby="citizen-reminders" className="mb-4">
      <h2 id="citizen-reminders" className="h4">
        {t('reminders.title')}
      </h2>
      <p>{t('reminders.intro')}</p>
      <div aria-live="polite">
        {message && <div className="alert alert-success">{message}</div>}
        {error && (
          <div className="alert alert-danger" role="alert">
            {error}
          </div>
        )}
      </div>
      <form onSubmit={subscribe} className="mb-3">
        <fieldset>
          <legend className="h5">{t('reminders.answersDue')}</legend>
          <p className="small">
            {answers ? t('reminders.answersDueOn', { email: answers.email }) : t('reminders.answersDueOff')}
          </p>
          <div className="mb-2" style={{ maxWidth: '28rem' }}>
            <label htmlFor="reminder-email" className="form-label">
              {t('reminders.email')}
            </label>
            <input
              id="reminder-email"
              type="email"
              className="form-control"
              autoComplete="email"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
          </div>
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary btn-sm">
              {answers ? t('reminders.update') : t('reminders.subscribe')}
            </button>
            {answers && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => unsubscribeAnswersDue().then(() => done(t('reminders.unsubscribed')), failed)}
              >
                {t('reminders.unsubscribe')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
      <fieldset className="mb-3">
        <legend className="h5">{t('reminders.appointments')}</legend>
        <p className="small">
          {appointments ? t('reminders.appointmentsOn', { email: appointments.email }) : t('reminders.appointmentsOff')}
        </p>
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => subscribeAppointments({ email: address, language: i18n.language }).then(subscribed, failed)}
          >
            {appointments ? t('reminders.update') : t('reminders.subscribe')}
            <span className="visually-hidden">: {t('reminders.appointments')}</span>
          </button>
          {appointments && (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => unsubscribeAppointments().then(() => done(t('reminders.unsubscribed')), failed)}
            >
              {t('reminders.unsubscribe')}
              <span className="visually-hidden">: {t('reminders.appointments')}</span>
            </button>
          )}
        </div>
      </fieldset>
      {unconfirmed.map((each) => (
        <p key={each} className="small alert alert-warning">
          {t('reminders.unconfirmed', { email: each })}
        </p>
      ))}
      <h3 className="h5">{t('reminders.noticeDeadlines')}</h3>
      {subscriptions.filter((each) => each.kind === 'NOTICE_DEADLINE').length === 0 ? (
        <p className="small">{t('reminders.noNotices')}</p>
      ) : (
        <ul>
          {subscriptions
            .filter((each) => each.kind === 'NOTICE_DEADLINE')
            .map((each) => {
              const notice = notices.find((candidate) => candidate.id === each.noticeId);
              return (
                <li key={each.id} className="mb-1">
                  {notice ? notice.title : t('reminders.noticeNumber', { id: each.noticeId })}{' '}
                  <button
                    type="button"
                    className="btn btn-link btn-sm p-0 align-baseline"
                    onClick={() =>
                      unsubscribeNotice(each.noticeId!).then(() => done(t('reminders.unsubscribed')), failed)
                    }
                  >
                    {t('reminders.remove')}
                    <span className="visually-hidden">: {notice?.title ?? each.noticeId}</span>
                  </button>
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}
