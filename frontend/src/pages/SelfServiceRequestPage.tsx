import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api';
import { Layout } from '../components/Layout';
import { useDocumentTitle } from '../components/useDocumentTitle';
import {
  citizenDocumentUrl,
  citizenRequest,
  citizenSession,
  replyAsCitizen,
  type CitizenRequestDetail,
} from '../citizenApi';
import { calendarDay } from './SelfServiceAreaPage';

/**
 * One of the citizen's requests: status in plain words, the steps taken, the answer, the documents;
 * a request waiting for the citizen shows the question and takes their reply with files.
 */
export function SelfServiceRequestPage() {
  const { t, i18n } = useTranslation();
  const { number = '' } = useParams();
  useDocumentTitle(t('citizen.requestTitle', { number }));
  // the service calendar's zone, from the session: dates wait for it rather than guess
  const [zone, setZone] = useState<string>();
  const [request, setRequest] = useState<CitizenRequestDetail>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(() => {
    citizenRequest(number).then(setRequest, (e: unknown) =>
      setError(
        e instanceof ApiError && e.status === 404
          ? t('citizen.notFound')
          : e instanceof ApiError && e.status === 401
            ? t('citizen.loginNeeded')
            : e instanceof ApiError && e.status === 403
              ? t('citizen.levelTooLow')
              : t('errors.generic'),
      ),
    );
  }, [number, t]);

  useEffect(() => {
    citizenSession().then(
      (session) => setZone(session.zone),
      () => undefined,
    );
    load();
  }, [load]);

  const when = (value: string) =>
    new Date(value).toLocaleString(i18n.language, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  const summary = request?.summary;
  return (
    <Layout>
      <p>
        <Link to="/self-service/area">{t('citizen.back')}</Link>
      </p>
      <h1 className="h2">{summary ? summary.subject : t('citizen.requestTitle', { number })}</h1>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <div aria-live="polite">
        {notice && (
          <div className="alert alert-success" role="status">
            {notice}
          </div>
        )}
      </div>
      {request && summary && zone && (
        <>
          <dl className="row">
            <dt className="col-sm-4">{t('citizen.numberLabel')}</dt>
            <dd className="col-sm-8">{summary.number}</dd>
            <dt className="col-sm-4">{t('citizen.statusLabel')}</dt>
            <dd className="col-sm-8">{t(`citizen.status.${summary.status}`)}</dd>
            <dt className="col-sm-4">{t('citizen.channelLabel')}</dt>
            <dd className="col-sm-8">{t(`labels.channel.${summary.channel}`, { defaultValue: summary.channel })}</dd>
            <dt className="col-sm-4">{t('citizen.receivedLabel')}</dt>
            <dd className="col-sm-8">{calendarDay(zone, summary.receivedAt, i18n.language)}</dd>
            {summary.expectedAnswerBy && (
              <>
                <dt className="col-sm-4">{t('citizen.expectedLabel')}</dt>
                <dd className="col-sm-8">{calendarDay(zone, summary.expectedAnswerBy, i18n.language)}</dd>
              </>
            )}
          </dl>
          {request.description && (
            <section aria-labelledby="citizen-description">
              <h2 id="citizen-description" className="h5">
                {t('citizen.description')}
              </h2>
              <p className="text-break" style={{ whiteSpace: 'pre-wrap' }}>
                {request.description}
              </p>
            </section>
          )}
          {request.answer && (
            <section aria-labelledby="citizen-answer" className="callout">
              <h2 id="citizen-answer" className="h5">
                {t('citizen.answer')}
              </h2>
              <p className="text-break" style={{ whiteSpace: 'pre-wrap' }}>
                {request.answer}
              </p>
            </section>
          )}
          {request.question && (
            <Reply
              number={summary.number}
              question={request.question}
              onSent={(sent) => {
                setNotice(sent);
                load();
              }}
            />
          )}
          <section aria-labelledby="citizen-steps" className="mb-3">
            <h2 id="citizen-steps" className="h5">
              {t('citizen.steps')}
            </h2>
            <ol>
              {request.steps.map((step, index) => (
                <li key={index}>
                  <strong>{t(`citizen.step.${step.kind}`)}</strong> — {when(step.at)}
                  {step.text && <p className="mb-1 small text-break">{step.text}</p>}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="citizen-documents">
            <h2 id="citizen-documents" className="h5">
              {t('citizen.documents')}
            </h2>
            {request.documents.length === 0 ? (
              <p>{t('citizen.noDocuments')}</p>
            ) : (
              <ul>
                {request.documents.map((document) => (
                  <li key={document.id}>
                    <a href={citizenDocumentUrl(summary.number, document.id)}>{document.fileName}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}

function Reply({ number, question, onSent }: { number: string; question: string; onSent: (notice: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setMessage(t('citizen.replyEmpty'));
      return;
    }
    setSending(true);
    try {
      await replyAsCitizen(number, text, files);
      setSending(false);
      onSent(t('citizen.replySent'));
    } catch (e) {
      // the server's own words are for developers (and English): the citizen reads ours
      setMessage(
        e instanceof ApiError && e.status === 409
          ? t('citizen.notWaiting')
          : e instanceof ApiError && e.status === 403
            ? t('citizen.levelTooLow')
            : e instanceof ApiError && e.status === 400
              ? t('citizen.replyInvalid')
              : t('errors.generic'),
      );
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="citizen-question" className="mb-4">
      <h2 id="citizen-question" className="h5">
        {t('citizen.question')}
      </h2>
      <p className="text-break" style={{ whiteSpace: 'pre-wrap' }}>
        {question}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="mb-3">
          <label htmlFor="citizen-reply" className="form-label">
            {t('citizen.replyLabel')}
          </label>
          <textarea
            id="citizen-reply"
            className="form-control"
            rows={5}
            value={text}
            required
            aria-required="true"
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="mb-3">
          <label htmlFor="citizen-files" className="form-label">
            {t('citizen.filesLabel')}
          </label>
          <input
            id="citizen-files"
            type="file"
            multiple
            className="form-control"
            onChange={(event) => setFiles(Array.from(event.target.files ?? []))}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {t('citizen.send')}
        </button>
      </form>
      <div aria-live="polite" className="mt-2">
        {message && (
          <div className="alert alert-danger" role="alert">
            {message}
          </div>
        )}
      </div>
    </section>
  );
}
