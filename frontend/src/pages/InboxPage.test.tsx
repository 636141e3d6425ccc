import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { InboxPage } from './InboxPage';

const row = {
  taskId: 't-1',
  taskName: 'Handle request (level 1)',
  taskKey: 'userTask_handleLevel1',
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  dueAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
  number: 'RS-2026-000042',
  type: 'Q',
  channel: 'WEB',
  subject: 'Pagamento TARI',
  requesterName: 'Mario Rossi',
  queue: 'payments',
  priority: 3,
  currentLevel: 1,
  slaState: 'ON_TRACK',
};

describe('InboxPage', () => {
  const calls: string[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        return new Response(JSON.stringify({ items: [row], page: 0, size: 25, totalElements: 1, totalPages: 1 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows each task with its ticket, SLA countdown and a claim button', async () => {
    render(
      <MemoryRouter>
        <InboxPage user={{ userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );

    expect(await screen.findByRole('link', { name: 'Apri la richiesta RS-2026-000042' })).toBeInTheDocument();
    expect(screen.getByText('Gestione richiesta (primo livello)')).toBeInTheDocument();
    expect(screen.getByText('Mario Rossi')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getByText(/nei tempi/)).toHaveTextContent(/scade tra 2 h 59 min|scade tra 3 h 0 min/);
    expect(screen.getByRole('button', { name: 'Prendi in carico la richiesta RS-2026-000042' })).toBeEnabled();
  });

  it('sends the chosen filters to the server', async () => {
    render(
      <MemoryRouter>
        <InboxPage user={{ userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    await screen.findByText('Mario Rossi');

    fireEvent.change(screen.getByLabelText('Coda'), { target: { value: 'payments' } });
    fireEvent.change(screen.getByLabelText('Canale'), { target: { value: 'EMAIL' } });
    fireEvent.change(screen.getByLabelText('Priorità'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('SLA'), { target: { value: 'AT_RISK' } });
    fireEvent.change(screen.getByLabelText('Cerca per numero'), { target: { value: '0042' } });
    fireEvent.change(screen.getByLabelText('Cerca richiedente'), { target: { value: 'rossi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Applica' }));

    await waitFor(() =>
      expect(calls.at(-1)).toBe(
        '/api/inbox?page=0&size=25&queue=payments&channel=EMAIL&priority=2&sla=AT_RISK&number=0042&requester=rossi',
      ),
    );
  });

  it('says why a four-eyes refusal happened instead of blaming another operator', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          return new Response(
            JSON.stringify({ status: 409, detail: 'Four eyes: kbboth wrote or submitted version 1 of article 7' }),
            { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        return new Response(JSON.stringify({ items: [row], page: 0, size: 25, totalElements: 1, totalPages: 1 }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
    render(
      <MemoryRouter>
        <InboxPage user={{ userId: 'kbboth', groups: ['kb-reviewer'], roles: ['KB_REVIEWER'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Prendi in carico la richiesta RS-2026-000042' }));

    expect(await screen.findByText(/Principio dei quattro occhi/)).toBeInTheDocument();
    expect(screen.queryByText(/modificata da un altro operatore/)).not.toBeInTheDocument();
  });
});
