import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { ActivityPage } from './ActivityPage';
import { stubFetch, stubResizeObserver, type Call } from '../test-support';

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

const kbUsage = {
  from: '2031-06-01',
  to: '2031-06-30',
  totals: {
    internalViews: 40,
    publicViews: 560,
    searches: 900,
    searchesWithoutResults: 85,
    helpful: 30,
    notHelpful: 10,
    helpfulPercent: 75,
  },
  days: [{ date: '2031-06-03', internalViews: 40, publicViews: 560, searches: 900 }],
  topArticles: [
    {
      id: 7,
      title: 'Come pagare la TARI',
      categoryCode: 'tari',
      categoryName: 'TARI - tassa sui rifiuti',
      views: 700,
      helpful: 20,
      notHelpful: 2,
      helpfulPercent: 90.9,
    },
    {
      id: 9,
      title: "Carta d'identità elettronica",
      categoryCode: 'cie',
      categoryName: "Carta d'identità elettronica",
      views: 300,
      helpful: 0,
      notHelpful: 0,
      helpfulPercent: null,
    },
  ],
  unansweredQueries: [{ query: 'passo carrabile', searches: 12, lastSearchedAt: '2031-06-29T10:00:00Z' }],
  topics: [{ code: 'tributi', name: 'Tributi locali', views: 700 }],
};

const figures = (invited: number, answered: number, averageScore: number | null, lowScores: number) => ({
  invited,
  answered,
  averageScore,
  lowScores,
});
const satisfaction = {
  from: '2026-11-01',
  to: '2026-11-30',
  total: figures(10, 4, 3.75, 1),
  byOperator: [{ key: 'operator1', figures: figures(10, 4, 3.75, 1) }],
  byQueue: [{ key: 'general', figures: figures(10, 4, 3.75, 1) }],
  byChannel: [{ key: 'WEB', figures: figures(10, 4, 3.75, 1) }],
  answers: [
    {
      ticketNumber: 'RS-2026-000042',
      operator: 'operator1',
      queue: 'general',
      channel: 'WEB',
      questionnaireVersion: 1,
      answeredAt: '2026-11-10T09:00:00Z',
      score: 1,
      lowScore: true,
      followUpOutcome: null,
      answers: { score: ['1'], problems: ['time', 'unsolved'] },
    },
  ],
};

describe('ActivityPage', () => {
  let calls: Call[];
  const urls = () => calls.map((call) => call.url);

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    stubResizeObserver();
    calls = stubFetch(({ url }) => {
      if (url === '/api/reference') return { queues: [], offices: [], categories: [] };
      if (url.startsWith('/api/surveys/satisfaction/results')) return satisfaction;
      if (url.startsWith('/api/reports/kb-usage')) return kbUsage;
      if (url.includes('channel=FAX')) {
        return new Response(
          JSON.stringify({
            title: 'Bad Request',
            status: 400,
            detail: 'Richiesta non valida',
            errors: [{ field: 'to', message: 'must not be before from' }],
          }),
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }
      return report;
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows the totals, each chart with its data as a table, and the handling times', async () => {
    render(
      <MemoryRouter>
        <ActivityPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );

    const totals = await screen.findByRole('list', { name: 'Totali del periodo e arretrato attuale' });
    expect(within(totals).getByText('Ricevute').nextSibling).toHaveTextContent('7');
    expect(within(totals).getByText('Aperte ora').nextSibling).toHaveTextContent('12');
    expect(urls().find((url) => url.startsWith('/api/reports/activity'))).toMatch(
      /^\/api\/reports\/activity\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/,
    );

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

  it('asks for this month on the service calendar, not in the browser’s zone', async () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Rome
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T23:30:00Z'));
    try {
      render(
        <MemoryRouter>
          <ActivityPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
        </MemoryRouter>,
      );
      await waitFor(() => expect(urls()).toContainEqual(expect.stringMatching(/^\/api\/reports\/activity\?/)));
      expect(urls().find((url) => url.startsWith('/api/reports/activity'))).toContain('from=2027-01-01&to=2027-01-01');
      expect(screen.getByLabelText('Dal')).toHaveValue('2027-01-01');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the knowledge base usage of the same period: totals, most read articles, searches without results', async () => {
    render(
      <MemoryRouter>
        <ActivityPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );

    const section = await screen.findByRole('region', { name: 'Uso della base di conoscenza' });
    const totals = await within(section).findByRole('list', { name: 'Totali della base di conoscenza nel periodo' });
    expect(within(totals).getByText('Articoli letti').nextSibling).toHaveTextContent('600');
    expect(within(totals).getByText('40 dagli operatori, 560 dai cittadini')).toBeInTheDocument();
    expect(within(totals).getByText('Ricerche senza risultati').nextSibling).toHaveTextContent('85');
    expect(within(totals).getByText('Giudicati utili').nextSibling).toHaveTextContent('75%');
    expect(urls()).toContainEqual(
      expect.stringMatching(/^\/api\/reports\/kb-usage\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/),
    );

    const articles = within(section).getByRole('table', { name: 'Articoli più letti' });
    const tari = within(articles).getByRole('row', { name: /Come pagare la TARI/ });
    expect(within(tari).getByRole('link')).toHaveAttribute('href', '/kb/articles/7');
    expect(tari).toHaveTextContent('90,9%');
    expect(within(articles).getByRole('row', { name: /Carta d'identità/ })).toHaveTextContent('—');

    const gaps = within(section).getByRole('table', { name: 'Ricerche senza risultati più frequenti' });
    expect(within(gaps).getByRole('row', { name: /passo carrabile/ })).toHaveTextContent('12');
  });

  it('asks again when a filter changes and shows the fields the server refused', async () => {
    render(
      <MemoryRouter>
        <ActivityPage
          user={{ userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' }}
        />
      </MemoryRouter>,
    );
    await screen.findByRole('list', { name: 'Totali del periodo e arretrato attuale' });

    fireEvent.change(screen.getByLabelText('Canale'), { target: { value: 'FAX' } });

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Richiesta non valida'));
    expect(screen.getByRole('alert')).toHaveTextContent('must not be before from');
    expect(urls().at(-1)).toContain('channel=FAX');
  });

  it('shows the satisfaction survey of the same period with the answers behind the figures', async () => {
    render(
      <MemoryRouter>
        <ActivityPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    const section = await screen.findByRole('region', { name: 'Soddisfazione dopo il contatto' }, { timeout: 5000 });
    expect(
      await within(section).findByText('3,75', { selector: '[data-field="satisfaction-average"]' }),
    ).toBeInTheDocument();
    expect(within(section).getByText('RS-2026-000042')).toBeInTheDocument();
    expect(within(section).getByText('score: 1 · problems: time, unsolved')).toBeInTheDocument();
    expect(urls().some((url) => url.startsWith('/api/surveys/satisfaction/results?from='))).toBe(true);
  });
});
