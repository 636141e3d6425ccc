import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import i18n from '../i18n';
import { STORAGE_KEY, TicketSearchPage } from './TicketSearchPage';
import { json } from '../test-support';

const row = {
  number: 'RS-2026-000042',
  subject: 'Pagamento TARI non registrato',
  requesterName: 'Mario Rossi',
  status: 'WAITING_FOR_REQUESTER',
  queue: 'payments',
  channel: 'EMAIL',
  type: 'Q',
  priority: 3,
  receivedAt: '2026-11-27T09:15:00+01:00',
  resolutionDueAt: '2026-12-04T18:00:00+01:00',
  breached: true,
  assignee: 'operator1',
};

const views = [
  {
    id: 'builtin:mine',
    kind: 'BUILT_IN',
    name: 'mine',
    filters: { open: 'true', mine: 'true' },
    sort: '-received',
    count: 3,
    countExact: true,
    mayDelete: false,
    countKnown: true,
  },
  {
    id: 'builtin:breached',
    kind: 'BUILT_IN',
    name: 'breached',
    filters: { open: 'true', breached: 'true' },
    sort: '-received',
    count: 10000,
    countExact: false,
    mayDelete: false,
    countKnown: true,
  },
  {
    id: '7',
    kind: 'PERSONAL',
    name: 'TARI aperte',
    filters: { q: 'tari', open: 'true' },
    sort: '-due',
    count: 12,
    countExact: true,
    mayDelete: true,
    countKnown: true,
  },
  // a count given up after its statement timeout
  {
    id: 'builtin:waitingForRequester',
    kind: 'BUILT_IN',
    name: 'waitingForRequester',
    filters: { status: 'WAITING_FOR_REQUESTER' },
    sort: '-received',
    count: 0,
    countExact: false,
    mayDelete: false,
    countKnown: false,
  },
];

const operator = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };
const office = { userId: 'office1', groups: ['office', 'office-tributi'], roles: ['OFFICE'], zone: 'Europe/Rome' };

let location = '';
function Where() {
  location = useLocation().search;
  return null;
}

