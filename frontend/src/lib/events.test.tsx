import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { EVENTS_URL, REOPEN_MS, onServerEvent, useServerEvent, useServerEventsConnected } from './events';

/** A stand-in for the browser's EventSource: records what was opened and lets the test send. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }

  emit(name: string, data = '') {
    if (name !== 'error') this.readyState = FakeEventSource.OPEN;
    this.listeners.get(name)?.forEach((listener) => listener(new MessageEvent(name, { data })));
  }
}

const open = () => FakeEventSource.opened.filter((source) => !source.closed);

function Inbox({ onChange }: { onChange: (data: string) => void }) {
  useServerEvent('inbox', onChange);
  return null;
}

function Offers() {
  const [seen, setSeen] = useState<string[]>([]);
  const connected = useServerEventsConnected();
  useServerEvent('offer', (data) => setSeen((all) => [...all, (JSON.parse(data) as { taskId: string }).taskId]));
  return (
    <p>
      {connected ? 'connected' : 'down'}: {seen.join(',')}
    </p>
  );
}

describe('the tab event stream', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens one stream for every listener and dispatches each event by name', () => {
    const inbox = vi.fn();
    const { unmount } = render(
      <>
        <Inbox onChange={inbox} />
        <Offers />
      </>,
    );
    expect(open()).toHaveLength(1);
    expect(open()[0].url).toBe(EVENTS_URL);
    expect(screen.getByText(/^down/)).toBeInTheDocument();

    act(() => {
      open()[0].emit('ready', '{}');
      open()[0].emit('offer', '{"taskId":"task-1"}');
      open()[0].emit('inbox', 'changed');
    });
    expect(screen.getByText('connected: task-1')).toBeInTheDocument();
    expect(inbox).toHaveBeenCalledTimes(1);
    expect(inbox).toHaveBeenCalledWith('changed');

    // the last listener gone, the stream closes
    unmount();
    expect(open()).toHaveLength(0);
  });

  it('keeps the stream while someone listens and tells when it is down', () => {
    render(<Offers />);
    const stop = onServerEvent('notification', () => undefined);
    act(() => open()[0].emit('ready', '{}'));
    expect(screen.getByText(/^connected/)).toBeInTheDocument();
    act(() => open()[0].emit('error'));
    expect(screen.getByText(/^down/)).toBeInTheDocument();
    stop();
    expect(open()).toHaveLength(1);
  });

  it('opens a new stream when the browser gave up on one', () => {
    vi.useFakeTimers();
    const stop = onServerEvent('inbox', () => undefined);
    const first = open()[0];
    first.close(); // the browser gave up (an answer that was not a stream)
    first.emit('error');
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(REOPEN_MS);
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(open()).toHaveLength(1);
    stop();
    expect(open()).toHaveLength(0);
  });
});
