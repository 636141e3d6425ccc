import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'design-react-kit';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ApiError,
  caseFilePath,
  claim as claimTask,
  complaint as loadComplaint,
  complete,
  letter as loadLetter,
  history,
  isFourEyes,
  task as loadTask,
  taskForm,
  ticket as loadTicket,
  ticketsOf,
  type FieldError,
  type Interaction,
  type Me,
  type Ticket,
  type WorkItem,
  type LetterDetail,
  type ComplaintDetail,
} from '../api';
import { Attachments } from '../components/Attachments';
import { SentMail } from '../components/SentMail';
import { CallbackBox } from '../components/CallbackBox';
import { CaseFile } from '../components/CaseFile';
import { Collision } from '../components/Collision';
import { KbSuggestions } from '../components/KbSuggestions';
import { KbPanel } from '../components/KbPanel';
import { Conversation } from '../components/Conversation';
import { Layout } from '../components/Layout';
import { mayReadContacts } from '../navigation';
import { Message } from '../components/Message';
import { ReplyBox, type ReplyBoxHandle } from '../components/ReplyBox';
import { SlaBadge } from '../components/SlaBadge';
import { TaskForm, type FormHandle } from '../components/TaskForm';
import { TicketActions } from '../components/TicketActions';
import { calendarDateTime } from '../calendar';
import { ShortcutHelp } from '../components/ShortcutHelp';
import { useShortcuts } from '../lib/shortcuts';
import { useFormOptions } from '../lib/codeLabels';

/**
 * The level-1 and level-2 forms' answer to the requester is written in the page's one reply box:
 * the form does not show it, and "Solved" completes the task with the reply box's text.
 */
const ANSWER_IN_REPLY_BOX: Record<string, string> = { 'ticket-level1': 'level1Decision', 'ticket-level2': 'level2Decision' };
const HIDDEN_IN_FORM = ['answer'] as const;

