import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, attachmentUrl, conversation as loadConversation, type ConversationEntry } from '../api';
import { calendarDateTime } from '../calendar';
import { useLabels, type Labels } from '../lib/labels';
import { Markdown } from './Markdown';

const DELIVERY_BADGE: Record<string, string> = {
  PENDING: 'bg-secondary',
  SENT: 'bg-success',
  FAILED: 'bg-danger',
};

/** The look of each kind: who spoke (the requester, us, inside the office) at a glance. */
const STYLE: Record<ConversationEntry['kind'], string> = {
  REQUEST: 'border-start border-4 border-primary bg-white',
  MESSAGE: 'border-start border-4 border-primary bg-white',
  REPLY: 'border-start border-4 border-success bg-white',
  NOTE: 'border-start border-4 border-warning conversation-note',
  NOTIFICATION: 'border-start border-2 border-secondary',
  CALL: 'border-start border-4 border-info bg-white',
  ATTACHMENT: 'border-start border-2 border-secondary',
  EVENT: 'border-start border-2 border-secondary',
};

/** The names of codes (queues, channels, offices): the shared labels, or codes as they are. */
type Names = Pick<Labels, 'channel' | 'queue' | 'office'>;
const CODES: Names = { channel: (code) => code ?? '', queue: (code) => code ?? '', office: (code) => code ?? '' };

/** SMS is no ticket channel (it has a name of its own); a queue unknown to the server keeps the locale's. */
function channelLabel(t: TFunction, channel: string | null | undefined, names: Names) {
  if (!channel) return '';
  const named = names.channel(channel);
  return named !== channel ? named : t(`conversation.channels.${channel}`, { defaultValue: channel });
}

function queueLabel(t: TFunction, queue: string, names: Names) {
  const named = names.queue(queue);
  return named !== queue ? named : t(`conversation.queues.${queue}`, { defaultValue: queue });
}

/** The heading of an entry, in plain words: who did what, how. */
export function entryTitle(entry: ConversationEntry, t: TFunction, names: Names = CODES): string {
  const actor = entry.actor ?? '';
  switch (entry.kind) {
    case 'REQUEST':
      return t('conversation.request', { channel: channelLabel(t, entry.channel, names) });
    case 'MESSAGE':
      return t('conversation.message', { channel: channelLabel(t, entry.channel, names) });
    case 'REPLY':
      return actor ? t('conversation.replyBy', { actor }) : t('conversation.reply');
    case 'NOTE':
      return t('conversation.noteBy', { actor });
    case 'NOTIFICATION':
      return t('conversation.notification', {
        template: t(`sentMail.template.${entry.template ?? 'OTHER'}`, { defaultValue: t('sentMail.template.OTHER') }),
        channel: channelLabel(t, entry.channel, names),
      });
    case 'CALL':
      return entry.direction === 'OUTBOUND'
        ? t('conversation.callMade', { actor })
        : actor
          ? t('conversation.callAnswered', { actor })
          : t('conversation.callReceived');
    case 'ATTACHMENT':
      return t('conversation.attachment');
    case 'EVENT':
    default:
      return t(`event.${entry.event}`, { defaultValue: t('conversation.step') });
  }
}

/** The structured details of a step of the path, as one sentence (no codes, no raw instants). */
export function eventDetails(
  entry: ConversationEntry,
  t: TFunction,
  zone: string,
  language: string,
  names: Names = CODES,
): string[] {
  const parts: string[] = [];
  if (entry.kind !== 'EVENT') return parts;
  if (entry.actor) parts.push(t('conversation.by', { actor: entry.actor }));
  if (entry.event === 'CLASSIFIED' && entry.queue) {
    parts.push(t('conversation.queue', { queue: queueLabel(t, entry.queue, names) }));
  }
  if (entry.priority)
    parts.push(
      t('conversation.priority', {
        priority: t(`priority.${entry.priority}`, { defaultValue: String(entry.priority) }),
      }),
    );
  if (entry.slaPolicy)
    parts.push(
      t('conversation.slaPolicy', {
        policy: t(`conversation.policies.${entry.slaPolicy}`, { defaultValue: entry.slaPolicy }),
      }),
    );
  if (entry.office) parts.push(t('conversation.office', { office: names.office(entry.office) }));
  if (entry.dueAt) parts.push(t('conversation.dueAt', { at: calendarDateTime(zone, entry.dueAt, language) }));
  if (entry.outcome)
    parts.push(
      t('conversation.outcome', { outcome: t(`activity.outcome.${entry.outcome}`, { defaultValue: entry.outcome }) }),
    );
  return parts;
}

