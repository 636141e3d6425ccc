import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, client, csrfToken } from '../client';
import { displayName } from '../lib/notifications';
import type { components } from '../openapi';

export type Presence = components['schemas']['Presence'];
type PresenceActivity = Presence['activity'];

/** How often the page says it is still here; the server forgets it 30 seconds after the last. */
export const HEARTBEAT_MS = 8_000;

/** The reply boxes whose focus or text means "replying". */
const REPLY_BOXES = 'textarea, [contenteditable="true"]';

function replying(): boolean {
  const active = document.activeElement;
  if (active instanceof Element && active.matches(REPLY_BOXES)) return true;
  return Array.from(document.querySelectorAll<HTMLTextAreaElement>('main textarea')).some(
    (box) => box.value.trim() !== '',
  );
}

/**
 * The collision warning: tells the worker, before they type, who else has this ticket open and who
 * is replying to it, kept live by heartbeats that also say what this page is doing (viewing, or
 * replying while a reply box has the focus or holds text). Mount it on any page of a ticket.
 */
export function Collision({ number, zone }: { number: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const [others, setOthers] = useState<Presence[]>([]);
  const activity = useRef<PresenceActivity>('VIEWING');

  useEffect(() => {
    let live = true;
    const beat = async () => {
      try {
        const presence = await answer(
          client.PUT('/api/presence/{number}', { params: { path: { number } }, body: { activity: activity.current } }),
        );
        if (live) setOthers(presence.others);
      } catch {
        // presence is a courtesy: without it the page still works
      }
    };
    const check = () => {
      const now: PresenceActivity = replying() ? 'REPLYING' : 'VIEWING';
      if (now !== activity.current) {
        activity.current = now;
        void beat();
      }
    };
    // a full navigation or a closed tab runs no cleanup: say goodbye as the page goes
    const leave = () => {
      const token = csrfToken();
      void fetch(`/api/presence/${encodeURIComponent(number)}`, {
        method: 'DELETE',
        credentials: 'same-origin',
        keepalive: true,
        headers: token ? { 'X-XSRF-TOKEN': token, 'X-Requested-With': 'XMLHttpRequest' } : {},
      }).catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    activity.current = replying() ? 'REPLYING' : 'VIEWING';
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    document.addEventListener('focusin', check);
    document.addEventListener('focusout', check);
    document.addEventListener('input', check);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('focusin', check);
      document.removeEventListener('focusout', check);
      document.removeEventListener('input', check);
      void answer(client.DELETE('/api/presence/{number}', { params: { path: { number } } })).catch(() => undefined);
    };
  }, [number]);

  const time = (value: string) =>
    new Date(value).toLocaleTimeString(i18n.language, { timeZone: zone, hour: '2-digit', minute: '2-digit' });

  return (
    <div role="status" aria-live="polite" data-testid="collision">
      {others.length > 0 && (
        <div className="alert alert-warning" data-collision={others.map((other) => other.activity).join(' ')}>
          <ul className="list-unstyled mb-1">
            {others.map((other) => (
              <li key={other.userId}>
                <strong>
                  {t(`collision.${other.activity}`, {
                    user: displayName(other.userId, other.name),
                    time: time(other.activity === 'REPLYING' ? other.activitySince : other.since),
                  })}
                </strong>
              </li>
            ))}
          </ul>
          <p className="mb-0">{t('collision.hint')}</p>
        </div>
      )}
    </div>
  );
}
