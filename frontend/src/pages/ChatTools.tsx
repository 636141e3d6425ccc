import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, type Me } from '../api';
import { calendarDateTime } from '../calendar';
import { answer, client, upload } from '../client';
import { Message } from '../components/Message';
import { useLabels } from '../lib/labels';
import type { components } from '../openapi';

type Article = components['schemas']['CitedArticle'];
type QueueView = components['schemas']['ChatQueueView'];
type Interaction = components['schemas']['InteractionResponse'];

/**
 * The console's tools beside a chat (issue 21 item 4): the contact's earlier interactions, the
 * public articles to suggest (inserted as links into the reply), transfer to another operator or
 * queue with a note, sending a file; the chat's queue, the citizen's estimated wait and transfers.
 */
export function ChatTools({
  id,
  user,
  contactId,
  mine,
  onInsert,
  onTransferred,
}: {
  id: number;
  user: Me;
  contactId?: number | null;
  mine: boolean;
  onInsert: (text: string) => void;
  onTransferred: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const [articles, setArticles] = useState<Article[]>();
  const [history, setHistory] = useState<Interaction[]>();
  const [queue, setQueue] = useState<QueueView>();
  const [toOperator, setToOperator] = useState('');
  const [toQueue, setToQueue] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    answer(client.GET('/api/chats/{id}/suggestions', { params: { path: { id } } }))
      .then(setArticles)
      .catch(() => setArticles([]));
    answer(client.GET('/api/chats/{id}/queue', { params: { path: { id } } }))
      .then(setQueue)
      .catch(() => undefined);
  }, [id]);

  useEffect(() => {
    if (contactId == null) return;
    answer(
      client.GET('/api/contacts/{id}/history', {
        params: { path: { id: contactId }, query: { page: 0, size: 10 } },
      }),
    )
      .then((page) => setHistory(page.items))
      .catch(() => setHistory([]));
  }, [contactId]);

  const failed = (failure: unknown) => setError(failure instanceof ApiError ? failure.message : String(failure));

  const transfer = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    answer(
      client.POST('/api/chats/{id}/transfer', {
        params: { path: { id } },
        body: { toOperator: toOperator.trim(), toQueue, note },
      }),
    )
      .then(() => onTransferred(t('chatTools.transferDone')))
      .catch(failed);
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    upload(`/api/chats/${id}/attachments`, { file })
      .then(() => setFile(null))
      .catch(failed);
  };

  return (
    <aside aria-labelledby={`chat-tools-${id}`} className="mb-3">
      <h3 id={`chat-tools-${id}`} className="visually-hidden">
        {t('chatTools.history')}
      </h3>
      <Message text={error} />
      {queue?.estimate.queue && (
        <p className="mb-1">
          {t('chatTools.queue', { queue: labels.queue(queue.estimate.queue) })}
          {queue.estimate.position > 0 && queue.estimate.minutes != null && (
            <> · {t('chatTools.wait', { minutes: queue.estimate.minutes, position: queue.estimate.position })}</>
          )}
        </p>
      )}
      {queue && queue.transfers.length > 0 && (
        <>
          <h4 className="h6">{t('chatTools.transfers')}</h4>
          <ul>
            {queue.transfers.map((each) => (
              <li key={each.at}>
                {calendarDateTime(user.zone, each.at, i18n.language)}{' '}
                {t('chatTools.transferLine', {
                  from: each.fromOperator,
                  to: each.toOperator ?? labels.queue(each.toQueue),
                  note: each.note ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="h6">{t('chatTools.history')}</h4>
      {contactId == null || (history && history.length === 0) ? (
        <p>{t('chatTools.historyNone')}</p>
      ) : (
        <>
          <p className="small">
            <Link to={`/contacts/${contactId}`}>{t('chatTools.history')}</Link> ({t('chatTools.historyDeclared')})
          </p>
          <ul>
            {(history ?? []).map((each) => (
              <li key={each.id}>
                {calendarDateTime(user.zone, each.occurredAt, i18n.language)} · {labels.channel(each.channel)}
                {each.ticketNumber && (
                  <>
                    {' · '}
                    <Link to={`/tickets/${each.ticketNumber}`}>{each.ticketNumber}</Link>
                  </>
                )}
                {each.summary && <> · {each.summary}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="h6">{t('chatTools.suggestions')}</h4>
      {articles && articles.length === 0 && <p>{t('chatTools.suggestionsNone')}</p>}
      <ul>
        {(articles ?? []).map((article) => (
          <li key={article.id}>
            <a href={article.url} target="_blank" rel="noreferrer">
              {article.title}
            </a>{' '}
            {mine && (
              <button
                type="button"
                className="btn btn-link btn-sm p-0"
                onClick={() => onInsert(`${article.title}: ${location.origin}${article.url}`)}
              >
                {t('chatTools.insert')}
                <span className="visually-hidden">: {article.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {mine && (
        <>
          <form onSubmit={send} className="mb-3">
            <label htmlFor={`chat-file-${id}`} className="form-label">
              {t('chatTools.attach')}
            </label>
            <div className="d-flex gap-2">
              <input
                id={`chat-file-${id}`}
                type="file"
                className="form-control"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <button type="submit" className="btn btn-outline-primary" disabled={!file}>
                {t('chatTools.attachSend')}
              </button>
            </div>
          </form>
          <form onSubmit={transfer} className="mb-3">
            <fieldset>
              <legend className="h6">{t('chatTools.transfer')}</legend>
              <label htmlFor={`chat-to-operator-${id}`} className="form-label">
                {t('chatTools.toOperator')}
              </label>
              <input
                id={`chat-to-operator-${id}`}
                className="form-control mb-2"
                value={toOperator}
                onChange={(e) => setToOperator(e.target.value)}
              />
              <label htmlFor={`chat-to-queue-${id}`} className="form-label">
                {t('chatTools.toQueue')}
              </label>
              <select
                id={`chat-to-queue-${id}`}
                className="form-select mb-2"
                value={toQueue}
                onChange={(e) => setToQueue(e.target.value)}
              >
                <option value="">{t('chatTools.chooseQueue')}</option>
                {labels.reference.queues.map((each) => (
                  <option key={each.code} value={each.code}>
                    {labels.queue(each.code)}
                  </option>
                ))}
              </select>
              <label htmlFor={`chat-note-${id}`} className="form-label">
                {t('chatTools.note')}
              </label>
              <textarea
                id={`chat-note-${id}`}
                className="form-control mb-2"
                rows={2}
                maxLength={1000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <button type="submit" className="btn btn-outline-secondary">
                {t('chatTools.transfer')}
              </button>
            </fieldset>
          </form>
        </>
      )}
    </aside>
  );
}
