import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { ActivityPage } from './ActivityPage';

const report = {
  from: '2031-06-01',
  to: '2031-06-30',
  filter: {},
  asOf: '2031-07-15T10:00:00Z',
  received: 7,
  closed: 4,
  days: [
    { date: '2031-06-03', received: 3, closed: 3 },
    { date: '2031-06-04', received: 4, closed: 1 },
  ],
  hourBands: Array.from({ length: 24 }, (_, hour) => ({ hour, received: hour === 9 ? 5 : hour === 19 ? 2 : 0 })),
  byChannel: { EMAIL: 3, WEB: 4 },
  outcomes: { SOLVED: 3, CLOSED_DATA_INCOMPLETE: 1 },
  solvedAtLevel: { '1': 2, '2': 1 },
  toTakeInCharge: { tickets: 4, averageHours: 3.5, medianHours: 4, p90Hours: 6 },
  toResolve: { tickets: 4, averageHours: 50.5, medianHours: 27, p90Hours: 120 },
  backlog: {
    open: 12,
    waitingForRequester: 2,
    waitingForOffice: 1,
    ageing: { '<1d': 5, '1-3d': 4, '3-7d': 1, '7-30d': 0, '>30d': 2 },
    oldestReceivedAt: '2031-05-01T08:00:00Z',
  },
};

describe('ActivityPage', () => {
  const calls: string[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        if (url.includes('channel=FAX')) {
          return new Response(
            JSON.stringify({ title: 'Bad Request', status: 400, detail: 'Richiesta non valida', errors: [{ field: 'to', message: 'must not be before from' }] }),
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        return new Response(JSON.stringify(report), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows the totals, each chart with its data as a table, and the handling times', async () => {
    render(
      <MemoryRouter>
        <ActivityPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'] }} />
      </MemoryRouter>,
    );

    const totals = await screen.findByRole('list', { name: 'Totali del periodo e arretrato attuale' });
    expect(within(totals).getByText('Ricevute').nextSibling).toHaveTextContent('7');
    expect(within(totals).getByText('Aperte ora').nextSibling).toHaveTextContent('12');
    expect(calls[0]).toMatch(/^\/api\/reports\/activity\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);

    const hours = screen.getByRole('figure', { name: 'Contatti per fascia oraria' });
    expect(within(hours).getByRole('img')).toHaveAccessibleName('Fascia oraria con più contatti: dalle 9:00');
    const hourRows = within(hours).getAllByRole('row');
    expect(hourRows.map((row) => row.textContent)).toEqual(['Fascia orariaRicevute', '9:005', '19:002']);

    const outcomes = screen.getByRole('figure', { name: 'Esiti delle richieste chiuse' });
    expect(within(outcomes).getByRole('row', { name: /Chiusa per dati incompleti/ })).toHaveTextContent('1');
    const ageing = screen.getByRole('figure', { name: 'Arretrato per anzianità' });
    expect(within(ageing).getByRole('row', { name: /Oltre 30 giorni/ })).toHaveTextContent('2');

    const times = screen.getByRole('table', { name: /Tempi trascorsi dalla ricezione/ });
    expect(within(times).getByRole('row', { name: /Risoluzione/ })).toHaveTextContent('27 h');
    expect(screen.getByText(/Risolte per livello/)).toHaveTextContent('livello 1: 2, livello 2: 1');
  });

  it('asks again when a filter changes and shows the fields the server refused', async () => {
    render(
      <MemoryRouter>
        <ActivityPage user={{ userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'] }} />
      </MemoryRouter>,
    );
    await screen.findByRole('list', { name: 'Totali del periodo e arretrato attuale' });

    fireEvent.change(screen.getByLabelText('Canale'), { target: { value: 'FAX' } });

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Richiesta non valida'));
    expect(screen.getByRole('alert')).toHaveTextContent('must not be before from');
    expect(calls.at(-1)).toContain('channel=FAX');
  });
});
