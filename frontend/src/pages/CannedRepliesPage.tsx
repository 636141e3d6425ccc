import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  cannedReplies,
  createCannedReply,
  deleteCannedReply,
  updateCannedReply,
  type CannedReply,
  type CannedReplyInput,
  type FieldError,
  type Me,
} from '../api';
import { calendarDateTime } from '../calendar';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import { useDocumentTitle } from '../components/useDocumentTitle';

const LANGUAGES = ['it', 'en', 'de', 'fr'] as const;
type Language = (typeof LANGUAGES)[number];
const QUEUES = ['general', 'payments', 'privacy', 'technical'];
/** Who may write shared replies (the API's rule). */
const SHARED_MANAGERS = ['SUPERVISOR', 'KB_EDITOR', 'ADMIN'];

/** The placeholders the API knows (CannedText on the server): Italian name, English name, help key. */
export const PLACEHOLDERS = [
  ['richiedente.nome', 'requester.name', 'requesterName'],
  ['pratica.numero', 'ticket.number', 'ticketNumber'],
  ['pratica.oggetto', 'ticket.subject', 'ticketSubject'],
  ['operatore.nome', 'operator.name', 'operatorName'],
  ['oggi', 'today', 'today'],
] as const;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholder names in a text that the API would refuse. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS.flatMap(([italian, english]) => [italian, english]));
  return [...new Set([...text.matchAll(TOKEN)].map((match) => match[1]).filter((name) => !known.has(name)))];
}

interface Draft {
  id?: number;
  version?: number;
  title: string;
  shared: boolean;
  queue: string;
  bodies: Record<Language, string>;
}

const EMPTY: Draft = { title: '', shared: false, queue: '', bodies: { it: '', en: '', de: '', fr: '' } };

/**
 * The user's canned replies and the shared ones: search, write (with the placeholders and a preview
 * with sample data), change and delete; shared ones only for supervisors, KB editors and admins.
 */
