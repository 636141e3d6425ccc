import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, replyTo } from '../api';
import { CannedReplyPicker } from './CannedReplyPicker';

/**
 * Writes to the requester: sent through their channel, recorded on the ticket's path. The text may
 * be held by the page (`text`, `onTextChange`), e.g. to insert a knowledge-base answer into it.
 */
export function ReplyBox({
  number,
  onSent,
  text: heldText,
  onTextChange,
}: {
  number: string;
  onSent: () => void;
  text?: string;
  onTextChange?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [ownText, setOwnText] = useState('');
  const text = heldText ?? ownText;
  const setText = onTextChange ?? setOwnText;
  const [status, setStatus] = useState<string>();
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number>();

  /** Puts a snippet (a canned reply) at the cursor, or in place of the selection. */
  function insert(snippet: string) {
    const start = box.current?.selectionStart ?? text.length;
    const end = box.current?.selectionEnd ?? text.length;
    caret.current = start + snippet.length;
    setText(text.slice(0, start) + snippet + text.slice(end));
  }

  useEffect(() => {
    if (caret.current === undefined || !box.current) return;
    box.current.focus();
    box.current.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  }, [text]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    try {
      await replyTo(number, text.trim());
      setText('');
      setStatus(t('reply.sent'));
      onSent();
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 409 ? error.message : t('reply.failed'));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="mb-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h4">
        {t('reply.title')}
      </h2>
      <form onSubmit={(event) => void send(event)}>
        <label htmlFor={id} className="form-label small mb-0">
          {t('reply.label')}
        </label>
        <CannedReplyPicker ticket={number} onInsert={insert} />
        <textarea ref={box} id={id} data-reply-box className="form-control mb-2" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={sending || !text.trim()}>
          {t('reply.send')}
        </button>
      </form>
      <p className="small mt-1" role="status">
        {status}
      </p>
    </section>
  );
}
