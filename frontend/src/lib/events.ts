// The one server-sent event stream of this browser tab (GET /api/me/events): the inbox, the
// notifications, the phone's screen pops and the offers all listen to it, so a tab holds one
// long-lived connection instead of one per feature (a browser keeps six per host on HTTP/1.1).
// The stream opens with the first listener and closes with the last; EventSource reconnects by
// itself and sends Last-Event-ID, so the server replays what was missed meanwhile.
import { useEffect, useRef, useSyncExternalStore } from 'react';

export const EVENTS_URL = '/api/me/events';

/** How long to wait before opening again a stream the browser gave up on (ms). */
export const REOPEN_MS = 30_000;

/** The named events the server sends (see UserEventsController). */
export type ServerEventName = 'ready' | 'inbox' | 'notification' | 'screen-pop' | 'offer';

type Handler = (data: string) => void;

const handlers = new Map<ServerEventName, Set<Handler>>();
const statusListeners = new Set<() => void>();
let source: EventSource | undefined;
let reopen: ReturnType<typeof setTimeout> | undefined;
let connected = false;

function setConnected(next: boolean) {
  if (connected === next) return;
  connected = next;
  statusListeners.forEach((listener) => listener());
}

function dispatch(name: ServerEventName, data: string) {
  handlers.get(name)?.forEach((handler) => handler(data));
}

function open() {
  if (source || reopen || typeof EventSource === 'undefined') return;
  const opened = new EventSource(EVENTS_URL, { withCredentials: true });
  source = opened;
  opened.addEventListener('ready', (event) => {
    setConnected(true);
    dispatch('ready', (event as MessageEvent<string>).data);
  });
  // an error means the stream dropped: EventSource retries by itself, unless it gave up (CLOSED,
  // e.g. an answer that was not a stream): then this opens a new one a little later
  opened.addEventListener('error', () => {
    setConnected(false);
    if (opened.readyState === EventSource.CLOSED && source === opened) {
      source = undefined;
      reopen = setTimeout(() => {
        reopen = undefined;
        if (inUse()) open();
      }, REOPEN_MS);
    }
  });
  for (const name of ['inbox', 'notification', 'screen-pop', 'offer'] as const) {
    opened.addEventListener(name, (event) => dispatch(name, (event as MessageEvent<string>).data));
  }
}

function inUse() {
  return [...handlers.values()].some((set) => set.size > 0) || statusListeners.size > 0;
}

function closeIfUnused() {
  if (inUse()) return;
  source?.close();
  source = undefined;
  clearTimeout(reopen);
  reopen = undefined;
  setConnected(false);
}

/** Listens to one kind of event on the tab's stream (opening it if needed); returns the unsubscribe. */
export function onServerEvent(name: ServerEventName, handler: Handler): () => void {
  let set = handlers.get(name);
  if (!set) {
    set = new Set();
    handlers.set(name, set);
  }
  set.add(handler);
  open();
  return () => {
    handlers.get(name)?.delete(handler);
    closeIfUnused();
  };
}

/**
 * Calls `handler` with each event named `name` while `enabled` (the latest handler, without
 * resubscribing when it changes).
 */
export function useServerEvent(name: ServerEventName, handler: Handler, enabled = true) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return undefined;
    return onServerEvent(name, (data) => latest.current(data));
  }, [name, enabled]);
}

function subscribeStatus(listener: () => void) {
  statusListeners.add(listener);
  open();
  return () => {
    statusListeners.delete(listener);
    closeIfUnused();
  };
}

/** Whether the tab's stream is connected now (false while it is down or reconnecting). */
export function useServerEventsConnected(): boolean {
  return useSyncExternalStore(subscribeStatus, () => connected);
}
