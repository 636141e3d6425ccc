import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { Collision, HEARTBEAT_MS } from './Collision';

describe('Collision', () => {
  let beats: { method: string; body?: string }[];
  let others: unknown[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    beats = [];
    others = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init?: RequestInit) => {
        beats.push({ method: init?.method ?? 'GET', body: init?.body as string | undefined });
        if (init?.method === 'DELETE') return new Response(null, { status: 204 });
        return new Response(JSON.stringify({ others }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('warns, in a live region, that a colleague is replying, and says when this page starts replying', async () => {
    others = [
      {
        userId: 'operator1',
        name: 'Mario Rossi',
        activity: 'REPLYING',
        since: '2026-12-06T08:58:00Z',
        activitySince: '2026-12-06T09:02:00Z',
      },
    ];
    const { unmount } = render(
      <main>
        <Collision number="RS-2026-000042" zone="Europe/Rome" />
        <label htmlFor="reply">Risposta</label>
        <textarea id="reply" />
      </main>,
    );

    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status).toHaveTextContent('Mario Rossi (operator1) sta rispondendo a questa pratica dalle 10:02'),
    );
    expect(JSON.parse(beats[0].body!)).toEqual({ activity: 'VIEWING' });

    fireEvent.focusIn(screen.getByLabelText('Risposta'));
    screen.getByLabelText('Risposta').focus();
    await waitFor(() => expect(beats.some((beat) => beat.body?.includes('REPLYING'))).toBe(true));

    unmount();
    expect(beats.at(-1)?.method).toBe('DELETE');
  });

  it('shows nothing when nobody else is on the ticket, and updates on the next heartbeat', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(<Collision number="RS-2026-000043" zone="Europe/Rome" />);
    const status = screen.getByRole('status');
    await waitFor(() => expect(beats.length).toBe(1));
    expect(status).toBeEmptyDOMElement();

    // no name in the directory: the user id alone
    others = [
      {
        userId: 'operator3',
        name: '',
        activity: 'VIEWING',
        since: '2026-12-06T09:00:00Z',
        activitySince: '2026-12-06T09:00:00Z',
      },
    ];
    await act(async () => {
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    });
    await waitFor(() => expect(status).toHaveTextContent('operator3 sta consultando questa pratica dalle 10:00'));
  });
});
