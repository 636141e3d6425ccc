import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { SupervisorPage } from './SupervisorPage';

const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const board = (available: number) => ({
  asOf: new Date(NOW).toISOString(),
  counts: [
    { state: 'LOGGED_OUT', agents: 2 },
    { state: 'AVAILABLE', agents: available },
    { state: 'ON_CALL', agents: 1 },
    { state: 'WRAP_UP', agents: 0 },
    { state: 'PAUSED', agents: 1 },
  ],
  agents: [
    { agent: 'operator1', state: 'AVAILABLE', since: ago(12), queue: 'general' },
    { agent: 'operator2', state: 'ON_CALL', since: ago(3), queue: 'level2', callId: 'call-42' },
    { agent: 'operator3', state: 'PAUSED', since: ago(75) },
  ],
});

describe('SupervisorPage, agents by state', () => {
  const calls: string[] = [];
  let available = 1;

  beforeEach(() => {
    calls.length = 0;
    available = 1;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        const body =
          url === '/api/phone/agents' ? board(available) : { queues: [], tasksPerOperator: {}, assigned: [] };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  const renderPage = () =>
    render(
      <MemoryRouter>
        <SupervisorPage
          user={{ userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' }}
        />
      </MemoryRouter>,
    );

  it('shows a tile per state, zero included, and who is in which state for how long (Italian)', async () => {
    await i18n.changeLanguage('it');
    renderPage();

    const tiles = await screen.findByRole('list', { name: 'Numero di operatori telefonici in ciascuno stato' });
    expect(calls).toContain('/api/phone/agents');
    expect(within(tiles).getAllByRole('listitem')).toHaveLength(5);
    expect(within(tiles).getByText('Post-chiamata').nextSibling).toHaveTextContent('0');
    expect(within(tiles).getByText('Disconnessi').nextSibling).toHaveTextContent('2');

    const table = screen.getByRole('table', { name: /Operatori telefonici: stato/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual(['Operatore', 'Stato', 'Nello stato da', 'Coda', 'Chiamata']);
    const onCall = within(table).getByRole('row', { name: /operator2/ });
    expect(onCall).toHaveTextContent('In chiamata');
    expect(onCall).toHaveTextContent('3 min');
    expect(onCall).toHaveTextContent('call-42');
    expect(within(table).getByRole('row', { name: /operator3/ })).toHaveTextContent('1 h 15 min');
  });

  it('refreshes the agents with the other tiles (English)', async () => {
    await i18n.changeLanguage('en');
    renderPage();
    const tiles = await screen.findByRole('list', { name: 'Number of phone agents in each state' });
    expect(within(tiles).getByText('Available').nextSibling).toHaveTextContent('1');
    expect(screen.getByRole('row', { name: /operator1/ })).toHaveTextContent('Available');

    available = 4;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() => expect(within(tiles).getByText('Available').nextSibling).toHaveTextContent('4'));
    expect(calls.filter((url) => url === '/api/phone/agents').length).toBeGreaterThanOrEqual(2);
  });
});
