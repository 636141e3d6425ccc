import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { forgetReference } from '../lib/labels';
import { InboxPage } from './InboxPage';
import { json } from '../test-support';

/** The reference data: queue names from the server (the inbox shows them, not the codes). */
const reference = () =>
  json({
    queues: [{ code: 'payments', nameIt: 'Pagamenti e tributi', nameEn: 'Payments and taxes' }],
    offices: [],
    categories: [],
  });

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

describe('InboxPage', { timeout: 20_000 }, () => {
  const calls: string[] = [];

  beforeEach(async () => {
    calls.length = 0;
    forgetReference();
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/reference') return reference();
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
    expect(within(screen.getByRole('table')).getByText(/nei tempi/)).toHaveTextContent(
      /scade tra 2 h 59 min|scade tra 3 h 0 min/,
    );
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

  it('loads the list again when the same filters are applied again', async () => {
    render(
      <MemoryRouter>
        <InboxPage user={{ userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    await screen.findByText('Mario Rossi');
    fireEvent.change(screen.getByLabelText('Cerca per numero'), { target: { value: '0042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Applica' }));
    const filtered = '/api/inbox?page=0&size=25&number=0042';
    await waitFor(() => expect(calls.filter((url) => url === filtered)).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Applica' }));
    await waitFor(() => expect(calls.filter((url) => url === filtered)).toHaveLength(2));
  });

  it('says why a four-eyes refusal happened instead of blaming another operator', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/reference') return reference();
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

  const user = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };
  const page = (items: unknown[]) => json({ items, page: 0, size: 25, totalElements: items.length, totalPages: 1 });
  /** The inbox at /inbox, with a stand-in task page at /tasks/:taskId to open. */
  const renderWithTaskRoute = () =>
    render(
      <MemoryRouter initialEntries={['/inbox']}>
        <Routes>
          <Route path="/inbox" element={<InboxPage user={user} />} />
          <Route path="/tasks/:taskId" element={<p>task page</p>} />
        </Routes>
      </MemoryRouter>,
    );

  it('names queue, channel and type by their labels and counts the citizen wait since receipt', async () => {
    const received = { ...row, receivedAt: new Date(Date.now() - (2 * 24 + 3) * 3_600_000).toISOString() };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url === '/api/reference' ? reference() : page([received]))),
    );
    render(
      <MemoryRouter>
        <InboxPage user={user} />
      </MemoryRouter>,
    );
    const line = (await screen.findByText('Mario Rossi')).closest('tr')!;
    expect(await within(line).findByText('Pagamenti e tributi')).toBeInTheDocument();
    expect(line).toHaveTextContent('Richiesta di informazioni · Modulo web');
    expect(within(line).queryByText('payments')).not.toBeInTheDocument();
    // the task is 5 minutes old, the citizen has waited two days and three hours
    expect(line.querySelector('[data-wait]')).toHaveTextContent('2 g 3 h');
    expect(
      screen.getByRole('columnheader', { name: /In attesa da.*dalla ricezione della richiesta/ }),
    ).toBeInTheDocument();
    // the subject opens the ticket's page, the number its task
    expect(within(line).getByRole('link', { name: 'Pagamento TARI' })).toHaveAttribute(
      'href',
      '/tickets/RS-2026-000042',
    );
    expect(within(line).getByRole('link', { name: 'Apri la richiesta RS-2026-000042' })).toHaveAttribute(
      'href',
      '/tasks/t-1',
    );
  });

  it('counts a taken ticket toward its resolution deadline, not the take-in-charge one already met', async () => {
    const taken = {
      ...row,
      assignee: 'operator1',
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      slaDueAt: new Date(Date.now() + (5 * 24 + 2) * 3_600_000 + 60_000).toISOString(),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url === '/api/reference' ? reference() : page([taken]))),
    );
    render(
      <MemoryRouter>
        <InboxPage user={user} />
      </MemoryRouter>,
    );
    const badge = await within(await screen.findByRole('table')).findByText(/nei tempi/);
    expect(badge).toHaveTextContent('scade tra 5 g 2 h');
  });

  it('takes the selected tickets one by one and reports each, the refused one still selected', async () => {
    const second = { ...row, taskId: 't-2', number: 'RS-2026-000043', requesterName: 'Anna Verdi' };
    const posts: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/reference') return reference();
        if (init?.method === 'POST') {
          posts.push(url);
          if (url.includes('t-2')) {
            return new Response(JSON.stringify({ status: 409, detail: 'taken' }), {
              status: 409,
              headers: { 'Content-Type': 'application/problem+json' },
            });
          }
          return new Response(JSON.stringify({ id: 't-1' }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        return page([row, second]);
      }),
    );
    render(
      <MemoryRouter>
        <InboxPage user={user} />
      </MemoryRouter>,
    );
    const take = await screen.findByRole('button', { name: 'Prendi in carico le selezionate' });
    expect(take).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Seleziona tutte le richieste visibili' }));
    expect(screen.getByRole('checkbox', { name: 'Seleziona la richiesta RS-2026-000042' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Seleziona la richiesta RS-2026-000043' })).toBeChecked();
    expect(screen.getByText('2 selezionate')).toBeInTheDocument();

    fireEvent.click(take);

    await waitFor(() =>
      expect(document.querySelector('[data-bulk-results]')).toHaveTextContent('RS-2026-000042: presa in carico'),
    );
    expect(document.querySelector('[data-bulk-results]')).toHaveTextContent(
      "RS-2026-000043: L'attività è stata modificata da un altro operatore.",
    );
    expect(posts).toEqual(['/api/tasks/t-1/claim', '/api/tasks/t-2/claim']);
    expect(screen.getByRole('checkbox', { name: 'Seleziona la richiesta RS-2026-000042' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Seleziona la richiesta RS-2026-000043' })).toBeChecked();
  });

  it('assigns the selected tickets to a colleague who may take them all', async () => {
    const second = { ...row, taskId: 't-2', number: 'RS-2026-000043' };
    const posts: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/reference') return reference();
        if (init?.method === 'POST') {
          posts.push({ url, body: JSON.parse(String(init.body)) });
          return new Response(null, { status: 204 });
        }
        if (url === '/api/tasks/t-1/candidates')
          return json([
            { userId: 'operator3', name: 'Carla' },
            { userId: 'operator4', name: 'Dario' },
          ]);
        if (url === '/api/tasks/t-2/candidates') return json([{ userId: 'operator4', name: 'Dario' }]);
        return page([row, second]);
      }),
    );
    render(
      <MemoryRouter>
        <InboxPage user={{ ...user, roles: ['SUPERVISOR'] }} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Seleziona tutte le richieste visibili' }));
    fireEvent.click(screen.getByRole('button', { name: 'Assegna a…' }));
    const picker = await screen.findByLabelText('Assegna le 2 richieste selezionate a');
    expect(within(picker).queryByText(/Carla/)).not.toBeInTheDocument();
    fireEvent.change(picker, { target: { value: 'operator4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma' }));

    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts).toEqual([
      { url: '/api/tasks/t-1/assign', body: { userId: 'operator4' } },
      { url: '/api/tasks/t-2/assign', body: { userId: 'operator4' } },
    ]);
    await waitFor(() =>
      expect(document.querySelector('[data-bulk-results]')).toHaveTextContent('RS-2026-000043: assegnata a operator4'),
    );
  });

  it('walks the rows with j and k, selects with x, takes with t and opens with Enter', async () => {
    const second = { ...row, taskId: 't-2', number: 'RS-2026-000043', requesterName: 'Anna Verdi' };
    const posts: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/reference') return reference();
        if (init?.method === 'POST') {
          posts.push(url);
          return new Response(JSON.stringify({ id: 't-2' }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        return page([row, second]);
      }),
    );
    renderWithTaskRoute();
    await screen.findByText('Mario Rossi');
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toHaveAttribute('data-ticket', 'RS-2026-000043');
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    expect(document.activeElement).toHaveAttribute('data-ticket', 'RS-2026-000042');
    fireEvent.keyDown(document.activeElement!, { key: 'x' });
    expect(screen.getByRole('checkbox', { name: 'Seleziona la richiesta RS-2026-000042' })).toBeChecked();
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 't' });
    await waitFor(() => expect(posts).toEqual(['/api/tasks/t-2/claim']));
    // typing in a filter moves nothing
    fireEvent.keyDown(screen.getByLabelText('Cerca per numero'), { key: 'j' });
    fireEvent.keyDown(screen.getByRole('row', { name: /RS-2026-000043/ }), { key: 'Enter' });
    expect(await screen.findByText('task page')).toBeInTheDocument();
  });

  it('keeps the active row on its task when a refresh brings a new ticket on top', async () => {
    const second = { ...row, taskId: 't-2', number: 'RS-2026-000043', requesterName: 'Anna Verdi' };
    const fresh = { ...row, taskId: 't-9', number: 'RS-2026-000099', requesterName: 'Nuova Richiedente' };
    let shown = [row, second];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url === '/api/reference' ? reference() : page(shown))),
    );
    renderWithTaskRoute();
    await screen.findByText('Anna Verdi');
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toHaveAttribute('data-ticket', 'RS-2026-000043');

    shown = [fresh, row, second];
    fireEvent.click(screen.getByRole('button', { name: i18n.t('inbox.refresh') }));
    await screen.findByText('Nuova Richiedente');
    expect(document.querySelector('tr.inbox-active')).toHaveAttribute('data-ticket', 'RS-2026-000043');
    // k goes to the row above the same task, not above the third row's old position
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(document.activeElement).toHaveAttribute('data-ticket', 'RS-2026-000042');

    // the active task leaves the list: the row that took its place is the active one
    shown = [fresh, second];
    fireEvent.click(screen.getByRole('button', { name: i18n.t('inbox.refresh') }));
    await waitFor(() => expect(screen.queryByText('Mario Rossi')).not.toBeInTheDocument());
    expect(document.querySelector('tr.inbox-active')).toHaveAttribute('data-ticket', 'RS-2026-000043');
  });
});
