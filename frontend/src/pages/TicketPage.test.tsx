import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import type { Me } from '../api';
import { TicketPage } from './TicketPage';
import { json } from '../test-support';

const operator = {
  userId: 'operator1',
  name: 'Operatore 1',
  roles: ['LEVEL1'],
  groups: ['level1'],
  zone: 'Europe/Rome',
} as unknown as Me;
const auditor = {
  userId: 'auditor',
  name: 'Revisore',
  roles: ['AUDITOR'],
  groups: ['auditors'],
  zone: 'Europe/Rome',
} as unknown as Me;

const ticket = {
  number: 'RS-2026-000042',
  status: 'IN_PROGRESS',
  type: 'Q',
  channel: 'EMAIL',
  subject: 'Pagamento TARI',
  description: 'Risulto debitore.',
  language: 'it',
  queue: 'payments',
  priority: 3,
  currentLevel: 1,
  requester: {
    id: 9,
    kind: 'PERSON',
    name: 'Maria Bianchi',
    fiscalCode: 'BNCMRA80A01H501Z',
    email: 'maria@example.it',
  },
  receivedAt: '2026-12-01T09:00:00+01:00',
  takenInChargeAt: '2026-12-01T09:30:00+01:00',
  takenInChargeBy: 'operator1',
  sla: {
    policy: 'STANDARD',
    takeInChargeDueAt: '2026-12-01T13:00:00+01:00',
    resolutionDueAt: '2026-12-04T09:00:00+01:00',
    takeInChargeBreached: false,
    resolutionBreached: false,
    paused: false,
    takeInChargeState: 'MET',
    resolutionState: 'ON_TRACK',
  },
};

function answer(byPath: (url: string) => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => byPath(url)),
  );
}

function show(user: Me, number: string) {
  render(
    <MemoryRouter initialEntries={[`/tickets/${number}`]}>
      <Routes>
        <Route path="/tickets/:number" element={<TicketPage user={user} />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('TicketPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the header in words, the resolution deadline once taken in charge, the task to work and the requester link', async () => {
    await i18n.changeLanguage('it');
    answer((url) => {
      if (url.startsWith('/api/tickets/RS-2026-000042/conversation')) return json([]);
      if (url.startsWith('/api/tickets/RS-2026-000042/links')) return json([]);
      if (url.startsWith('/api/tickets/RS-2026-000042')) return json(ticket);
      if (url.startsWith('/api/tasks'))
        return json({
          items: [{ id: 't-7', name: 'Gestisci', taskKey: 'userTask_handleLevel1' }],
          page: 0,
          size: 20,
          totalElements: 1,
          totalPages: 1,
        });
      if (url.startsWith('/api/reference'))
        return json({
          queues: [{ code: 'payments', nameIt: 'Pagamenti', nameEn: 'Payments' }],
          offices: [],
          categories: [],
        });
      if (url.startsWith('/api/kb/suggestions')) return json({ ticket: ticket.number, query: 'x', hits: [] });
      if (url.startsWith('/api/presence')) return json({ others: [] });
      return json({});
    });
    show(operator, 'RS-2026-000042');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'RS-2026-000042 · Pagamento TARI' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Pagamenti')).toBeInTheDocument();
    expect(screen.getByText('In lavorazione')).toBeInTheDocument();
    expect(screen.getByText(/risoluzione entro 04\/12\/26, 09:00/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Maria Bianchi' })).toHaveAttribute('href', '/contacts/9');
    expect(await screen.findByRole('link', { name: /Lavora:/ })).toHaveAttribute('href', '/tasks/t-7');
    expect(screen.getByLabelText('Risposta pubblica')).toBeInTheDocument();
    expect(document.querySelector('[data-slot="ticket-actions"]')).not.toBeNull();
  }, 20_000);

  it('says clearly when the ticket does not exist, and when the user may not read it', async () => {
    await i18n.changeLanguage('it');
    answer(() => json({ detail: 'No ticket' }, 404));
    show(operator, 'RS-1999-000001');
    expect(await screen.findByRole('alert')).toHaveTextContent('Questa richiesta non esiste');
  });

  it('says so when the role may not read tickets', async () => {
    await i18n.changeLanguage('en');
    answer(() => json({ detail: 'Forbidden' }, 403));
    show(auditor, 'RS-2026-000042');
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have permission to read this request');
  });
});
