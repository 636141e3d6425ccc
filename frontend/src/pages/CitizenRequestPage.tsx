import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, searchPublicKb, type SearchHit } from '../api';
import {
  attachToRequest,
  callbackSlots,
  publicCategories,
  recordDeflection,
  requestChallenge,
  sendRequest,
  type AnswerChannel,
  type CallbackSlots,
  type PublicCategory,
  type RequestReceipt,
} from '../citizenRequestApi';
import { Layout } from '../components/Layout';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { searchInReadersLanguage } from '../lib/kbLanguage';
import { NoticeBoard } from '../components/NoticeBoard';

/** Only outages are shown above the form (the chosen topic's and those of every topic). */
const OUTAGES = ['OUTAGE'] as const;

/** How long the form waits after it opened before sending: the server's challenge must be this old. */
const CHALLENGE_WAIT_MS = 3500;
const SUGGESTION_DELAY_MS = 400;
const CHANNELS: AnswerChannel[] = ['EMAIL', 'PEC', 'PHONE'];

type Errors = Record<string, string>;

/**
 * Citizens' web request, without login: topic and reason from the classification tree, subject (the
 * public KB suggests articles meanwhile: "this solved my problem" records a deflected contact),
 * description, attachments, contact details, answer channel, privacy consent. The referring
 * service passes `?page=&errorCode=&service=`.
 */
