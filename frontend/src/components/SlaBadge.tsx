import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SlaState } from '../api';

const COLOURS: Record<SlaState, string> = {
  ON_TRACK: 'success',
  AT_RISK: 'warning',
  BREACHED: 'danger',
  PAUSED: 'secondary',
  MET: 'success',
  MISSED: 'danger',
};

/** "1 h 5 min", "2 d 3 h", "12 min" */
export function formatDuration(milliseconds: number, t: TFunction): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  if (minutes < 60) return t('time.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hours', { hours, minutes: minutes % 60 });
  return t('time.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The SLA state of a task with a live countdown to its deadline; colour and text, never colour alone. */
export function SlaBadge({ state, dueAt }: { state?: SlaState; dueAt?: string }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  if (!state) return null;
  const left = dueAt ? new Date(dueAt).getTime() - now : undefined;
  const countdown =
    left === undefined || state === 'MET' || state === 'MISSED' || state === 'PAUSED'
      ? ''
      : left >= 0
        ? t('sla.dueIn', { time: formatDuration(left, t) })
        : t('sla.overdueBy', { time: formatDuration(left, t) });
  const textColour = state === 'AT_RISK' ? ' text-dark' : '';
  return (
    <span
      className={`badge bg-${COLOURS[state]}${textColour}`}
      data-sla-state={state}
      title={countdown ? `${t(`sla.state.${state}`)} · ${countdown}` : undefined}
    >
      {t(`sla.state.${state}`)}
      {countdown && <span className="fw-normal">{` · ${countdown}`}</span>}
    </span>
  );
}
