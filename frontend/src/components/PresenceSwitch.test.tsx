import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { OFFER_FALLBACK_POLL_MS, PresenceSwitch } from './PresenceSwitch';
import { json } from '../test-support';

const operator = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };

const reasons = [
  { code: 'BREAK', nameIt: 'Pausa', nameEn: 'Break', system: false },
  { code: 'LUNCH', nameIt: 'Pranzo', nameEn: 'Lunch', system: false },
  { code: 'MISSED_OFFERS', nameIt: 'Proposte non risposte', nameEn: 'Offers not answered', system: true },
];

const offer = {
  id: 7,
  taskId: 'task-7',
  businessKey: 'RS-2026-000007',
  queue: 'general',
  operator: 'operator1',
  state: 'OPEN',
  offeredAt: '2026-12-06T09:00:00Z',
  expiresAt: '2026-12-06T09:00:30Z',
};

describe('PresenceSwitch', () => {
  let calls: string[];
  let state: Record<string, unknown>;
  let offered: boolean;

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = [];
    state = { operator: 'operator1', state: 'OFFLINE', source: 'OPERATOR', onCall: false, missedOffers: 0 };
    offered = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push(`${method} ${path}${init?.body ? ' ' + String(init.body) : ''}`);
        if (path === '/api/me/presence/reasons') return json(reasons);
        if (path === '/api/me/presence' && method === 'PUT') {
          state = { ...state, ...JSON.parse(String(init!.body)) };
          return json(state);
        }
        if (path === '/api/me/presence') return json(state);
        if (path === '/api/me/offer') return offered ? json(offer) : new Response(null, { status: 204 });
        if (path === '/api/me/offers/7/accept') return json({ ...offer, state: 'ACCEPTED' });
        if (path === '/api/me/offers/7/decline') return json({ ...offer, state: 'DECLINED' });
        return new Response(null, { status: 404 });
      }),
    );
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const renderSwitch = () =>
    render(
      <MemoryRouter initialEntries={['/inbox']}>
        <Routes>
          <Route path="/inbox" element={<PresenceSwitch user={operator} />} />
          <Route path="/tasks/:taskId" element={<p>task page</p>} />
        </Routes>
      </MemoryRouter>,
    );

  it('pauses with a configured reason only and asks for no offers meanwhile', async () => {
    renderSwitch();
    const select = await screen.findByRole('combobox', { name: 'La mia presenza' });
    // the system's reasons are never offered to choose
    expect(screen.getByRole('option', { name: 'In pausa: Pranzo' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Proposte non risposte/ })).toBeNull();

    fireEvent.change(select, { target: { value: 'PAUSED:LUNCH' } });
    await waitFor(() => expect(calls).toContain('PUT /api/me/presence {"state":"PAUSED","reason":"LUNCH"}'));
    await waitFor(() => expect(select).toHaveValue('PAUSED:LUNCH'));
    expect(calls.filter((call) => call.startsWith('GET /api/me/offer'))).toHaveLength(0);
  });

  it('announces an offer when available and opens the task once accepted', async () => {
    offered = true;
    renderSwitch();
    const select = await screen.findByRole('combobox', { name: 'La mia presenza' });
    fireEvent.change(select, { target: { value: 'AVAILABLE' } });

    const dialog = await screen.findByRole('dialog', { name: 'Nuova pratica proposta' });
    expect(dialog).toHaveTextContent('Pratica RS-2026-000007, da accettare entro le 06/12/26, 10:00');
    expect(screen.getByRole('status')).toHaveTextContent('Nuova pratica proposta: RS-2026-000007');
    fireEvent.click(screen.getByRole('button', { name: 'Accetta' }));
    await screen.findByText('task page');
    expect(calls).toContain('POST /api/me/offers/7/accept');
  });

  it('declines an offer and keeps asking while available', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    state = { ...state, state: 'AVAILABLE' };
    offered = true;
    renderSwitch();
    fireEvent.click(await screen.findByRole('button', { name: 'Rifiuta' }));
    await waitFor(() => expect(calls).toContain('POST /api/me/offers/7/decline'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent('Proposta rifiutata');
    const polls = calls.filter((call) => call === 'GET /api/me/offer').length;
    await act(async () => {
      vi.advanceTimersByTime(OFFER_FALLBACK_POLL_MS);
    });
    await waitFor(() => expect(calls.filter((call) => call === 'GET /api/me/offer').length).toBeGreaterThan(polls));
  });

  it('reads the offer when the stream says one was made, and polls no more while it is up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const sources: { emit: (name: string, data: string) => void }[] = [];
    class StreamStub {
      static readonly CLOSED = 2;
      readyState = 1;
      private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
      constructor() {
        sources.push(this);
      }
      addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
        this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      }
      close() {
        this.readyState = 2;
      }
      emit(name: string, data: string) {
        this.listeners.get(name)?.forEach((listener) => listener(new MessageEvent(name, { data })));
      }
    }
    vi.stubGlobal('EventSource', StreamStub);
    state = { ...state, state: 'AVAILABLE' };
    renderSwitch();
    await screen.findByRole('combobox', { name: 'La mia presenza' });
    expect(sources).toHaveLength(1);
    act(() => sources[0].emit('ready', '{}'));
    await waitFor(() => expect(calls.filter((call) => call === 'GET /api/me/offer').length).toBeGreaterThan(0));
    const asked = calls.filter((call) => call === 'GET /api/me/offer').length;
    await act(async () => {
      vi.advanceTimersByTime(OFFER_FALLBACK_POLL_MS * 3);
    });
    expect(calls.filter((call) => call === 'GET /api/me/offer')).toHaveLength(asked);

    offered = true;
    act(() => sources[0].emit('offer', '{"taskId":"task-7"}'));
    expect(await screen.findByRole('dialog', { name: 'Nuova pratica proposta' })).toBeInTheDocument();
  });
});
