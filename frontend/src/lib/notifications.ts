// Notifications in the application: one store per browser tab, shared by the bell and the inbox's
// badges, reloaded when the server says something changed (the tab's event stream) and every
// POLL_MS as a fallback (another application node, a lost stream).
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { answer, client } from '../client';
import type { components } from '../openapi';
import { calendarDateTime } from '../calendar';
import { onServerEvent } from './events';

type Schemas = components['schemas'];
export type AppNotification = Schemas['AppNotification'];
export type NotificationKind = AppNotification['kind'];
export type UnreadTicket = Schemas['UnreadTicket'];
export type NotificationsView = Schemas['NotificationsView'];

export const POLL_MS = 30_000;

interface State {
  data?: NotificationsView;
  failed: boolean;
}

let state: State = { failed: false };
const listeners = new Set<() => void>();
let stop: (() => void) | undefined;

function publish(next: State) {
  state = next;
  listeners.forEach((listener) => listener());
}

// reloads overlap (an event, the poll, a "mark read"): an answer older than the one shown is dropped
let asked = 0;
let shown = 0;

/** Loads the user's notifications now. */
export async function reloadNotifications(): Promise<void> {
  asked += 1;
  const mine = asked;
  try {
    const data = await answer(client.GET('/api/notifications'));
    if (mine < shown) return;
    shown = mine;
    if (typeof data?.unread !== 'number' || !Array.isArray(data.items) || !Array.isArray(data.unreadTickets)) {
      throw new Error('not a notifications view');
    }
    publish({ data, failed: false });
  } catch {
    if (mine < shown) return;
    shown = mine;
    publish({ ...state, failed: true });
  }
}

function start() {
  void reloadNotifications();
  const timer = setInterval(() => void reloadNotifications(), POLL_MS);
  const unsubscribe = onServerEvent('notification', () => void reloadNotifications());
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!stop) stop = start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = undefined;
      state = { failed: false };
    }
  };
}

const noop = () => () => undefined;
const empty: State = { failed: false };

/** The signed-in user's notifications (none while `enabled` is false, e.g. before login). */
export function useNotifications(enabled = true): State {
  return useSyncExternalStore(enabled ? subscribe : noop, () => (enabled ? state : empty));
}

export async function markNotificationRead(id: number) {
  await answer(client.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
  await reloadNotifications();
}

export async function markAllNotificationsRead(ticketNumber?: string) {
  await answer(client.POST('/api/notifications/read-all', { params: { query: { ticket: ticketNumber } } }));
  await reloadNotifications();
}

/** Ticket processes: their business key is a ticket's number, with a ticket page. */
const TICKET_PROCESSES = ['ticket', 'office-involvement'];

/** Whether the notification is about a ticket (a page at /tickets/:number). */
export function isTicket(notification: AppNotification): boolean {
  const process = notification.params.processKey;
  // an alert about no ticket (the audit trail's) has no ticket number
  if (!notification.ticketNumber) return false;
  return !process || TICKET_PROCESSES.includes(process);
}

/** The notification in plain language, in the reader's language and the service calendar's zone. */
/** "Mario Rossi (operator1)"; the user id alone when there is no name (or the name holds it). */
export function displayName(userId: string, name?: string | null): string {
  const trimmed = name?.trim();
  if (!trimmed || trimmed === userId) return userId;
  return trimmed.includes(userId) ? trimmed : `${trimmed} (${userId})`;
}

export function notificationText(t: TFunction, notification: AppNotification, zone: string, language: string): string {
  const { params } = notification;
  const due = params.dueAt ? calendarDateTime(zone, params.dueAt, language) : '';
  const task = params.taskKey
    ? t(`taskName.${params.taskKey}`, { defaultValue: t('notifications.aTask') })
    : t('notifications.aTask');
  const channel = params.channel ? t(`notifications.channel.${params.channel}`, { defaultValue: '' }) : '';
  return t(`notifications.kind.${notification.kind}`, {
    number: notification.ticketNumber,
    due,
    task,
    by: params.by ? displayName(params.by, params.byName) : t('notifications.someone'),
    channel,
    // the audit trail's alert (AUDIT_CHAIN_BROKEN): its first bad row
    seq: params.seq,
    // a data subject's request (DATA_SUBJECT_REQUEST_*): its number
    request: params.request,
  });
}