/**
 * One conversation per ticket: what the requester wrote, what we answered (with its delivery),
 * calls, internal notes and the steps of the path, oldest first, in plain words and the service
 * calendar's time. Reload it by changing `version`.
 */
export function Conversation({
  number,
  zone,
  version = 0,
  load = loadConversation,
}: {
  number: string;
  zone: string;
  version?: number;
  load?: typeof loadConversation;
}) {
  const { t, i18n } = useTranslation();
  const names = useLabels();
  const [entries, setEntries] = useState<ConversationEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    load(number).then(
      (loaded) => {
        if (!cancelled) {
          setEntries(loaded);
          setError(undefined);
        }
      },
      (failure: unknown) => {
        if (cancelled) return;
        const status = failure instanceof ApiError ? failure.status : undefined;
        setError(
          status === 403 ? t('errors.forbidden') : status === 404 ? t('ticketPage.notFound') : t('errors.generic'),
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [number, version, load, t]);

  return (
    <section className="mb-4" aria-labelledby="conversation-title">
      <h2 id="conversation-title" className="h4">
        {t('conversation.title')}
      </h2>
      {error && (
        <p className="alert alert-warning" role="alert">
          {error}
        </p>
      )}
      {!error && !entries && <p>{t('conversation.loading')}</p>}
      {entries && (
        <ol className="list-unstyled conversation mb-0" style={{ overflowWrap: 'anywhere' }}>
          {entries.map((entry) => {
            const details = eventDetails(entry, t, zone, i18n.language, names);
            const compact = entry.kind === 'EVENT' || entry.kind === 'NOTIFICATION' || entry.kind === 'ATTACHMENT';
            return (
              <li
                key={entry.id}
                data-entry={entry.kind}
                className={`${STYLE[entry.kind]} ps-3 ${compact ? 'py-1 mb-1 small' : 'py-2 pe-2 mb-3 shadow-sm'}`}
              >
                <div className="d-flex flex-wrap gap-2 align-items-baseline">
                  <strong>{entryTitle(entry, t, names)}</strong>
                  <span className="text-muted small">{calendarDateTime(zone, entry.at, i18n.language)}</span>
                  {entry.kind === 'NOTE' && <span className="badge bg-dark">{t('conversation.internal')}</span>}
                  {entry.delivery && (
                    <span className={`badge ${DELIVERY_BADGE[entry.delivery.state] ?? 'bg-secondary'}`}>
                      {t(`sentMail.delivery.${entry.delivery.state}`, { defaultValue: entry.delivery.state })}
                      {entry.delivery.pecState &&
                        ` · ${t(`sentMail.receipt.${entry.delivery.pecState}`, { defaultValue: entry.delivery.pecState })}`}
                    </span>
                  )}
                </div>
                {details.length > 0 && <div className="text-muted">{details.join(' · ')}</div>}
                {entry.subject && <div className="fw-semibold mt-1">{entry.subject}</div>}
                {entry.text &&
                  (entry.kind === 'NOTE' || entry.kind === 'REPLY' ? (
                    <Markdown source={entry.text} className="mt-1 conversation-text" />
                  ) : (
                    <p className="mt-1 mb-0 conversation-text" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.text}
                    </p>
                  ))}
                {entry.attachments.length > 0 && (
                  <ul className="list-inline mb-0 mt-1" aria-label={t('conversation.attachments')}>
                    {entry.attachments.map((file) => (
                      <li key={file.id} className="list-inline-item">
                        <a href={attachmentUrl(number, file.id)} download>
                          {file.fileName ?? t('conversation.unnamed')}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
