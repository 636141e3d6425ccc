import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { NotificationBell, UnreadBadge } from './NotificationBell';
import { reloadNotifications } from '../lib/notifications';

const operator = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };

const view = (read: boolean) => ({
  unread: read ? 1 : 2,
  items: [
    {
      id: 7,
      kind: 'REQUESTER_REPLIED',
      ticketNumber: 'RS-2026-000042',
      params: { channel: 'EMAIL' },
      createdAt: '2026-12-06T09:02:00Z',
      read,
      taskId: 'task-42',
    },
    {
      id: 6,
      kind: 'RESOLUTION_OVERDUE',
      ticketNumber: 'RS-2026-000041',
      params: { dueAt: '2026-12-05T16:00:00Z' },
      createdAt: '2026-12-05T16:01:00Z',
      read: false,
      taskId: null,
    },
  ],
  unreadTickets: read
    ? [{ ticketNumber: 'RS-2026-000041', kinds: ['RESOLUTION_OVERDUE'] }]
    : [
        { ticketNumber: 'RS-2026-000042', kinds: ['REQUESTER_REPLIED'] },
        { ticketNumber: 'RS-2026-000041', kinds: ['RESOLUTION_OVERDUE'] },
      ],
});

describe('NotificationBell', () => {
  let calls: string[];
  let read: boolean;

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = [];
    read = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${path}`);
        if (path === '/api/notifications/7/read') {
          read = true;
          return new Response(null, { status: 204 });
        }
        return new Response(JSON.stringify(view(read)), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  const renderBell = () =>
    render(
      <MemoryRouter>
        <NotificationBell user={operator} />
        <UnreadBadge number="RS-2026-000042" />
      </MemoryRouter>,
    );

  it('names the unread count, lists plain-language notifications with links and marks one read', async () => {
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifiche, 2 non lette' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Nuova risposta')).toBeInTheDocument();

    fireEvent.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById('notifications-panel')!;
    expect(within(panel).getByRole('heading', { name: 'Notifiche' })).toBeInTheDocument();
    const items = within(panel).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Pratica RS-2026-000042: nuova risposta del cittadino');
    // the deadline in the service calendar's zone, no raw instant or code
    expect(items[1]).toHaveTextContent('risoluzione non avvenuta entro il 05/12/26, 17:00');
    expect(panel).not.toHaveTextContent('RESOLUTION_OVERDUE');
    expect(within(items[0]).getByRole('link', { name: 'Apri la pratica RS-2026-000042' })).toHaveAttribute(
      'href',
      '/tickets/RS-2026-000042',
    );
    expect(
      within(items[0]).getByRole('link', { name: "Apri l'attività della pratica RS-2026-000042" }),
    ).toHaveAttribute('href', '/tasks/task-42');
    expect(within(items[1]).queryByRole('link', { name: /attività/ })).toBeNull();

    fireEvent.click(
      within(items[0]).getByRole('button', { name: 'Segna come letta la notifica della pratica RS-2026-000042' }),
    );
    await screen.findByRole('button', { name: 'Notifiche, 1 non letta' });
    expect(calls).toContain('POST /api/notifications/7/read');
    await waitFor(() => expect(screen.queryByText('Nuova risposta')).toBeNull());

    fireEvent.keyDown(document, { key: 'Escape' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(bell).toHaveFocus();
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en');
    renderBell();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    expect(screen.getByText('Ticket RS-2026-000042: the citizen replied')).toBeInTheDocument();
    expect(screen.getByText('New reply')).toBeInTheDocument();
  });

  it('keeps the newest notifications when an older reload answers last', async () => {
    renderBell();
    await screen.findByRole('button', { name: 'Notifiche, 2 non lette' });
    const pending: ((response: Response) => void)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => pending.push(resolve))),
    );
    const answer = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

    let older: Promise<void> | undefined;
    let newer: Promise<void> | undefined;
    act(() => {
      older = reloadNotifications();
      newer = reloadNotifications();
    });
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => {
      pending[1](answer(view(true)));
      await newer;
    });
    await act(async () => {
      pending[0](answer({ ...view(false), unread: 5 }));
      await older;
    });

    expect(screen.getByRole('button', { name: 'Notifiche, 1 non letta' })).toBeInTheDocument();
  });
});
