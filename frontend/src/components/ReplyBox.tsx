import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, replyTo } from '../api';

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
        <textarea id={id} data-reply-box className="form-control mb-2" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
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
