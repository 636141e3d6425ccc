import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, tasksOf, ticket as loadTicket, type Me, type Ticket, type WorkItem } from '../api';
import { calendarDateTime } from '../calendar';
import { Collision } from '../components/Collision';
import { Conversation } from '../components/Conversation';
import { KbPanel } from '../components/KbPanel';
import { TicketContext } from '../components/TicketContext';
import { Layout } from '../components/Layout';
import { ReplyBox, type ReplyBoxHandle } from '../components/ReplyBox';
import { SlaBadge } from '../components/SlaBadge';
import { TicketActions } from '../components/TicketActions';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { mayReadContacts } from '../navigation';
import { useLabels } from '../lib/labels';
import { AssignmentHistory } from '../components/AssignmentHistory';

const has = (user: Me, roles: readonly string[]) => roles.some((role) => user.roles.includes(role));
/** Who writes to the requester (the API's POST /api/tickets/{n}/replies). */
export const REPLY_ROLES = ['LEVEL1', 'LEVEL2', 'LEVEL3'] as const;
/** Who writes internal notes and uses the knowledge base beside a ticket. */
export const NOTE_ROLES = ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR', 'OFFICE'] as const;
/** Who may link, merge and reclassify tickets (the server decides per ticket and level). */
const ACTION_ROLES = ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR'] as const;

/** The ticket header's SLA: the take-in-charge deadline until someone took it, then the resolution's. */
export function TicketSla({ ticket, zone }: { ticket: Ticket; zone: string }) {
  const { t, i18n } = useTranslation();
  const taken = Boolean(ticket.takenInChargeAt);
  const dueAt = taken ? ticket.sla.resolutionDueAt : ticket.sla.takeInChargeDueAt;
  const state = taken ? ticket.sla.resolutionState : ticket.sla.takeInChargeState;
  if (!dueAt) return null;
  return (
    <>
      {t(taken ? 'ticketPage.resolveBy' : 'ticketPage.takeBy', { at: calendarDateTime(zone, dueAt, i18n.language) })}{' '}
      <SlaBadge state={state} dueAt={dueAt} />
    </>
  );
}

/**
 * A ticket's page, open or closed: its header (status, queue, requester, deadlines, open tasks),
 * one conversation, one reply box (public reply or internal note) and the knowledge base beside it.
 */
