import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { answer, client, ApiError } from '../client';
import type { Me } from '../api';
import { calendarDateTime } from '../calendar';
import { useServerEvent, useServerEventsConnected } from '../lib/events';
import type { components } from '../openapi';

type Presence = components['schemas']['OperatorPresence'];
type PauseReason = components['schemas']['PauseReason'];
type Offer = components['schemas']['WorkOffer'];

/** The roles that have a presence and are offered work. */
const OPERATOR_ROLES = ['LEVEL1', 'LEVEL2', 'LEVEL3'];

/**
 * How often the workspace asks for an offer while the operator is available and the tab's event
 * stream is down (ms); while it is up, offers arrive as `offer` events and nothing polls.
 */
export const OFFER_FALLBACK_POLL_MS = 30_000;

export const isOperator = (user: Me) => user.roles.some((role) => OPERATOR_ROLES.includes(role));

/** The name of a pause reason in the reader's language; the server's name for a reason the locales lack. */
function useReasonName() {
  const { t, i18n } = useTranslation();
  return (code: string | undefined | null, reason?: PauseReason) =>
    t(`distribution.reason.${code ?? ''}`, {
      defaultValue: reason ? (i18n.language === 'en' ? reason.nameEn : reason.nameIt) : (code ?? ''),
    });
}

/**
 * The operator's presence in the workspace header (available, paused with a reason, offline; busy
 * shown, not chosen) and the offer of the next item, announced, to accept or decline.
 */
export function PresenceSwitch({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const reasonName = useReasonName();
  const navigate = useNavigate();
  const [presence, setPresence] = useState<Presence | null>(null);
  const [reasons, setReasons] = useState<PauseReason[]>([]);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    answer(client.GET('/api/me/presence'))
      .then((found) => setPresence(found?.state ? found : null))
      .catch(() => undefined);
    answer(client.GET('/api/me/presence/reasons'))
      .then((all) => setReasons(all.filter((reason) => !reason.system)))
      .catch(() => undefined);
  }, []);

  const poll = useCallback(async () => {
    try {
      const found = await answer(client.GET('/api/me/offer'));
      setOffer(found ?? null);
      if (found) {
        // an operator who let offers time out may have been paused meanwhile
        setPresence(await answer(client.GET('/api/me/presence')));
      }
    } catch {
      setOffer(null);
    }
  }, []);

  const available = presence?.state === 'AVAILABLE';
  const connected = useServerEventsConnected();
  // an offer made for me, or a stream that (re)connected after missing some: read the offer
  useServerEvent('offer', () => void poll(), available);
  useServerEvent('ready', () => void poll(), available);
  useEffect(() => {
    if (!available) return undefined;
    void poll();
    if (connected) return undefined;
    const timer = window.setInterval(() => void poll(), OFFER_FALLBACK_POLL_MS);
    return () => window.clearInterval(timer);
  }, [available, connected, poll]);

  const choose = async (value: string) => {
    // "PAUSED:LUNCH" or a state alone; the reason is left out of the body when there is none
    const [state, reason] = value.split(':') as ['AVAILABLE' | 'PAUSED' | 'OFFLINE', string];
    try {
      setPresence(await answer(client.PUT('/api/me/presence', { body: { state, reason } })));
      setMessage('');
    } catch (error) {
      setMessage(error instanceof ApiError ? error.detail : t('distribution.presence.failed'));
    }
  };

  const respond = async (how: 'accept' | 'decline') => {
    if (!offer) return;
    const params = { params: { path: { id: offer.id } } };
    try {
      if (how === 'accept') {
        await answer(client.POST('/api/me/offers/{id}/accept', params));
        setOffer(null);
        setMessage(t('distribution.offer.accepted'));
        navigate(`/tasks/${offer.taskId}`);
      } else {
        await answer(client.POST('/api/me/offers/{id}/decline', params));
        setOffer(null);
        setMessage(t('distribution.offer.declined'));
      }
      setPresence(await answer(client.GET('/api/me/presence')));
    } catch (error) {
      setOffer(null);
      setMessage(error instanceof ApiError ? error.detail : t('distribution.offer.gone'));
    }
  };

  if (!presence) return null;
  const until = offer ? calendarDateTime(user.zone, offer.expiresAt, i18n.language) : '';
  const value =
    presence.state === 'PAUSED'
      ? `PAUSED:${presence.reason ?? ''}`
      : presence.state === 'BUSY'
        ? 'BUSY'
        : presence.state;
  const systemPause = presence.state === 'PAUSED' && !reasons.some((reason) => reason.code === presence.reason);
  return (
    <div className="d-flex align-items-center gap-2 position-relative">
      <label className="visually-hidden" htmlFor="presence">
        {t('distribution.presence.label')}
      </label>
      <select
        id="presence"
        className="form-select form-select-sm w-auto"
        value={value}
        onChange={(event) => void choose(event.target.value)}
      >
        <option value="AVAILABLE">{t('distribution.state.AVAILABLE')}</option>
        {presence.state === 'BUSY' && (
          <option value="BUSY" disabled>
            {t('distribution.state.BUSY')}
          </option>
        )}
        {systemPause && (
          <option value={value} disabled>
            {t('distribution.presence.systemPause', { reason: reasonName(presence.reason) })}
          </option>
        )}
        {reasons.map((reason) => (
          <option key={reason.code} value={`PAUSED:${reason.code}`}>
            {t('distribution.presence.pause', { reason: reasonName(reason.code, reason) })}
          </option>
        ))}
        <option value="OFFLINE">{t('distribution.state.OFFLINE')}</option>
      </select>
      <div aria-live="assertive" role="status" className="visually-hidden">
        {offer ? t('distribution.offer.announce', { item: offer.businessKey ?? offer.taskId, until }) : message}
      </div>
      {offer && (
        <div
          role="dialog"
          aria-labelledby="offer-title"
          className="card text-dark p-2 position-absolute top-100 end-0 shadow"
          style={{ zIndex: 1050, minWidth: '18rem' }}
        >
          <h2 id="offer-title" className="h6">
            {t('distribution.offer.title')}
          </h2>
          <p className="mb-2">{t('distribution.offer.item', { item: offer.businessKey ?? offer.taskId, until })}</p>
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-sm btn-primary" onClick={() => void respond('accept')}>
              {t('distribution.offer.accept')}
            </button>
            <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => void respond('decline')}>
              {t('distribution.offer.decline')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
