import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Layout } from '../components/Layout';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { NoticeBoard } from '../components/NoticeBoard';
import { CitizenReminders } from '../components/CitizenReminders';
import { ChatWidgetMount } from '../components/ChatWidgetMount';
import {
  confirmReminderEmail,
  reminderSubscriptions,
  subscribeNotice,
  type PublicNotice,
  type ReminderSubscription,
} from '../noticesApi';
import {
  citizenAppointments,
  citizenContacts,
  citizenRequests,
  citizenSession,
  csrfToken,
  type CitizenAppointment,
  type CitizenContact,
  type CitizenPage,
  type CitizenRequest,
  type CitizenSession,
} from '../citizenApi';

/** Where the token of a confirmation link waits while the citizen logs in (the login comes back without it). */
const PENDING_CONFIRMATION = 'sportello.confirmEmail';

/** A day on the service calendar, in the reader's language. */
export function calendarDay(zone: string, value: string | undefined, language: string): string {
  return value ? new Date(value).toLocaleDateString(language, { timeZone: zone, dateStyle: 'long' }) : '';
}

/**
 * The citizen's personal area: login with SPID or CIE, then their requests on every channel with
 * their status and expected answer date, and the history of their contacts.
 */
export function SelfServiceAreaPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('citizen.title'));
  const [session, setSession] = useState<CitizenSession | null>(null);
  const [failed, setFailed] = useState(false);
  const [params] = useSearchParams();

  useEffect(() => {
    citizenSession().then(setSession, () => setFailed(true));
  }, []);

  // a confirmation link (?confirmEmail=…) opened before logging in: kept for after the login
  const confirmation = params.get('confirmEmail');
  useEffect(() => {
    if (confirmation) sessionStorage.setItem(PENDING_CONFIRMATION, confirmation);
  }, [confirmation]);

  return (
    <Layout>
      <h1 className="h2">{t('citizen.title')}</h1>
      <div aria-live="polite">
        {params.get('error') && (
          <div className="alert alert-danger" role="alert">
            {t('citizen.loginFailed')}
          </div>
        )}
        {failed && (
          <div className="alert alert-danger" role="alert">
            {t('citizen.unavailable')}
          </div>
        )}
      </div>
      {session && !session.citizen && <Welcome session={session} />}
      {session?.citizen && <Area session={session} />}
      <ChatWidgetMount identified={!!session?.citizen} />
    </Layout>
  );
}

function Welcome({ session }: { session: CitizenSession }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="citizen-login">
      <p>{t('citizen.intro')}</p>
      <h2 id="citizen-login" className="h4">
        {t('citizen.loginTitle')}
      </h2>
      {session.loginUrl ? (
        <a className="btn btn-primary" href={session.loginUrl}>
          {t('citizen.login')}
        </a>
      ) : (
        <p>{t('citizen.loginUnavailable')}</p>
      )}
      <p className="mt-3">
        <Link to="/self-service/kb">{t('citizen.kbLink')}</Link>
      </p>
    </section>
  );
}

function Area({ session }: { session: CitizenSession }) {
  const { t } = useTranslation();
  const citizen = session.citizen!;
  return (
    <>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <p className="mb-0">
          {t('citizen.welcome', { name: [citizen.givenName, citizen.familyName].filter(Boolean).join(' ') })}{' '}
          <span className="text-muted">
            ({citizen.fiscalCode} · {t(`citizen.scheme.${citizen.scheme}`)}
            {citizen.scheme === 'SPID' ? ` · ${t('citizen.level', { level: citizen.level?.substring(1) })}` : ''})
          </span>
        </p>
        <form method="post" action={session.logoutUrl}>
          <input type="hidden" name="_csrf" value={csrfToken()} />
          <button type="submit" className="btn btn-outline-primary btn-sm">
            {t('citizen.logout')}
          </button>
        </form>
      </div>
      <EmailConfirmation />
      <AreaNotices email={citizen.email} />
      <Appointments zone={session.zone} />
      <Requests zone={session.zone} />
      <Contacts zone={session.zone} />
    </>
  );
}

/** Confirms the address of a confirmation link (its token kept while the citizen logged in). */
function EmailConfirmation() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    const token = sessionStorage.getItem(PENDING_CONFIRMATION);
    if (!token) return;
    sessionStorage.removeItem(PENDING_CONFIRMATION);
    confirmReminderEmail(token).then(
      (confirmed) => setMessage({ ok: true, text: t('reminders.confirmed', { email: confirmed.email }) }),
      () => setMessage({ ok: false, text: t('reminders.confirmFailed') }),
    );
  }, [t]);
  return (
    <div aria-live="polite">
      {message && (
        <div
          className={`alert ${message.ok ? 'alert-success' : 'alert-danger'}`}
          role={message.ok ? undefined : 'alert'}
        >
          {message.text}
        </div>
      )}
    </div>
  );
}