export function CitizenRequestPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('citizenRequest.title'));
  const [params] = useSearchParams();
  const context = {
    page: params.get('page') ?? undefined,
    errorCode: params.get('errorCode') ?? undefined,
    service: params.get('service') ?? undefined,
  };
  const [topics, setTopics] = useState<PublicCategory[]>([]);
  const [reasons, setReasons] = useState<PublicCategory[]>([]);
  const [topic, setTopic] = useState('');
  const [reason, setReason] = useState('');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [fiscalCode, setFiscalCode] = useState('');
  const [answerChannel, setAnswerChannel] = useState<AnswerChannel>('EMAIL');
  const [slots, setSlots] = useState<CallbackSlots>();
  const [callbackAt, setCallbackAt] = useState('');
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [suggestions, setSuggestions] = useState<SearchHit[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<RequestReceipt>();
  const [attachFailed, setAttachFailed] = useState(false);
  const [deflected, setDeflected] = useState(false);
  const challenge = useRef<{ token: string; fetchedAt: number }>();
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLHeadingElement>(null);
  const language = i18n.language.slice(0, 2);

  async function newChallenge() {
    const issued = await requestChallenge();
    challenge.current = { token: issued.token, fetchedAt: Date.now() };
  }

  useEffect(() => {
    newChallenge().catch(() => undefined);
  }, []);

  // the topics are named in the reader's language: asked again when it changes
  useEffect(() => {
    publicCategories().then(setTopics, () => setTopics([]));
  }, [i18n.language]);

  // the call-back slots, once the citizen chooses an answer by phone
  useEffect(() => {
    if (answerChannel !== 'PHONE' || slots) return;
    callbackSlots().then(setSlots, () => setSlots({ zone: 'Europe/Rome', slots: [] }));
  }, [answerChannel, slots]);

  useEffect(() => {
    setReason('');
    setReasons([]);
    const node = topics.find((each) => each.code === topic);
    if (!node) return;
    // a slow answer for the topic chosen before must not offer that topic's reasons
    let stale = false;
    publicCategories(node.id).then(
      (found) => !stale && setReasons(found),
      () => !stale && setReasons([]),
    );
    return () => {
      stale = true;
    };
  }, [topic, topics]);

  useEffect(() => {
    const text = subject.trim();
    if (text.length < 3) {
      setSuggestions([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      searchInReadersLanguage(searchPublicKb, text, language).then(
        (result) => !stale && setSuggestions(result.hits.slice(0, 3)),
        () => !stale && setSuggestions([]),
      );
    }, SUGGESTION_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [subject, language]);

  useEffect(() => {
    if (receipt || deflected) done.current?.focus();
  }, [receipt, deflected]);

  async function solved(articleId: number) {
    try {
      await recordDeflection(articleId, subject);
      setDeflected(true);
    } catch {
      setMessage(t('errors.generic'));
    }
  }

  function check(): Errors {
    const found: Errors = {};
    if (!topic) found.topic = t('citizenRequest.required');
    if (!reason) found.reason = t('citizenRequest.required');
    if (!subject.trim()) found.subject = t('citizenRequest.required');
    if (!description.trim()) found.description = t('citizenRequest.required');
    if (!name.trim()) found['requester.name'] = t('citizenRequest.required');
    if (!email.trim()) found['requester.email'] = t('citizenRequest.required');
    if (answerChannel === 'PHONE' && !phone.trim()) found['requester.phone'] = t('citizenRequest.phoneForCallBack');
    if (!consent) found.privacyConsent = t('citizenRequest.consentRequired');
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage(t('citizenRequest.fixErrors'));
      summary.current?.focus();
      return;
    }
    setSending(true);
    try {
      if (!challenge.current) await newChallenge();
      const wait = challenge.current!.fetchedAt + CHALLENGE_WAIT_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sent = await sendRequest({
        topic,
        reason,
        subject: subject.trim(),
        description: description.trim(),
        language,
        answerChannel,
        callbackAt: answerChannel === 'PHONE' && callbackAt ? callbackAt : undefined,
        requester: {
          name: name.trim(),
          email: email.trim(),
          phone: phone.trim() || undefined,
          fiscalCode: fiscalCode.trim() || undefined,
        },
        context,
        privacyConsent: consent,
        challenge: challenge.current!.token,
        website,
      });
      let failed = false;
      for (const file of files) {
        await attachToRequest(sent.trackingToken, file).catch(() => {
          failed = true;
        });
      }
      setAttachFailed(failed);
      setReceipt(sent);
    } catch (failure) {
      challenge.current = undefined;
      newChallenge().catch(() => undefined);
      if (failure instanceof ApiError && failure.errors.length > 0) {
        const fromServer: Errors = {};
        for (const each of failure.errors) fromServer[each.field] = each.message;
        setErrors(fromServer);
        setMessage(fromServer.challenge ? t('citizenRequest.tryAgain') : t('citizenRequest.fixErrors'));
      } else if (failure instanceof ApiError && failure.status === 429) {
        setMessage(t('citizenRequest.tooMany'));
      } else {
        setMessage(t('errors.generic'));
      }
      summary.current?.focus();
    } finally {
      setSending(false);
    }
  }

  if (deflected) {
    return (
      <Layout>
        <h1 className="h2" tabIndex={-1} ref={done}>
          {t('citizenRequest.deflectedTitle')}
        </h1>
        <p role="status">{t('citizenRequest.deflectedText')}</p>
        <Link to="/self-service/kb">{t('citizenRequest.backToKb')}</Link>
      </Layout>
    );
  }

  if (receipt) {
    const link = `/self-service/requests/${receipt.trackingToken}`;
    return (
      <Layout>
        <h1 className="h2" tabIndex={-1} ref={done}>
          {t('citizenRequest.sentTitle')}
        </h1>
        <div role="status" className="alert alert-success">
          <p className="mb-1">
            {t('citizenRequest.sentNumber')} <strong data-field="request-number">{receipt.number}</strong>
          </p>
          <p className="mb-1">{t('citizenRequest.sentMail')}</p>
          <p className="mb-0">
            <Link to={link} data-field="tracking-link">
              {t('citizenRequest.trackLink')}
            </Link>
          </p>
        </div>
        {attachFailed && (
          <p className="alert alert-warning" role="alert">
            {t('citizenRequest.attachFailed')}
          </p>
        )}
      </Layout>
    );
  }

  const invalid = (field: string) => (errors[field] ? 'is-invalid' : '');
  const described = (field: string) => (errors[field] ? `${field.replace('.', '-')}-error` : undefined);
  const error = (field: string) =>
    errors[field] ? (
      <div id={`${field.replace('.', '-')}-error`} className="invalid-feedback d-block">
        {errors[field]}
      </div>
    ) : null;

  return (
    <Layout>
      <h1 className="h2">{t('citizenRequest.title')}</h1>
      <p>{t('citizenRequest.intro')}</p>
      <div ref={summary} tabIndex={-1} aria-live="assertive">
        {message && (
          <div className="alert alert-danger" role="alert">
            {message}
            {Object.keys(errors).length > 0 && (
              <ul className="mb-0">
                {Object.entries(errors).map(([field, text]) => (
                  <li key={field}>
                    {t(`citizenRequest.fields.${field}`, { defaultValue: field })}: {text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {/* an outage of the chosen topic may appear here while the citizen fills in the form: announced */}
      <div aria-live="polite">
        <NoticeBoard topic={topic || undefined} kinds={OUTAGES} />
      </div>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="mb-5" style={{ maxWidth: '48rem' }}>
        <fieldset className="mb-3">
          <legend className="h5">{t('citizenRequest.aboutTitle')}</legend>
          <div className="mb-3">
            <label htmlFor="request-topic" className="form-label">
              {t('citizenRequest.fields.topic')} *
            </label>
            <select
              id="request-topic"
              className={`form-select ${invalid('topic')}`}
              value={topic}
              aria-required="true"
              aria-invalid={!!errors.topic}
              aria-describedby={described('topic')}
              onChange={(event) => setTopic(event.target.value)}
            >
              <option value="">{t('citizenRequest.choose')}</option>
              {topics.map((each) => (
                <option key={each.code} value={each.code}>
                  {each.name}
                </option>
              ))}
            </select>
            {error('topic')}
          </div>
          <div className="mb-3">
            <label htmlFor="request-reason" className="form-label">
              {t('citizenRequest.fields.reason')} *
            </label>
            <select
              id="request-reason"
              className={`form-select ${invalid('reason')}`}
              value={reason}
              aria-required="true"
              aria-invalid={!!errors.reason}
              aria-describedby={described('reason')}
              disabled={reasons.length === 0}
              onChange={(event) => setReason(event.target.value)}
            >
              <option value="">{t('citizenRequest.choose')}</option>
              {reasons.map((each) => (
                <option key={each.code} value={each.code}>
                  {each.name}
                </option>
              ))}
            </select>
            {error('reason')}
          </div>
          <div className="mb-3">
            <label htmlFor="request-subject" className="form-label">
              {t('citizenRequest.fields.subject')} *
            </label>
            <input
              id="request-subject"
              type="text"
              maxLength={300}
              className={`form-control ${invalid('subject')}`}
              value={subject}
              aria-required="true"
              aria-invalid={!!errors.subject}
              aria-describedby={described('subject')}
              onChange={(event) => setSubject(event.target.value)}
            />
            {error('subject')}
          </div>
          <section aria-live="polite" aria-labelledby={suggestions.length > 0 ? 'suggestions-title' : undefined}>
            {suggestions.length > 0 && (
              <div className="callout callout-highlight note mb-3 p-3 border-start border-4 border-primary bg-light">
                <h2 id="suggestions-title" className="h6">
                  {t('citizenRequest.suggestionsTitle')}
                </h2>
                <ul className="list-unstyled mb-0">
                  {suggestions.map((hit) => (
                    <li key={hit.sourceId} className="mb-2 d-flex flex-wrap gap-2 align-items-center">
                      <Link to={`/self-service/kb/${hit.sourceId}`} target="_blank" rel="noopener">
                        {hit.title}
                        <span className="visually-hidden"> ({t('citizenRequest.newWindow')})</span>
                      </Link>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-xs btn-sm"
                        onClick={() => void solved(hit.sourceId)}
                      >
                        {t('citizenRequest.solved')}
                        <span className="visually-hidden">: {hit.title}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <div className="mb-3">
            <label htmlFor="request-description" className="form-label">
              {t('citizenRequest.fields.description')} *
            </label>
            <textarea
              id="request-description"
              rows={6}
              maxLength={20000}
              className={`form-control ${invalid('description')}`}
              value={description}
              aria-required="true"
              aria-invalid={!!errors.description}
              aria-describedby={described('description')}
              onChange={(event) => setDescription(event.target.value)}
            />
            {error('description')}
          </div>
          <div className="mb-3">
            <label htmlFor="request-files" className="form-label">
              {t('citizenRequest.fields.files')}
            </label>
            <input
              id="request-files"
              type="file"
              multiple
              className="form-control"
              onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
            />
          </div>
        </fieldset>
        <fieldset className="mb-3">
          <legend className="h5">{t('citizenRequest.contactTitle')}</legend>
          {(
            [
              ['requester.name', name, setName, 'text', 'name'],
              ['requester.email', email, setEmail, 'email', 'email'],
              ['requester.phone', phone, setPhone, 'tel', 'tel'],
              ['requester.fiscalCode', fiscalCode, setFiscalCode, 'text', 'off'],
            ] as const
          ).map(([field, value, set, type, autoComplete]) => {
            const required = field === 'requester.name' || field === 'requester.email';
            const id = `request-${field.replace('requester.', '')}`;
            return (
              <div className="mb-3" key={field}>
                <label htmlFor={id} className="form-label">
                  {t(`citizenRequest.fields.${field}`)}
                  {required ? ' *' : ''}
                </label>
                <input
                  id={id}
                  type={type}
                  autoComplete={autoComplete}
                  className={`form-control ${invalid(field)}`}
                  value={value}
                  aria-required={required}
                  aria-invalid={!!errors[field]}
                  aria-describedby={described(field)}
                  onChange={(event) => set(event.target.value)}
                />
                {error(field)}
              </div>
            );
          })}
          <fieldset className="mb-3">
            <legend className="form-label fs-6">{t('citizenRequest.fields.answerChannel')}</legend>
            {CHANNELS.map((channel) => (
              <div className="form-check" key={channel}>
                <input
                  id={`answer-${channel}`}
                  className="form-check-input"
                  type="radio"
                  name="answerChannel"
                  value={channel}
                  checked={answerChannel === channel}
                  onChange={() => setAnswerChannel(channel)}
                />
                <label className="form-check-label" htmlFor={`answer-${channel}`}>
                  {t(`citizenRequest.channel.${channel}`)}
                </label>
              </div>
            ))}
          </fieldset>
          {answerChannel === 'PHONE' && slots && (
            <div className="mb-3" style={{ maxWidth: '28rem' }}>
              <label htmlFor="request-callbackAt" className="form-label">
                {t('citizenRequest.callbackAt')}
              </label>
              <select
                id="request-callbackAt"
                className={`form-select${errors.callbackAt ? ' is-invalid' : ''}`}
                value={callbackAt}
                aria-describedby="request-callbackAt-hint"
                onChange={(event) => setCallbackAt(event.target.value)}
              >
                <option value="">{t('citizenRequest.callbackAnyTime')}</option>
                {slots.slots.map((slot) => (
                  <option key={slot} value={slot}>
                    {new Date(slot).toLocaleString(language, {
                      timeZone: slots.zone,
                      weekday: 'long',
                      day: 'numeric',
                      month: 'long',
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </option>
                ))}
              </select>
              <div id="request-callbackAt-hint" className="form-text">
                {t('citizenRequest.callbackAtHint')}
              </div>
              {errors.callbackAt && <div className="invalid-feedback d-block">{errors.callbackAt}</div>}
            </div>
          )}
        </fieldset>
        <div hidden>
          <label htmlFor="request-website">{t('citizenRequest.leaveEmpty')}</label>
          <input
            id="request-website"
            type="text"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(event) => setWebsite(event.target.value)}
          />
        </div>
        <fieldset className="mb-3">
          <legend className="h5">{t('citizenRequest.privacyTitle')}</legend>
          <p className="small">{t('citizenRequest.privacyNotice')}</p>
          <div className="form-check">
            <input
              id="request-consent"
              className={`form-check-input ${invalid('privacyConsent')}`}
              type="checkbox"
              checked={consent}
              aria-required="true"
              aria-invalid={!!errors.privacyConsent}
              aria-describedby={described('privacyConsent')}
              onChange={(event) => setConsent(event.target.checked)}
            />
            <label className="form-check-label" htmlFor="request-consent">
              {t('citizenRequest.fields.privacyConsent')} *
            </label>
            {error('privacyConsent')}
          </div>
        </fieldset>
        {(context.page || context.errorCode || context.service) && (
          <p className="small text-muted">
            {t('citizenRequest.contextNote', {
              details: [context.page, context.errorCode, context.service].filter(Boolean).join(' · '),
            })}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {sending ? t('citizenRequest.sending') : t('citizenRequest.send')}
        </button>
      </form>
    </Layout>
  );
}