function renderPage(user = operator, at = '/tickets') {
  return render(
    <MemoryRouter initialEntries={[at]}>
      <Routes>
        <Route
          path="/tickets"
          element={
            <>
              <TicketSearchPage user={user} />
              <Where />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

describe('TicketSearchPage', { timeout: 20_000 }, () => {
  const searches: string[] = [];
  const posts: unknown[] = [];

  beforeEach(async () => {
    searches.length = 0;
    posts.length = 0;
    sessionStorage.clear();
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.startsWith('/api/tickets/search')) {
          searches.push(url);
          return json({ items: [row], page: 0, size: 25, total: 1, totalExact: true, sort: '-received' });
        }
        if (url === '/api/tickets/views' && init?.method === 'POST') {
          posts.push(JSON.parse(String(init.body)));
          return json({ ...views[2], id: '8', name: 'Nuova' }, 201);
        }
        if (url === '/api/tickets/views') return json(views);
        return json({}, 404);
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  const lastSearch = () => new URL(searches[searches.length - 1], 'http://localhost').searchParams;

  it('shows a compact row with labels instead of codes and a link to the ticket', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'RS-2026-000042' });
    expect(link).toHaveAttribute('href', '/tickets/RS-2026-000042');
    const cells = within(link.closest('tr') as HTMLElement);
    expect(cells.getByText('In attesa del richiedente')).toBeInTheDocument();
    expect(cells.getByText('Pagamenti')).toBeInTheDocument();
    expect(cells.getByText('E-mail')).toBeInTheDocument();
    expect(cells.getByText('Domanda')).toBeInTheDocument();
    expect(cells.getByText('Fuori tempo')).toBeInTheDocument();
    expect(cells.getByText(/27\/11\/26,? 09:15/)).toBeInTheDocument();
    expect(screen.getByText('1 pratica trovata')).toBeInTheDocument();
  });

  it('sends the form’s filters as the query and keeps them in the URL', async () => {
    renderPage();
    await screen.findByRole('link', { name: 'RS-2026-000042' });
    fireEvent.change(screen.getByLabelText('Testo (oggetto, descrizione)'), { target: { value: 'tari' } });
    fireEvent.change(screen.getByLabelText('Stato'), { target: { value: 'OPEN' } });
    fireEvent.change(screen.getByLabelText('Coda'), { target: { value: 'payments' } });
    fireEvent.change(screen.getByLabelText('Ricevute dal'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Codice fiscale'), { target: { value: 'RSSMRA80A01H501Z' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));

    await waitFor(() => expect(lastSearch().get('q')).toBe('tari'));
    const query = lastSearch();
    expect(query.get('status')).toBe('OPEN');
    expect(query.get('queue')).toBe('payments');
    expect(query.get('receivedFrom')).toBe('2026-11-01');
    expect(query.get('fiscalCode')).toBe('RSSMRA80A01H501Z');
    expect(query.get('size')).toBe('25');
    expect(location).toContain('q=tari');
    expect(sessionStorage.getItem(STORAGE_KEY)).toContain('status=OPEN');
  });

  it('offers no personal-data filters to a role that may not read contacts', async () => {
    renderPage(office);
    await screen.findByRole('link', { name: 'RS-2026-000042' });
    expect(screen.queryByLabelText('Codice fiscale')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('E-mail')).not.toBeInTheDocument();
  });

  it('sorts by a header, toggling the direction, and says so with aria-sort', async () => {
    renderPage();
    await screen.findByRole('link', { name: 'RS-2026-000042' });
    const received = screen.getByRole('columnheader', { name: /Ricevuta/ });
    expect(received).toHaveAttribute('aria-sort', 'descending');
    const number = screen.getByRole('columnheader', { name: /Numero/ });
    expect(number).toHaveAttribute('aria-sort', 'none');

    fireEvent.click(within(number).getByRole('button'));
    await waitFor(() => expect(lastSearch().get('sort')).toBe('number'));
    expect(screen.getByRole('columnheader', { name: /Numero/ })).toHaveAttribute('aria-sort', 'ascending');

    fireEvent.click(within(screen.getByRole('columnheader', { name: /Numero/ })).getByRole('button'));
    await waitFor(() => expect(lastSearch().get('sort')).toBe('-number'));
    expect(screen.getByRole('columnheader', { name: /Numero/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('lists the views with their counts and applies one when chosen', async () => {
    renderPage();
    const mine = await screen.findByRole('button', { name: /Le mie pratiche/ });
    expect(within(mine).getByText('3')).toBeInTheDocument();
    expect(within(screen.getByRole('button', { name: /Fuori tempo/ })).getByText('10.000+')).toBeInTheDocument();
    const waiting = screen.getByRole('button', { name: /In attesa del cittadino/ });
    expect(within(waiting).getByText('?')).toHaveAccessibleName(/Conteggio non disponibile/);
    expect(within(waiting).queryByText('0')).toBeNull();

    fireEvent.click(mine);
    await waitFor(() => expect(lastSearch().get('mine')).toBe('true'));
    expect(lastSearch().get('open')).toBe('true');
    expect(screen.getByRole('button', { name: /Le mie pratiche/ })).toHaveAttribute('aria-current', 'true');

    fireEvent.click(screen.getByRole('button', { name: /^TARI aperte/ }));
    await waitFor(() => expect(lastSearch().get('q')).toBe('tari'));
    expect(lastSearch().get('sort')).toBe('-due');
    expect(lastSearch().get('mine')).toBeNull();
  });

  it('saves the current filters as a personal view, without personal data', async () => {
    renderPage(operator, '/tickets?q=tari&fiscalCode=RSSMRA80A01H501Z&sort=number');
    await screen.findByRole('link', { name: 'RS-2026-000042' });
    fireEvent.change(screen.getByLabelText('Nome della vista'), { target: { value: 'Nuova' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva come vista' }));

    expect(await screen.findByText('Vista «Nuova» salvata.')).toBeInTheDocument();
    expect(posts).toEqual([{ name: 'Nuova', shared: false, filters: { q: 'tari' }, sort: 'number' }]);
    expect(screen.queryByLabelText('Condivisa con tutti')).not.toBeInTheDocument();
  });

  it('finds the last search again when the user comes back without a query', async () => {
    sessionStorage.setItem(STORAGE_KEY, 'q=residenza&status=CLOSED&page=1');
    renderPage();
    await waitFor(() => expect(searches.length).toBeGreaterThan(0));
    const query = lastSearch();
    expect(query.get('q')).toBe('residenza');
    expect(query.get('status')).toBe('CLOSED');
    expect(query.get('page')).toBe('1');
    expect(await screen.findByLabelText('Testo (oggetto, descrizione)')).toHaveValue('residenza');
    expect(location).toContain('q=residenza');
  });
});