/** The times agreed for calling the citizen back (the slot chosen on the form, or agreed with us). */
function Appointments({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const [appointments, setAppointments] = useState<CitizenAppointment[]>();
  useEffect(() => {
    citizenAppointments().then(setAppointments, () => setAppointments([]));
  }, []);
  if (!appointments || appointments.length === 0) return null;
  return (
    <section aria-labelledby="citizen-appointments" className="mb-4">
      <h2 id="citizen-appointments" className="h4">
        {t('citizen.appointments.title')}
      </h2>
      <ul className="list-unstyled">
        {appointments.map((appointment) => (
          <li key={appointment.id} className="border-bottom py-2" data-appointment={appointment.requestNumber}>
            <strong>
              {new Date(appointment.at).toLocaleString(i18n.language, {
                timeZone: zone,
                dateStyle: 'full',
                timeStyle: 'short',
              })}
            </strong>{' '}
            · {t(`citizen.appointments.status.${appointment.status}`)} ·{' '}
            <Link to={`/self-service/area/requests/${appointment.requestNumber}`}>{appointment.subject}</Link>
          </li>
        ))}
      </ul>
      <p className="small">{t('citizen.appointments.hint')}</p>
    </section>
  );
}

/** The current notices (with "remind me" on deadlines) and the citizen's reminders. */
function AreaNotices({ email }: { email?: string | null }) {
  const { t, i18n } = useTranslation();
  const [subscriptions, setSubscriptions] = useState<ReminderSubscription[]>();
  const [notices, setNotices] = useState<PublicNotice[]>([]);
  const [message, setMessage] = useState<string>();
  const reload = useCallback(() => {
    reminderSubscriptions().then(setSubscriptions, () => setSubscriptions([]));
  }, []);
  useEffect(reload, [reload]);

  const remind = (notice: PublicNotice) =>
    subscribeNotice(notice.id, { email: email ?? '', language: i18n.language }).then(
      () => {
        setMessage(t('reminders.noticeSubscribed', { title: notice.title }));
        reload();
      },
      (e: Error) => setMessage(e.message),
    );

  return (
    <>
      <div aria-live="polite">{message && <div className="alert alert-info">{message}</div>}</div>
      <NoticeBoard
        onLoaded={setNotices}
        onRemind={remind}
        remindable={(notice) =>
          subscriptions?.some((each) => each.kind === 'NOTICE_DEADLINE' && each.noticeId === notice.id)
            ? 'subscribed'
            : email
              ? 'subscribe'
              : undefined
        }
      />
      {subscriptions && (
        <CitizenReminders email={email} subscriptions={subscriptions} notices={notices} onChange={reload} />
      )}
    </>
  );
}

function Pager({
  page,
  pages,
  onPage,
  label,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="d-flex gap-2 align-items-center">
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {t('citizen.previous')}
      </button>
      <span>{t('citizen.pageOf', { page: page + 1, pages })}</span>
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('citizen.next')}
      </button>
    </nav>
  );
}

function Requests({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const [requests, setRequests] = useState<CitizenPage<CitizenRequest>>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    citizenRequests(page).then(setRequests, (e: Error) => setError(e.message));
  }, [page]);

  return (
    <section aria-labelledby="citizen-requests" className="mb-4">
      <h2 id="citizen-requests" className="h4">
        {t('citizen.requests')}
      </h2>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      {requests && requests.items.length === 0 && <p>{t('citizen.noRequests')}</p>}
      <ul className="list-unstyled">
        {requests?.items.map((request) => (
          <li key={request.number} className="card shadow-sm mb-2">
            <div className="card-body p-3">
              <h3 className="h5 card-title mb-1">
                <Link to={`/self-service/area/requests/${request.number}`}>{request.subject}</Link>
              </h3>
              <p className="mb-1">
                <span className={`badge ${request.status === 'WAITING_FOR_YOU' ? 'bg-danger' : 'bg-primary'}`}>
                  {t(`citizen.status.${request.status}`)}
                </span>{' '}
                {t('citizen.number', { number: request.number })}
              </p>
              <p className="mb-0 small">
                {t('citizen.receivedOn', {
                  date: calendarDay(zone, request.receivedAt, i18n.language),
                  channel: t(`labels.channel.${request.channel}`, { defaultValue: request.channel }),
                })}
                {request.expectedAnswerBy && (
                  <>
                    {' '}
                    · {t('citizen.expectedBy', { date: calendarDay(zone, request.expectedAnswerBy, i18n.language) })}
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {requests && (
        <Pager page={page} pages={requests.totalPages} onPage={setPage} label={t('citizen.requestsPages')} />
      )}
    </section>
  );
}

function Contacts({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(0);
  const [contacts, setContacts] = useState<CitizenPage<CitizenContact>>();

  useEffect(() => {
    citizenContacts(page).then(setContacts, () => undefined);
  }, [page]);

  return (
    <section aria-labelledby="citizen-contacts">
      <h2 id="citizen-contacts" className="h4">
        {t('citizen.contacts')}
      </h2>
      {contacts && contacts.items.length === 0 && <p>{t('citizen.noContacts')}</p>}
      <ul className="list-unstyled">
        {contacts?.items.map((contact, index) => (
          <li key={`${contact.at}-${index}`} className="border-bottom py-2">
            <strong>
              {new Date(contact.at).toLocaleString(i18n.language, {
                timeZone: zone,
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </strong>{' '}
            · {t(`labels.channel.${contact.channel}`, { defaultValue: contact.channel })} ·{' '}
            {t(`citizen.direction.${contact.direction}`)}
            {contact.requestNumber && (
              <>
                {' '}
                · <Link to={`/self-service/area/requests/${contact.requestNumber}`}>{contact.requestNumber}</Link>
              </>
            )}
            {contact.text && <p className="mb-0 small text-break">{contact.text}</p>}
          </li>
        ))}
      </ul>
      {contacts && (
        <Pager page={page} pages={contacts.totalPages} onPage={setPage} label={t('citizen.contactsPages')} />
      )}
    </section>
  );
}
