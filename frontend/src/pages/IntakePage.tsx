import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  ApiError,
  claim,
  findContacts,
  linkCall,
  openTicket,
  tasksOf,
  type Contact,
  type FieldError,
  type Me,
  type OpenTicket,
} from '../api';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useLabels } from '../lib/labels';

const CHANNELS = ['PHONE', 'VOICEMAIL', 'EMAIL', 'PEC', 'WEB', 'CHAT', 'FAX'];
const TYPES = ['Q', 'PQ', 'A', 'I', 'PA', 'PI'];
/** The topics the classification decision routes by name: offered when the tree has no topics. */
const TOPICS = ['general', 'payments', 'privacy', 'technical'];
const EMPTY_REQUEST = {
  channel: 'PHONE',
  type: 'Q',
  topic: 'general',
  reason: '',
  subject: '',
  description: '',
  language: 'it',
  answer: '',
};

/** A level-1 operator registers a contact in a few keystrokes, and solves it at once or opens the ticket. */
export function IntakePage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // opened from a screen pop: the call to link the new ticket to, and who is calling
  const [params] = useSearchParams();
  const callId = params.get('callId');
  const [identifier, setIdentifier] = useState(params.get('fiscalCode') ?? params.get('phone') ?? '');
  const [found, setFound] = useState<Contact | null>();
  const [name, setName] = useState('');
  const [request, setRequest] = useState(EMPTY_REQUEST);
  // topic and reason are picked from the classification tree (the server accepts its codes)
  const { reference } = useLabels();
  const treeTopics = reference.categories.filter((category) => category.depth === 1);
  const reasons = reference.categories.filter(
    (category) => category.depth === 2 && category.parentCode === request.topic,
  );
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string }>();

  const requester = (): Record<string, string> => {
    const value = identifier.trim();
    if (value.includes('@')) return { email: value };
    if (/^[+\d][\d\s.-]{5,}$/.test(value)) return { phone: value };
    return { fiscalCode: value };
  };

  async function search(event?: FormEvent) {
    event?.preventDefault();
    const matches = await findContacts(requester()).catch(() => []);
    setFound(matches[0] ?? null);
  }

  useEffect(() => {
    if (callId && identifier) void search();
    // only once, for the caller the screen pop named
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = (field: keyof typeof request) => (event: { target: { value: string } }) =>
    setRequest({ ...request, [field]: event.target.value });

  async function submit(solveNow: boolean) {
    if (sending) return;
    setErrors([]);
    setMessage(undefined);
    if (solveNow && !request.answer.trim()) {
      setMessage({ kind: 'danger', text: t('intake.answerNeeded') });
      return;
    }
    setSending(true);
    try {
      const ticket = await openTicket({
        channel: request.channel as OpenTicket['channel'],
        type: request.type as OpenTicket['type'],
        subject: request.subject,
        description: request.description,
        language: request.language,
        requester: { ...requester(), name: found?.name ?? name },
        category: { topic: request.topic, reason: request.reason || undefined },
        firstContactAnswer: solveNow ? request.answer : undefined,
      });
      if (callId) await linkCall(callId, ticket.number).catch(() => undefined);
      if (solveNow) {
        // solved and closed: a clean form for the next contact, so that a second click opens nothing
        setRequest(EMPTY_REQUEST);
        setIdentifier('');
        setFound(undefined);
        setName('');
        setMessage({ kind: 'success', text: t('intake.solved', { number: ticket.number }) });
        return;
      }
      const tasks = await tasksOf(ticket.number);
      const level1 = tasks.items[0];
      if (level1) {
        await claim(level1.id);
        navigate(`/tasks/${level1.id}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setErrors(error.errors);
      setMessage({
        kind: 'danger',
        text: error instanceof ApiError && error.status === 400 ? t('task.invalid') : t('errors.generic'),
      });
    } finally {
      setSending(false);
    }
  }

  const field = (id: keyof typeof request, label: string, input: JSX.Element) => (
    <div className="mb-3">
      <label htmlFor={`intake-${id}`} className="form-label">
        {label}
      </label>
      {input}
    </div>
  );

  return (
    <Layout user={user}>
      <h1 className="h2 mb-3">{t('intake.title')}</h1>
      {callId && (
        <p className="lead">
          {t('phone.intakeFromCall', { phone: params.get('phone') ?? t('phone.pop.hiddenNumber') })}
        </p>
      )}
      <div className="row g-4">
        <section className="col-lg-4" aria-labelledby="find-title">
          <h2 id="find-title" className="h4">
            {t('intake.find')}
          </h2>
          <form onSubmit={search}>
            <label htmlFor="intake-identifier" className="form-label">
              {t('intake.findHint')}
            </label>
            <div className="d-flex gap-2">
              <input
                type="text"
                id="intake-identifier"
                className="form-control"
                value={identifier}
                onChange={(event) => setIdentifier(event.target.value)}
              />
              <button type="submit" className="btn btn-outline-primary">
                {t('intake.search')}
              </button>
            </div>
          </form>
          <div aria-live="polite" className="mt-3">
            {found && <p>{t('intake.found', { name: found.name ?? found.fiscalCode ?? found.email })}</p>}
            {found === null && <p>{t('intake.notFound')}</p>}
          </div>
          {found === null && (
            <div className="mb-3">
              <label htmlFor="intake-name" className="form-label">
                {t('intake.name')}
              </label>
              <input
                type="text"
                id="intake-name"
                className="form-control"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
          )}
        </section>
        <section className="col-lg-8" aria-labelledby="request-title">
          <h2 id="request-title" className="h4">
            {t('intake.request')}
          </h2>
          <div className="row">
            <div className="col-md-4">
              {field(
                'channel',
                t('intake.channel'),
                <select id="intake-channel" className="form-select" value={request.channel} onChange={set('channel')}>
                  {CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`intake.channels.${channel}`)}
                    </option>
                  ))}
                </select>,
              )}
            </div>
            <div className="col-md-4">
              {field(
                'type',
                t('intake.type'),
                <select id="intake-type" className="form-select" value={request.type} onChange={set('type')}>
                  {TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`intake.types.${type}`)}
                    </option>
                  ))}
                </select>,
              )}
            </div>
            <div className="col-md-4">
              {field(
                'language',
                t('intake.language'),
                <select
                  id="intake-language"
                  className="form-select"
                  value={request.language}
                  onChange={set('language')}
                >
                  <option value="it">Italiano</option>
                  <option value="en">English</option>
                  <option value="de">Deutsch</option>
                  <option value="fr">Français</option>
                </select>,
              )}
            </div>
            <div className="col-md-6">
              {field(
                'topic',
                t('intake.topic'),
                <select
                  id="intake-topic"
                  className="form-select"
                  value={request.topic}
                  onChange={(event) => setRequest({ ...request, topic: event.target.value, reason: '' })}
                >
                  {treeTopics.length === 0
                    ? TOPICS.map((topic) => (
                        <option key={topic} value={topic}>
                          {t(`intake.topics.${topic}`)}
                        </option>
                      ))
                    : [
                        <option key="general" value="general">
                          {t('intake.topics.general')}
                        </option>,
                        ...treeTopics.map((topic) => (
                          <option key={topic.code} value={topic.code}>
                            {topic.name}
                          </option>
                        )),
                      ]}
                </select>,
              )}
            </div>
            <div className="col-md-6">
              {field(
                'reason',
                t('intake.reason'),
                <select
                  id="intake-reason"
                  className="form-select"
                  value={request.reason}
                  disabled={reasons.length === 0}
                  aria-describedby="intake-reason-hint"
                  onChange={set('reason')}
                >
                  <option value="">{reasons.length === 0 ? t('intake.noReasons') : t('intake.anyReason')}</option>
                  {reasons.map((reason) => (
                    <option key={reason.code} value={reason.code}>
                      {reason.name}
                    </option>
                  ))}
                </select>,
              )}
              <p id="intake-reason-hint" className="small text-muted">
                {t('intake.reasonHint')}
              </p>
            </div>
          </div>
          {field(
            'subject',
            t('intake.subject'),
            <input
              type="text"
              id="intake-subject"
              className="form-control"
              value={request.subject}
              onChange={set('subject')}
            />,
          )}
          {field(
            'description',
            t('intake.description'),
            <textarea
              id="intake-description"
              className="form-control"
              rows={3}
              value={request.description}
              onChange={set('description')}
            />,
          )}
          {field(
            'answer',
            t('intake.answer'),
            <textarea
              id="intake-answer"
              className="form-control"
              rows={3}
              value={request.answer}
              onChange={set('answer')}
            />,
          )}
          <Message kind={message?.kind} text={message?.text} errors={errors} />
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-primary" disabled={sending} onClick={() => void submit(true)}>
              {t('intake.solve')}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={sending}
              onClick={() => void submit(false)}
            >
              {t('intake.open')}
            </button>
          </div>
        </section>
      </div>
    </Layout>
  );
}