export function CannedRepliesPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('canned.page.title'));
  const managesShared = user.roles.some((role) => SHARED_MANAGERS.includes(role));
  const [replies, setReplies] = useState<CannedReply[]>();
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState<Draft>();
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string }>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [deleting, setDeleting] = useState<number>();
  const formHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    () =>
      cannedReplies({ q: search.trim() || undefined }).then(setReplies, () =>
        setMessage({ kind: 'danger', text: t('canned.page.failed') }),
      ),
    [search, t],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  useEffect(() => {
    if (draft) formHeading.current?.focus();
    // only when a form opens, not at each keystroke
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft?.id, draft === undefined]);

  function edit(reply?: CannedReply) {
    setErrors([]);
    setMessage(undefined);
    setDraft(
      reply
        ? {
            id: reply.id,
            version: reply.version,
            title: reply.title,
            shared: reply.shared,
            queue: reply.queue ?? '',
            bodies: {
              it: reply.bodies.it ?? '',
              en: reply.bodies.en ?? '',
              de: reply.bodies.de ?? '',
              fr: reply.bodies.fr ?? '',
            },
          }
        : { ...EMPTY, bodies: { ...EMPTY.bodies } },
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const input: CannedReplyInput = {
      title: draft.title,
      shared: draft.shared,
      queue: draft.queue || undefined,
      bodies: {
        it: draft.bodies.it,
        en: draft.bodies.en || undefined,
        de: draft.bodies.de || undefined,
        fr: draft.bodies.fr || undefined,
      },
      version: draft.version,
    } as CannedReplyInput;
    try {
      if (draft.id === undefined) await createCannedReply(input);
      else await updateCannedReply(draft.id, input);
      setDraft(undefined);
      setErrors([]);
      setMessage({ kind: 'success', text: t('canned.page.saved') });
      await load();
    } catch (error) {
      fail(error);
    }
  }

  function fail(error: unknown) {
    if (error instanceof ApiError && error.status === 400) {
      setErrors(error.errors);
      setMessage({ kind: 'danger', text: t('canned.page.invalid') });
    } else if (error instanceof ApiError && error.status === 409) {
      setMessage({ kind: 'danger', text: t('canned.page.conflict') });
    } else if (error instanceof ApiError && error.status === 403) {
      setMessage({ kind: 'danger', text: t('canned.page.forbidden') });
    } else {
      setMessage({ kind: 'danger', text: t('canned.page.failed') });
    }
  }

  async function remove(reply: CannedReply) {
    try {
      await deleteCannedReply(reply.id);
      setDeleting(undefined);
      setMessage({ kind: 'success', text: t('canned.page.deleted') });
      await load();
    } catch (error) {
      fail(error);
    }
  }

  const mine = (replies ?? []).filter((reply) => !reply.shared);
  const shared = (replies ?? []).filter((reply) => reply.shared);

  function table(list: CannedReply[], titleId: string) {
    if (replies === undefined) return null;
    if (list.length === 0) return <p>{t('canned.page.empty')}</p>;
    return (
      <div className="table-responsive">
        <table className="table table-sm align-middle" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('canned.page.columns.title')}</th>
              <th scope="col">{t('canned.page.columns.queue')}</th>
              <th scope="col">{t('canned.page.columns.languages')}</th>
              <th scope="col">{t('canned.page.columns.updated')}</th>
              <th scope="col">{t('canned.page.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((reply) => (
              <tr key={reply.id}>
                <td>{reply.title}</td>
                <td>
                  {reply.queue
                    ? t(`intake.topics.${reply.queue}`, { defaultValue: reply.queue })
                    : t('canned.page.allQueues')}
                </td>
                <td>
                  {LANGUAGES.filter((language) => reply.bodies[language])
                    .map((language) => t(`canned.languages.${language}`))
                    .join(', ')}
                </td>
                <td className="small">
                  {t('canned.page.updated', {
                    when: calendarDateTime(user.zone, reply.updatedAt, i18n.language),
                    user: reply.updatedBy,
                  })}
                </td>
                <td>
                  {reply.editable && (
                    <div className="d-flex flex-wrap gap-1">
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        aria-label={t('canned.page.editLabel', { title: reply.title })}
                        onClick={() => edit(reply)}
                      >
                        {t('canned.page.edit')}
                      </button>
                      {deleting === reply.id ? (
                        <>
                          <button type="button" className="btn btn-danger btn-sm" onClick={() => void remove(reply)}>
                            {t('canned.page.confirmDelete', { title: reply.title })}
                          </button>
                          <button
                            type="button"
                            className="btn btn-outline-secondary btn-sm"
                            onClick={() => setDeleting(undefined)}
                          >
                            {t('canned.page.cancel')}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-outline-danger btn-sm"
                          aria-label={t('canned.page.deleteLabel', { title: reply.title })}
                          onClick={() => setDeleting(reply.id)}
                        >
                          {t('canned.page.delete')}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Layout user={user}>
      <h1 className="h2">{t('canned.page.title')}</h1>
      <p>{t('canned.page.intro')}</p>
      <Message kind={message?.kind} text={message?.text} />
      {draft ? (
        <ReplyForm
          draft={draft}
          onChange={setDraft}
          onSubmit={save}
          onCancel={() => {
            setDraft(undefined);
            setErrors([]);
          }}
          errors={errors}
          managesShared={managesShared}
          zone={user.zone}
          headingRef={formHeading}
        />
      ) : (
        <>
          <div className="d-flex flex-wrap gap-2 align-items-end mb-3">
            <div>
              <label htmlFor="canned-search" className="form-label mb-0">
                {t('canned.page.search')}
              </label>
              <input
                id="canned-search"
                type="search"
                className="form-control"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <button type="button" className="btn btn-primary" onClick={() => edit()}>
              {t('canned.page.new')}
            </button>
          </div>
          <h2 id="canned-mine" className="h4">
            {t('canned.page.mine')}
          </h2>
          {table(mine, 'canned-mine')}
          <h2 id="canned-shared" className="h4">
            {t('canned.page.shared')}
          </h2>
          {table(shared, 'canned-shared')}
        </>
      )}
    </Layout>
  );
}

function ReplyForm({
  draft,
  onChange,
  onSubmit,
  onCancel,
  errors,
  managesShared,
  zone,
  headingRef,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  errors: FieldError[];
  managesShared: boolean;
  /** The service calendar's zone: "today" is its day. */
  zone: string;
  headingRef: React.RefObject<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState<Language>('it');
  const areas = useRef<Partial<Record<Language, HTMLTextAreaElement | null>>>({});
  const errorsOf = (field: string) => errors.filter((error) => error.field === field).map((error) => error.message);

  function setBody(lang: Language, text: string) {
    onChange({ ...draft, bodies: { ...draft.bodies, [lang]: text } });
  }

  function insertPlaceholder(name: string) {
    const area = areas.current[language];
    const text = draft.bodies[language];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const token = `{{${name}}}`;
    setBody(language, text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  const sample: Record<string, string> = {
    'richiedente.nome': t('canned.sample.requesterName'),
    'requester.name': t('canned.sample.requesterName'),
    'pratica.numero': 'RS-2026-000123',
    'ticket.number': 'RS-2026-000123',
    'pratica.oggetto': t('canned.sample.ticketSubject'),
    'ticket.subject': t('canned.sample.ticketSubject'),
    'operatore.nome': t('canned.sample.operatorName'),
    'operator.name': t('canned.sample.operatorName'),
  };
  const today = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone }).format(new Date());
  sample.oggi = today;
  sample.today = today;
  const previewText = draft.bodies[language] || draft.bodies.it;
  const preview = previewText.replace(TOKEN, (token, name: string) => sample[name] ?? token);

  const fieldErrors = (field: string, errorId: string) => {
    const messages = errorsOf(field);
    return messages.length > 0 ? (
      <div id={errorId} className="invalid-feedback d-block">
        {messages.join(' ')}
      </div>
    ) : null;
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="h4">
        {draft.id === undefined ? t('canned.form.creating') : t('canned.form.editing', { title: draft.title })}
      </h2>
      <div className="row g-3">
        <div className="col-lg-8">
          <div className="mb-2">
            <label htmlFor={`${id}-title`} className="form-label mb-0">
              {t('canned.form.title')} {t('canned.form.required')}
            </label>
            <input
              id={`${id}-title`}
              className={`form-control${errorsOf('title').length ? ' is-invalid' : ''}`}
              maxLength={120}
              required
              aria-invalid={errorsOf('title').length > 0}
              aria-describedby={errorsOf('title').length ? `${id}-title-error` : undefined}
              value={draft.title}
              onChange={(event) => onChange({ ...draft, title: event.target.value })}
            />
            {fieldErrors('title', `${id}-title-error`)}
          </div>
          <div className="d-flex flex-wrap gap-3 mb-2">
            <div>
              <label htmlFor={`${id}-queue`} className="form-label mb-0">
                {t('canned.form.queue')}
              </label>
              <select
                id={`${id}-queue`}
                className={`form-select${errorsOf('queue').length ? ' is-invalid' : ''}`}
                value={draft.queue}
                aria-describedby={errorsOf('queue').length ? `${id}-queue-error` : undefined}
                onChange={(event) => onChange({ ...draft, queue: event.target.value })}
              >
                <option value="">{t('canned.page.allQueues')}</option>
                {QUEUES.map((queue) => (
                  <option key={queue} value={queue}>
                    {t(`intake.topics.${queue}`)}
                  </option>
                ))}
              </select>
              {fieldErrors('queue', `${id}-queue-error`)}
            </div>
            {managesShared && draft.id === undefined && (
              <div className="form-check align-self-end">
                <input
                  id={`${id}-shared`}
                  type="checkbox"
                  className="form-check-input"
                  checked={draft.shared}
                  onChange={(event) => onChange({ ...draft, shared: event.target.checked })}
                />
                <label htmlFor={`${id}-shared`} className="form-check-label">
                  {t('canned.form.shared')}
                </label>
              </div>
            )}
          </div>
          {LANGUAGES.map((lang) => {
            const field = `bodies.${lang}`;
            const problems = errorsOf(field);
            const unknown = unknownPlaceholders(draft.bodies[lang]);
            const describedBy = [
              problems.length ? `${id}-${lang}-error` : '',
              unknown.length ? `${id}-${lang}-unknown` : '',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <div className="mb-2" key={lang}>
                <label htmlFor={`${id}-${lang}`} className="form-label mb-0">
                  {t('canned.form.body', { language: t(`canned.languages.${lang}`) })}{' '}
                  <span className="small">{lang === 'it' ? t('canned.form.required') : t('canned.form.optional')}</span>
                </label>
                <textarea
                  id={`${id}-${lang}`}
                  ref={(element) => {
                    areas.current[lang] = element;
                  }}
                  className={`form-control${problems.length ? ' is-invalid' : ''}`}
                  rows={lang === 'it' ? 5 : 3}
                  maxLength={4000}
                  required={lang === 'it'}
                  aria-invalid={problems.length > 0}
                  aria-describedby={describedBy || undefined}
                  value={draft.bodies[lang]}
                  onFocus={() => setLanguage(lang)}
                  onChange={(event) => setBody(lang, event.target.value)}
                />
                {fieldErrors(field, `${id}-${lang}-error`)}
                {unknown.length > 0 && problems.length === 0 && (
                  <div id={`${id}-${lang}-unknown`} className="small text-danger">
                    {t('canned.form.unknown', { names: unknown.join(', ') })}
                  </div>
                )}
              </div>
            );
          })}
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {t('canned.form.save')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              {t('canned.page.cancel')}
            </button>
          </div>
        </div>
        <div className="col-lg-4">
          <section aria-labelledby={`${id}-placeholders`}>
            <h3 id={`${id}-placeholders`} className="h5">
              {t('canned.placeholders.title')}
            </h3>
            <p className="small">{t('canned.placeholders.intro')}</p>
            <ul className="list-unstyled small">
              {PLACEHOLDERS.map(([italian, english, help]) => (
                <li key={italian} className="mb-1">
                  <button
                    type="button"
                    className="btn btn-link btn-sm p-0 text-start"
                    aria-label={t('canned.placeholders.insert', {
                      name: `{{${italian}}}`,
                      language: t(`canned.languages.${language}`),
                    })}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => insertPlaceholder(italian)}
                  >
                    <span className="font-monospace">{`{{${italian}}}`}</span>
                  </button>{' '}
                  / <span className="font-monospace">{`{{${english}}}`}</span>: {t(`canned.placeholders.${help}`)}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby={`${id}-preview`}>
            <h3 id={`${id}-preview`} className="h5">
              {t('canned.previewTitle', { language: t(`canned.languages.${language}`) })}
            </h3>
            <p className="border rounded p-2 small" style={{ whiteSpace: 'pre-wrap' }} data-canned-preview>
              {preview}
            </p>
          </section>
        </div>
      </div>
    </form>
  );
}
