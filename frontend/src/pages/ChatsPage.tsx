import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, type Me } from '../api';
import { calendarDateTime } from '../calendar';
import { answer, client } from '../client';
import { ChatPathData } from '../components/ChatPathData';
import { Layout } from '../components/Layout';
import { Message } from '../components/Message';
import type { components } from '../openapi';
import { ChatTools } from './ChatTools';

type Console = components['schemas']['Console'];
type Summary = components['schemas']['ChatSummary'];
type Detail = components['schemas']['ChatDetail'];
type ChatMessage = components['schemas']['MessageView'];

const REFRESH_MS = 5000;

/**
 * The operators' chat console: the queue (in order, with each chat's position) and the operator's
 * own chats, up to the configured limit; the open chat's transcript, live over the operator's
 * WebSocket (polling when it does not connect), a reply box, closing with a solution (a ticket
 * solved at level 1) or a ticket to continue offline.
 */
export function ChatsPage({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const [console_, setConsole] = useState<Console>();
  const [selected, setSelected] = useState<number>();
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string }>();

  const refresh = useCallback(() => {
    answer(client.GET('/api/chats'))
      .then(setConsole)
      .catch((error: Error) => setMessage({ kind: 'danger', text: error.message }));
  }, []);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const take = (id: number) =>
    answer(client.POST('/api/chats/{id}/take', { params: { path: { id } } }))
      .then(() => {
        setSelected(id);
        refresh();
      })
      .catch((error: Error) => setMessage({ kind: 'danger', text: error.message }));

  const zone = user.zone;
  const row = (chat: Summary, waiting: boolean) => (
    <li key={chat.id} className="list-group-item d-flex justify-content-between align-items-center gap-2">
      <span>
        <strong>{chat.requesterName ?? t('chats.anonymous')}</strong>
        {waiting && <> · {t('chats.position', { position: chat.position })}</>}
        {chat.handoffReason && <> · {t(`chats.handoff.${chat.handoffReason}`)}</>}
        <br />
        <small>{calendarDateTime(zone, chat.queuedAt ?? chat.createdAt, i18n.language)}</small>
      </span>
      {waiting ? (
        <button
          type="button"
          className="btn btn-primary btn-sm"
          onClick={() => void take(chat.id)}
          disabled={console_ !== undefined && console_.mine.length >= console_.limit}
        >
          {t('chats.take')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          aria-pressed={selected === chat.id}
          onClick={() => setSelected(chat.id)}
        >
          {t('chats.open')}
        </button>
      )}
    </li>
  );

  return (
    <Layout user={user} wide>
      <h1>{t('chats.title')}</h1>
      <Message kind={message?.kind} text={message?.text} />
      {console_ && <p>{t('chats.load', { count: console_.mine.length, limit: console_.limit })}</p>}
      <div className="row">
        <div className="col-lg-4">
          <h2 className="h4">{t('chats.waiting')}</h2>
          {console_ && console_.waiting.length === 0 && <p>{t('chats.none')}</p>}
          <ul className="list-group mb-4">{console_?.waiting.map((chat) => row(chat, true))}</ul>
          <h2 className="h4">{t('chats.mine')}</h2>
          {console_ && console_.mine.length === 0 && <p>{t('chats.none')}</p>}
          <ul className="list-group">{console_?.mine.map((chat) => row(chat, false))}</ul>
        </div>
        <div className="col-lg-8">
          {selected !== undefined && (
            <ChatPanel
              key={selected}
              id={selected}
              user={user}
              onClosed={(text) => {
                setMessage({ kind: 'success', text });
                setSelected(undefined);
                refresh();
              }}
            />
          )}
        </div>
      </div>
    </Layout>
  );
}

function ChatPanel({ id, user, onClosed }: { id: number; user: Me; onClosed: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<Detail>();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [reply, setReply] = useState('');
  const [solution, setSolution] = useState('');
  const [error, setError] = useState<string>();
  const socket = useRef<WebSocket | null>(null);
  const last = useRef(0);

  const add = useCallback((incoming: ChatMessage[]) => {
    const fresh = incoming.filter((each) => each.seq > last.current);
    if (fresh.length === 0) return;
    last.current = fresh[fresh.length - 1].seq;
    setMessages((current) => [...current, ...fresh]);
  }, []);

  useEffect(() => {
    let polling: number | undefined;
    answer(client.GET('/api/chats/{id}', { params: { path: { id } } }))
      .then((loaded) => {
        setDetail(loaded);
        add(loaded.messages);
        const url = `${location.origin.replace(/^http/, 'ws')}/api/chats/socket`;
        const ws = new WebSocket(url);
        socket.current = ws;
        ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', conversation: id, after: last.current }));
        ws.onmessage = (event) => {
          const frame = JSON.parse(String(event.data)) as { type: string } & ChatMessage;
          if (frame.type === 'message') add([frame]);
        };
        ws.onclose = () => {
          socket.current = null;
          polling = window.setInterval(() => {
            answer(
              client.GET('/api/chats/{id}/messages', {
                params: { path: { id }, query: { after: last.current } },
              }),
            )
              .then(add)
              .catch(() => undefined);
          }, 3000);
        };
      })
      .catch((failure: Error) => setError(failure.message));
    return () => {
      socket.current?.close();
      if (polling !== undefined) window.clearInterval(polling);
    };
  }, [id, add]);

  const mine = detail?.chat.status === 'ACTIVE' && detail.chat.operator === user.userId;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const text = reply.trim();
    if (!text) return;
    setReply('');
    if (socket.current?.readyState === WebSocket.OPEN) {
      socket.current.send(JSON.stringify({ type: 'say', text }));
    } else {
      add(await answer(client.POST('/api/chats/{id}/messages', { params: { path: { id } }, body: { text } })));
    }
  };

  const finish = (call: Promise<Detail>) =>
    call
      .then((closed) => onClosed(t('chats.closedWith', { number: closed.ticketNumber })))
      .catch((failure: Error) => setError(failure instanceof ApiError ? failure.message : String(failure)));

  if (!detail) return error ? <Message text={error} /> : null;
  const author = (each: ChatMessage) =>
    each.authorKind === 'OPERATOR' ? each.author : t(`chats.author.${each.authorKind}`);
  return (
    <section aria-labelledby="chat-title">
      <h2 id="chat-title" className="h4">
        {detail.chat.requesterName ?? t('chats.anonymous')}
      </h2>
      <Message text={error} />
      <p>
        {detail.chat.handoffReason && t(`chats.handoff.${detail.chat.handoffReason}`)}
        {detail.contactId != null && (
          <>
            {' · '}
            <Link to={`/contacts/${detail.contactId}`}>{t('chats.history')}</Link> ({t('chats.declared')})
          </>
        )}
      </p>
      <ChatPathData id={id} />
      <h3 className="h5">{t('chats.transcript')}</h3>
      <div
        role="log"
        aria-live="polite"
        // a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="border rounded p-2 mb-3"
        style={{ maxHeight: '24rem', overflowY: 'auto' }}
      >
        {messages.map((each) => (
          <p key={each.seq} className="mb-1">
            <strong>{author(each)}</strong> <small>{calendarDateTime(user.zone, each.sentAt, i18n.language)}</small>:{' '}
            {each.attachment ? (
              <a href={`/api/chats/${id}/attachments/${each.seq}`} download={each.attachment.fileName}>
                {t('chatTools.file', {
                  name: each.attachment.fileName,
                  size: Math.max(1, Math.round(each.attachment.size / 1024)),
                })}
              </a>
            ) : (
              each.body
            )}
            {each.articles.length > 0 && (
              <ul>
                {each.articles.map((article) => (
                  <li key={article.id}>
                    <a href={article.url} target="_blank" rel="noreferrer">
                      {article.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </p>
        ))}
      </div>
      <ChatTools
        id={id}
        user={user}
        contactId={detail.contactId}
        mine={mine}
        onInsert={(text) => setReply((current) => (current ? current + ' ' : '') + text)}
        onTransferred={onClosed}
      />
      {mine && (
        <>
          <form onSubmit={(event) => void send(event)} className="mb-3">
            <label htmlFor="chat-reply" className="form-label">
              {t('chats.reply')}
            </label>
            <div className="d-flex gap-2">
              <input
                id="chat-reply"
                className="form-control"
                value={reply}
                onChange={(e) => setReply(e.target.value)}
              />
              <button type="submit" className="btn btn-primary">
                {t('chats.send')}
              </button>
            </div>
          </form>
          <label htmlFor="chat-solution" className="form-label">
            {t('chats.solution')}
          </label>
          <textarea
            id="chat-solution"
            className="form-control mb-2"
            rows={3}
            value={solution}
            onChange={(e) => setSolution(e.target.value)}
          />
          <div className="d-flex gap-2">
            <button
              type="button"
              className="btn btn-success"
              onClick={() =>
                void finish(
                  answer(client.POST('/api/chats/{id}/solve', { params: { path: { id } }, body: { solution } })),
                )
              }
            >
              {t('chats.solve')}
            </button>
            <button
              type="button"
              className="btn btn-outline-secondary"
              onClick={() => void finish(answer(client.POST('/api/chats/{id}/ticket', { params: { path: { id } } })))}
            >
              {t('chats.openTicket')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