export function TicketPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { number = '' } = useParams();
  const [ticket, setTicket] = useState<Ticket>();
  const [tasks, setTasks] = useState<WorkItem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [version, setVersion] = useState(0);
  const reply = useRef<ReplyBoxHandle>(null);
  const zone = user.zone;
  const labels = useLabels();
  useDocumentTitle(ticket ? `${ticket.number} · ${ticket.subject}` : number);

  useEffect(() => {
    let cancelled = false;
    setFailure(undefined);
    loadTicket(number).then(
      (loaded) => {
        if (cancelled) return;
        setTicket(loaded);
        if (loaded.status !== 'CLOSED') {
          tasksOf(loaded.number).then(
            (page) => !cancelled && setTasks(page.items),
            () => !cancelled && setTasks([]),
          );
        }
      },
      (error: unknown) => {
        if (cancelled) return;
        const status = error instanceof ApiError ? error.status : undefined;
        setFailure(
          status === 403 ? t('ticketPage.forbidden') : status === 404 ? t('ticketPage.notFound') : t('errors.generic'),
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [number, version, t]);

  const personal = mayReadContacts(user);
  const writes = has(user, NOTE_ROLES);
  return (
    <Layout user={user}>
      <p>
        <Link to="/inbox">{t('task.back')}</Link>
      </p>
      {failure && (
        <>
          <h1 className="h2">{t('ticketPage.title', { number })}</h1>
          <p className="alert alert-warning" role="alert">
            {failure}
          </p>
        </>
      )}
      {ticket && (
        <>
          <header className="mb-3 ticket-header">
            <div className="d-flex flex-wrap justify-content-between gap-2">
              <h1 className="h2 text-break">
                {ticket.number} · {ticket.subject}
              </h1>
              {ticket.status !== 'CLOSED' && has(user, ACTION_ROLES) && (
                <div className="ticket-actions" data-slot="ticket-actions">
                  <TicketActions number={ticket.number} onChanged={() => setVersion((each) => each + 1)} />
                </div>
              )}
            </div>
            {ticket.status !== 'CLOSED' && <Collision number={ticket.number} zone={zone} />}
            <dl className="row mb-2 small">
              <dt className="col-6 col-md-2">{t('task.status')}</dt>
              <dd className="col-6 col-md-2" data-field="status">
                {labels.status(ticket.status)}
              </dd>
              <dt className="col-6 col-md-2">{t('inbox.columns.queue')}</dt>
              <dd className="col-6 col-md-2">{ticket.queue ? labels.queue(ticket.queue) : '—'}</dd>
              <dt className="col-6 col-md-2">{t('inbox.columns.type')}</dt>
              <dd className="col-6 col-md-2">{labels.type(ticket.type)}</dd>
              <dt className="col-6 col-md-2">{t('inbox.columns.channel')}</dt>
              <dd className="col-6 col-md-2">{labels.channel(ticket.channel)}</dd>
              <dt className="col-6 col-md-2">{t('inbox.columns.priority')}</dt>
              <dd className="col-6 col-md-2">{ticket.priority ? t(`priority.${ticket.priority}`) : '—'}</dd>
              <dt className="col-6 col-md-2">{t('task.level')}</dt>
              <dd className="col-6 col-md-2">{ticket.currentLevel}</dd>
              <dt className="col-6 col-md-2">{t('task.received')}</dt>
              <dd className="col-6 col-md-2">{calendarDateTime(zone, ticket.receivedAt, i18n.language)}</dd>
              <dt className="col-6 col-md-2">{t('task.requester')}</dt>
              <dd className="col-6 col-md-2">
                {ticket.requester ? <Link to={`/contacts/${ticket.requester.id}`}>{ticket.requester.name}</Link> : '—'}
              </dd>
              {ticket.status === 'CLOSED' ? (
                <>
                  <dt className="col-6 col-md-2">{t('ticketPage.closed')}</dt>
                  <dd className="col-6 col-md-2">
                    {ticket.closedAt && calendarDateTime(zone, ticket.closedAt, i18n.language)}
                    {ticket.outcome && (
                      <> · {t(`activity.outcome.${ticket.outcome}`, { defaultValue: ticket.outcome })}</>
                    )}
                  </dd>
                </>
              ) : (
                <>
                  <dt className="col-6 col-md-2">{t('task.sla')}</dt>
                  <dd className="col-6 col-md-2">
                    <TicketSla ticket={ticket} zone={zone} />
                  </dd>
                </>
              )}
            </dl>
            <TicketContext context={ticket.context} />
            {personal && ticket.requester && (
              <p className="small mb-2">
                {[
                  ticket.requester.fiscalCode ?? ticket.requester.vatNumber,
                  ticket.requester.email,
                  ticket.requester.phone,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {tasks.length > 0 && (
              <nav aria-label={t('ticketPage.tasks')}>
                <ul className="list-inline mb-0">
                  {tasks.map((task) => (
                    <li key={task.id} className="list-inline-item">
                      <Link className="btn btn-outline-primary btn-sm" to={`/tasks/${task.id}`}>
                        {t('ticketPage.work', { task: t(`taskName.${task.taskKey}`, { defaultValue: task.name }) })}
                      </Link>
                      {task.assignee && (
                        <span className="small ms-1">{t('inbox.assignedTo', { user: task.assignee })}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </header>
          <div className="row g-4">
            <div className="col-lg-8 order-1">
              <Conversation number={ticket.number} zone={zone} version={version} />
              <AssignmentHistory number={ticket.number} zone={zone} />
              {writes && (
                <ReplyBox
                  ref={reply}
                  number={ticket.number}
                  allowReply={has(user, REPLY_ROLES) && ticket.status !== 'CLOSED'}
                  onSent={() => setVersion((current) => current + 1)}
                />
              )}
            </div>
            {writes && (
              <aside className="col-lg-4 order-2" aria-label={t('kbPanel.title')}>
                <KbPanel ticket={ticket.number} onInsert={(text) => reply.current?.insert(text)} />
              </aside>
            )}
          </div>
        </>
      )}
    </Layout>
  );
}
