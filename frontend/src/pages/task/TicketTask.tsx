import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  history,
  ticket as loadTicket,
  ticketsOf,
  type Interaction,
  type Me,
  type Ticket,
  type WorkItem,
} from '../../api';
import { Attachments } from '../../components/Attachments';
import { SentMail } from '../../components/SentMail';
import { CallbackBox } from '../../components/CallbackBox';
import { KbPanel } from '../../components/KbPanel';
import { Conversation } from '../../components/Conversation';
import { mayReadContacts } from '../../navigation';
import { ReplyBox, type ReplyBoxHandle } from '../../components/ReplyBox';
import { SlaBadge } from '../../components/SlaBadge';
import { TicketActions } from '../../components/TicketActions';
import { calendarDateTime } from '../../calendar';
import { TaskFormColumn, answerDecision } from './TaskFormColumn';

/** A ticket's task (the ticket's own, an office's, a callback's): the form beside the ticket and the requester's history. */
export function TicketTask({
  user,
  work,
  schema,
  bar,
  onError,
}: {
  user: Me;
  work: WorkItem;
  schema: unknown;
  /** The task's bar (who has it, take, shortcuts), under the heading */
  bar: ReactNode;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const [ticket, setTicket] = useState<Ticket>();
  const [contacts, setContacts] = useState<Interaction[]>([]);
  const [openTickets, setOpenTickets] = useState<Ticket[]>([]);
  const [reply, setReply] = useState('');
  const [conversationVersion, setConversationVersion] = useState(0);
  const replyBox = useRef<ReplyBoxHandle>(null);
  const when = (value: string | undefined | null, language: string) =>
    value ? calendarDateTime(user.zone, value, language) : '';

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const ticketView = await loadTicket(work.businessKey);
        if (cancelled) return;
        setTicket(ticketView);
        if (ticketView.requester && mayReadContacts(user)) {
          const [page, tickets] = await Promise.all([
            history(ticketView.requester.id),
            ticketsOf(ticketView.requester.id),
          ]);
          if (!cancelled) {
            setContacts(page.items);
            setOpenTickets(
              tickets.items.filter((other) => other.status !== 'CLOSED' && other.number !== ticketView.number),
            );
          }
        }
      } catch (error) {
        if (!cancelled) onError(error);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [work.businessKey, user, onError]);

  if (!ticket) return <>{bar}</>;
  return (
    <>
      <div className="d-flex flex-wrap align-items-baseline gap-3 mb-2">
        <h1 className="h2 mb-0">
          {ticket.number} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
        </h1>
        <Link to={`/tickets/${ticket.number}`}>{t('ticketPage.open')}</Link>
      </div>
      {bar}
      {ticket && (
        <div className="row g-4">
          <TaskFormColumn
            taskId={work.id}
            schema={schema}
            className="col-lg-6"
            answer={reply}
            completed={ticket.number}
          />
          <aside className="col-lg-6">
            <section className="card mb-3" aria-labelledby="ticket-title">
              <div className="card-body">
                <h2 id="ticket-title" className="h4 card-title">
                  {t('task.ticket')}: {ticket.subject}
                </h2>
                <TicketActions
                  number={ticket.number}
                  onChanged={() => void loadTicket(ticket.number).then(setTicket)}
                />
                <dl className="row mb-0">
                  <dt className="col-sm-5">{t('task.status')}</dt>
                  <dd className="col-sm-7">{t(`status.${ticket.status}`)}</dd>
                  <dt className="col-sm-5">{t('task.level')}</dt>
                  <dd className="col-sm-7">{ticket.currentLevel}</dd>
                  <dt className="col-sm-5">{t('task.received')}</dt>
                  <dd className="col-sm-7">{when(ticket.receivedAt, i18n.language)}</dd>
                  <dt className="col-sm-5">{t('task.takeInCharge')}</dt>
                  <dd className="col-sm-7">
                    {when(ticket.sla.takeInChargeDueAt, i18n.language)}{' '}
                    <SlaBadge state={ticket.sla.takeInChargeState} dueAt={ticket.sla.takeInChargeDueAt} />
                  </dd>
                  <dt className="col-sm-5">{t('task.resolution')}</dt>
                  <dd className="col-sm-7">
                    {when(ticket.sla.resolutionDueAt, i18n.language)}{' '}
                    <SlaBadge state={ticket.sla.resolutionState} dueAt={ticket.sla.resolutionDueAt} />
                  </dd>
                </dl>
                <h3 className="h6 mt-3">{t('task.description')}</h3>
                <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
                  {ticket.description}
                </p>
              </div>
            </section>
            {ticket.requester && (
              <section className="card mb-3" aria-labelledby="requester-title">
                <div className="card-body">
                  <h2 id="requester-title" className="h4 card-title">
                    {t('task.requester')}: {ticket.requester.name}
                  </h2>
                  <dl className="row mb-0">
                    <dt className="col-sm-5">{t('task.fiscalCode')}</dt>
                    <dd className="col-sm-7">{ticket.requester.fiscalCode ?? ticket.requester.vatNumber}</dd>
                    <dt className="col-sm-5">{t('task.email')}</dt>
                    <dd className="col-sm-7">{ticket.requester.email}</dd>
                    <dt className="col-sm-5">{t('task.phone')}</dt>
                    <dd className="col-sm-7">{ticket.requester.phone}</dd>
                    <dt className="col-sm-5">{t('task.language')}</dt>
                    <dd className="col-sm-7">{t(`language.${ticket.language}`, { defaultValue: ticket.language })}</dd>
                  </dl>
                  {mayReadContacts(user) && (
                    <Link
                      to={`/contacts/${ticket.requester.id}`}
                      className="d-inline-block mt-2"
                      aria-label={t('contact.openNamed', { name: ticket.requester.name ?? ticket.requester.id })}
                    >
                      {t('contact.open')}
                    </Link>
                  )}
                  <h3 className="h6 mt-3">{t('task.openTickets')}</h3>
                  {openTickets.length === 0 ? (
                    <p className="mb-0">{t('task.noOpenTickets')}</p>
                  ) : (
                    <ul className="mb-0">
                      {openTickets.map((other) => (
                        <li key={other.number}>
                          <Link to={`/tickets/${other.number}`}>{other.number}</Link> · {other.subject} ·{' '}
                          {t(`status.${other.status}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </section>
            )}
            {user.roles.some((role) => ['LEVEL1', 'LEVEL2', 'LEVEL3'].includes(role)) && (
              <>
                <ReplyBox
                  ref={replyBox}
                  number={ticket.number}
                  text={reply}
                  onTextChange={setReply}
                  hint={answerDecision(schema) ? t('task.replyIsAnswer') : undefined}
                  onSent={() => {
                    setConversationVersion((version) => version + 1);
                    void loadTicket(ticket.number).then(setTicket);
                  }}
                />
                <KbPanel ticket={ticket.number} onInsert={(text) => replyBox.current?.insert(text)} />
              </>
            )}
            {user.roles.some((role) => ['LEVEL1', 'LEVEL2'].includes(role)) && (
              <CallbackBox number={ticket.number} phone={ticket.requester?.phone} />
            )}
            <Attachments number={ticket.number} />
            <SentMail number={ticket.number} />
            <Conversation number={ticket.number} zone={user.zone} version={conversationVersion} />
            {mayReadContacts(user) && (
              <section aria-labelledby="history-title">
                <h2 id="history-title" className="h4">
                  {t('task.history')}
                </h2>
                {contacts.length === 0 && <p>{t('task.noHistory')}</p>}
                {ticket.requester && contacts.length > 0 && (
                  <p className="mb-1">
                    <Link to={`/contacts/${ticket.requester.id}`}>{t('contact.interactions')}</Link>
                  </p>
                )}
                <ul className="list-unstyled">
                  {contacts.map((contact) => (
                    <li key={contact.id} className="mb-1">
                      {when(contact.occurredAt, i18n.language)} ·{' '}
                      {t(`intake.channels.${contact.channel}`, { defaultValue: contact.channel })} ·{' '}
                      {contact.ticketNumber && (
                        <>
                          <Link to={`/tickets/${contact.ticketNumber}`}>{contact.ticketNumber}</Link> ·{' '}
                        </>
                      )}
                      {contact.summary}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </aside>
        </div>
      )}
    </>
  );
}
