import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import type { Me } from '../api';
import { ContactPage } from './ContactPage';
import { findMessage, message } from '../messages.testing';
import { json } from '../test-support';

const contact = (version: number, phone?: string) => ({
  id: 7,
  kind: 'PERSON',
  name: 'Maria Bianchi',
  fiscalCode: 'BNCMRA80A41H501X',
  email: 'maria@example.it',
  phone,
  version,
});
const page = <T,>(items: T[]) => ({ items, page: 0, size: 20, totalElements: items.length, totalPages: 1 });

const as = (...roles: string[]): Me => ({ userId: 'someone', groups: [], roles, zone: 'Europe/Rome' });

describe('ContactPage', () => {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  let answer: (method: string, url: string, body?: unknown) => Response | undefined;

  beforeEach(async () => {
    calls.length = 0;
    answer = () => undefined;
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        const body = init?.body ? JSON.parse(init.body as string) : undefined;
        calls.push({ method, url, body });
        const special = answer(method, url, body);
        if (special) return special;
        if (url === '/api/contacts/7') return json(contact(3));
        if (url.startsWith('/api/contacts/7/changes')) return json(page([]));
        if (url.startsWith('/api/tickets?requesterId=7'))
          return json(
            page([{ number: 'RS-2026-000042', subject: 'TARI', status: 'OPEN', receivedAt: '2026-12-01T09:00:00Z' }]),
          );
        if (url.startsWith('/api/contacts/7/history'))
          return json(
            page([
              {
                id: 1,
                occurredAt: '2026-12-01T09:00:00Z',
                channel: 'EMAIL',
                direction: 'INBOUND',
                kind: 'REQUEST',
                ticketNumber: 'RS-2026-000042',
                summary: 'Ho pagato',
              },
            ]),
          );
        if (url.startsWith('/api/contacts/7/duplicates'))
          return json([
            {
              contact: { id: 9, kind: 'PERSON', name: 'Maria Bianchi', email: 'maria@example.it', version: 0 },
              sameAs: ['email', 'name'],
            },
          ]);
        return json({}, 404);
      }),
    );
  });

  const renderPage = (user: Me) =>
    render(
      <MemoryRouter initialEntries={['/contacts/7']}>
        <Routes>
          <Route path="/contacts/:id" element={<ContactPage user={user} />} />
        </Routes>
      </MemoryRouter>,
    );

  it('shows the requester, their tickets and interactions, and saves an edit with the version read', async () => {
    answer = (method, url) =>
      method === 'PUT' && url === '/api/contacts/7' ? json(contact(4, '+390612345678')) : undefined;
    renderPage(as('LEVEL1'));

    const phone = await screen.findByLabelText('Phone');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Maria Bianchi');
    const tickets = await screen.findByRole('table', { name: 'Tickets' });
    expect(within(tickets).getByRole('link', { name: 'RS-2026-000042' })).toHaveAttribute(
      'href',
      '/tickets/RS-2026-000042',
    );
    const interactions = await screen.findByRole('table', { name: 'Contacts on every channel' });
    expect(within(interactions).getByRole('row', { name: /Ho pagato/ })).toHaveTextContent('E-mail');
    expect(within(interactions).getByRole('row', { name: /Ho pagato/ })).toHaveTextContent('Inbound');
    expect(screen.queryByRole('button', { name: 'Find and merge duplicates' })).not.toBeInTheDocument();

    fireEvent.change(phone, { target: { value: '+39 06 1234 5678' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({
      version: 3,
      kind: 'PERSON',
      phone: '+39 06 1234 5678',
      email: 'maria@example.it',
    });
    await waitFor(() => expect(screen.getByLabelText('Phone')).toHaveValue('+390612345678'));
    expect(calls.filter((call) => call.url.startsWith('/api/contacts/7/changes')).length).toBeGreaterThanOrEqual(2);
  });

  it('shows the field errors under their fields, and a stale edit as a conflict to reload (Italian)', async () => {
    await i18n.changeLanguage('it');
    let status = 400;
    answer = (method) =>
      method === 'PUT'
        ? status === 400
          ? json(
              {
                detail: 'Invalid request',
                errors: [{ field: 'email', message: 'deve essere un indirizzo e-mail valido' }],
              },
              400,
            )
          : json({ detail: 'Someone else changed this contact' }, 409)
        : undefined;
    renderPage(as('LEVEL2'));

    const email = await screen.findByLabelText('E-mail');
    fireEvent.change(email, { target: { value: 'non valida' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva le modifiche' }));

    await waitFor(() => expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true'));
    expect(
      screen.getByText('deve essere un indirizzo e-mail valido', { selector: '.invalid-feedback' }),
    ).toBeInTheDocument();
    expect(message('alert')).toHaveTextContent('Alcuni dati non sono validi');

    status = 409;
    fireEvent.click(screen.getByRole('button', { name: 'Salva le modifiche' }));
    await waitFor(() => expect(message('alert')).toHaveTextContent('Qualcun altro ha modificato'));
    const loads = () => calls.filter((call) => call.url === '/api/contacts/7').length;
    const before = loads();
    fireEvent.click(screen.getByRole('button', { name: 'Ricarica i dati aggiornati' }));
    await waitFor(() => expect(loads()).toBe(before + 1));
  });

  it('is read-only for an auditor, who does not list tickets', async () => {
    renderPage(as('AUDITOR'));
    await screen.findByRole('heading', { level: 2, name: "Requester's details" });
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('maria@example.it')).toBeInTheDocument();
    expect(screen.getByText('Your role does not consult the list of tickets.')).toBeInTheDocument();
    expect(calls.some((call) => call.url.startsWith('/api/tickets'))).toBe(false);
  });

  it('says so when the role may not see requesters', async () => {
    answer = (method, url) => (url === '/api/contacts/7' ? json({ detail: 'Forbidden' }, 403) : undefined);
    renderPage(as('SECRETARIAT'));
    expect(await findMessage('alert')).toHaveTextContent("You are not allowed to see requesters' data.");
  });

  it('finds a duplicate and merges it after confirmation', async () => {
    answer = (method, url) =>
      method === 'POST' && url === '/api/contacts/7/merges'
        ? json({ contact: contact(5), alreadyMerged: false, moved: { 'ticket.requester_id': 1 } })
        : undefined;
    renderPage(as('LEVEL2'));

    fireEvent.click(await screen.findByRole('button', { name: 'Find and merge duplicates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge a duplicate' });
    const candidates = await within(dialog).findByRole('table', { name: 'Possible duplicates' });
    expect(within(candidates).getByRole('row', { name: /Maria Bianchi/ })).toHaveTextContent(
      'E-mail, Name or company name',
    );

    fireEvent.click(within(candidates).getByRole('button', { name: 'Merge Maria Bianchi into this contact' }));
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.click(within(candidates).getByRole('button', { name: 'Confirm the merge' }));

    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent('Maria Bianchi has been merged into this contact.'),
    );
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ duplicateId: 9 });
  });

  it('shows the duplicates of the last search even when the first one answers after it', async () => {
    let first: ((response: Response) => void) | undefined;
    answer = (method, url) => {
      if (url === '/api/contacts/7/duplicates') return undefined; // the opening search: held below
      if (url.startsWith('/api/contacts/7/duplicates?'))
        return json([{ contact: { id: 11, kind: 'PERSON', name: 'Mario Rossi', version: 0 }, sameAs: ['name'] }]);
      return undefined;
    };
    const fetchAll = globalThis.fetch;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) =>
        url === '/api/contacts/7/duplicates'
          ? new Promise<Response>((resolve) => {
              first = resolve;
            })
          : fetchAll(url, init),
      ),
    );
    renderPage(as('LEVEL2'));

    fireEvent.click(await screen.findByRole('button', { name: 'Find and merge duplicates' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge a duplicate' });
    await waitFor(() => expect(first).toBeDefined());
    fireEvent.change(within(dialog).getByLabelText('Search'), { target: { value: 'Rossi' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Search' }));
    const candidates = await within(dialog).findByRole('table', { name: 'Possible duplicates' });
    expect(within(candidates).getByRole('row', { name: /Mario Rossi/ })).toBeInTheDocument();

    first!(json([{ contact: { id: 9, kind: 'PERSON', name: 'Maria Bianchi', version: 0 }, sameAs: ['name'] }]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(within(candidates).queryByRole('row', { name: /Maria Bianchi/ })).not.toBeInTheDocument();
    expect(within(candidates).getByRole('row', { name: /Mario Rossi/ })).toBeInTheDocument();
  });
});