/** The ticket workspace: the task's form beside the ticket, its path and the requester's history. */
export function TaskPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const { taskId = '' } = useParams();
  const navigate = useNavigate();
  const [work, setWork] = useState<WorkItem>();
  const [schema, setSchema] = useState<unknown>();
  const [ticket, setTicket] = useState<Ticket>();
  const [contacts, setContacts] = useState<Interaction[]>([]);
  const [openTickets, setOpenTickets] = useState<Ticket[]>([]);
  const [form, setForm] = useState<FormHandle>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const [letterCase, setLetterCase] = useState<LetterDetail>();
  const [complaintCase, setComplaintCase] = useState<ComplaintDetail>();
  const [caseVersion, setCaseVersion] = useState(0);
  const [reply, setReply] = useState('');
  const [conversationVersion, setConversationVersion] = useState(0);
  const replyBox = useRef<ReplyBoxHandle>(null);
  const when = (value: string | undefined | null, language: string) => (value ? calendarDateTime(user.zone, value, language) : '');
  const formId = (schema as { id?: string } | undefined)?.id ?? '';
  const decisionKey = ANSWER_IN_REPLY_BOX[formId];

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const item = await loadTask(taskId);
        if (caseFilePath(item.businessKey)) {
          // a letter's or complaint's task: the form beside its case file
          const formSchema = await taskForm(taskId).catch(() => undefined);
          const isLetter = item.businessKey.startsWith('PROT-');
          const [letterView, complaintView] = await Promise.all([
            isLetter ? loadLetter(item.businessKey) : Promise.resolve(undefined),
            isLetter ? Promise.resolve(undefined) : loadComplaint(item.businessKey),
          ]);
          if (cancelled) return;
          setWork(item);
          setSchema(formSchema);
          setLetterCase(letterView);
          setComplaintCase(complaintView);
          return;
        }
        if (item.businessKey?.startsWith('KB-')) {
          // a knowledge-base task: the form beside a link to the article
          const formSchema = await taskForm(taskId).catch(() => undefined);
          if (!cancelled) {
            setWork(item);
            setSchema(formSchema);
          }
          return;
        }
        const [formSchema, ticketView] = await Promise.all([
          taskForm(taskId).catch(() => undefined),
          loadTicket(item.businessKey),
        ]);
        if (cancelled) return;
        setWork(item);
        setSchema(formSchema);
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
        if (!cancelled) {
          const status = error instanceof ApiError ? error.status : undefined;
          setMessage(status === 403 ? t('errors.forbidden') : status === 404 ? t('task.notFound') : t('errors.generic'));
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [taskId, t, caseVersion, user]);

  const onReady = useCallback((handle: FormHandle) => setForm(handle), []);
  const formOptions = useFormOptions();
  const [help, setHelp] = useState(false);
  const [taken, setTaken] = useState<string>();

  async function take() {
    if (!work || work.assignee) return;
    try {
      setWork(await claimTask(work.id));
      setTaken(t('task.taken'));
    } catch (error) {
      setMessage(isFourEyes(error) ? t('errors.fourEyes') : t('errors.conflict'));
    }
  }

  /** r reply, n internal note, t take, Ctrl+Enter complete, ? the list (never while typing, but Ctrl+Enter). */
  useShortcuts({
    r: () => document.querySelector<HTMLElement>('[data-reply-box]')?.focus(),
    n: () =>
      document
        .querySelector<HTMLElement>('[data-note-box], .task-form textarea[id$="Field_note"], .task-form [name="note"]')
        ?.focus(),
    t: () => void take(),
    'ctrl+enter': () => {
      if (form && !sending) void submit();
    },
    '?': () => setHelp(true),
  });

  async function submit() {
    if (!form) return;
    const { data, errors: formErrors } = form.submit();
    if (Object.keys(formErrors).length > 0) {
      setMessage(t('task.invalid'));
      return;
    }
    if (decisionKey && data[decisionKey] === 'SOLVE') {
      // the answer is the reply box's text, sent to the requester with the closing message
      if (!reply.trim()) {
        setErrors([]);
        setMessage(t('task.answerInReplyBox'));
        document.querySelector<HTMLTextAreaElement>('[data-reply-box]')?.focus();
        return;
      }
      data.answer = reply.trim();
    }
    setSending(true);
    setErrors([]);
    setMessage(undefined);
    try {
      await complete(taskId, data);
      navigate('/inbox', { state: { completed: ticket?.number ?? work?.businessKey } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        setErrors(error.errors);
        setMessage(t('task.invalid'));
      } else {
        setMessage(
          isFourEyes(error)
            ? t('errors.fourEyes')
            : error instanceof ApiError && error.status === 409
              ? t('errors.conflict')
              : t('errors.generic'),
        );
      }
    } finally {
      setSending(false);
    }
  }

  /** The task's Camunda Form and its complete button: the same column beside every kind of case. */
  const formColumn = (className: string) => (
    <section className={className} aria-labelledby="form-title">
      <h2 id="form-title" className="h4">
        {t('task.formTitle')}
      </h2>
      {schema ? (
        <TaskForm key={taskId} schema={schema} onReady={onReady} hidden={decisionKey ? HIDDEN_IN_FORM : undefined} options={formOptions} />
      ) : (
        <p>{t('task.noForm')}</p>
      )}
      {/* the outcome of "Complete" where the user is, not at the top of the page */}
      <Message text={message} errors={errors} />
      <Button color="primary" className="mt-3" disabled={!form || sending} onClick={() => void submit()}>
        {sending ? t('task.completing') : t('task.complete')}
      </Button>
    </section>
  );

  return (
    <Layout user={user}>
      <p>
        <Link to="/inbox">{t('task.back')}</Link>
      </p>
      {ticket && work && (
        <div className="d-flex flex-wrap align-items-baseline gap-3 mb-2">
          <h1 className="h2 mb-0">
            {ticket.number} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
          </h1>
          <Link to={`/tickets/${ticket.number}`}>{t('ticketPage.open')}</Link>
        </div>
      )}
      {!work && <Message text={message} errors={errors} />}
      {work?.businessKey && <Collision number={work.businessKey} zone={user.zone} />}
      {work && (
        <p className="d-flex flex-wrap align-items-center gap-2 small">
          {work.assignee ? (
            <span>{t('inbox.assignedTo', { user: work.assignee })}</span>
          ) : (
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void take()}>
              {t('inbox.claim')}
            </button>
          )}
          <span role="status">{taken}</span>
          <button type="button" className="btn btn-link btn-sm p-0" aria-haspopup="dialog" onClick={() => setHelp(true)}>
            {t('shortcuts.open')}
          </button>
        </p>
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      {work && (letterCase || complaintCase) && (
        <>
          <h1 className="h2">
            {work.businessKey} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
          </h1>
          <div className="row g-4">
            {formColumn('col-lg-5')}
            <aside className="col-lg-7">
              <p>
                <Link to={letterCase ? `/correspondence/${work.businessKey}` : `/complaints/${work.businessKey}`}>
                  {letterCase ? letterCase.letter.subject : complaintCase?.complaint.supplierName} ·{' '}
                  {t('caseFile.open')}
                </Link>
              </p>
              {complaintCase && (
                <p style={{ whiteSpace: 'pre-wrap' }}>
                  {complaintCase.complaint.contract}: {complaintCase.complaint.description}
                </p>
              )}
              <CaseFile
                basePath={caseFilePath(work.businessKey) ?? ''}
                documents={(letterCase ?? complaintCase)!.documents}
                approvals={(letterCase ?? complaintCase)!.approvals}
                timeline={(letterCase ?? complaintCase)!.timeline}
                uploadRoles={work.taskKey === 'userTask_draftAnswer' ? ['REPLY', 'ATTACHMENT'] : []}
                onChanged={() => setCaseVersion((version) => version + 1)}
              />
            </aside>
          </div>
        </>
      )}
      {work?.businessKey?.startsWith('KB-') && (
        <>
          <h1 className="h2">
            {work.businessKey} · {t(`taskName.${work.taskKey}`, { defaultValue: work.name })}
          </h1>
          <div className="row g-4">
            {formColumn('col-lg-6')}
            <aside className="col-lg-6">
              <Link to={`/kb/edit/${work.businessKey.substring(3)}`}>{t('kb.openArticle')}</Link>
            </aside>
          </div>
        </>
      )}
      {ticket && (
        <div className="row g-4">
          {formColumn('col-lg-6')}
          <aside className="col-lg-6">
            <section className="card mb-3" aria-labelledby="ticket-title">
              <div className="card-body">
                <h2 id="ticket-title" className="h4 card-title">
                  {t('task.ticket')}: {ticket.subject}
                </h2>
                <TicketActions number={ticket.number} onChanged={() => void loadTicket(ticket.number).then(setTicket)} />
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
                          <Link to={`/tickets/${other.number}`}>{other.number}</Link> · {other.subject} · {t(`status.${other.status}`)}
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
                  hint={decisionKey ? t('task.replyIsAnswer') : undefined}
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
                      {when(contact.occurredAt, i18n.language)} · {t(`intake.channels.${contact.channel}`, { defaultValue: contact.channel })} ·{' '}
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
    </Layout>
  );
}
