import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { UsersPage } from './UsersPage';
import { findMessage } from '../messages.testing';

const admin = { userId: 'admin', groups: ['camunda-admin'], roles: ['ADMIN'], zone: 'Europe/Rome' };

const users = [
  {
    id: 'gverdi',
    firstName: 'Giulia',
    lastName: 'Verdi',
    email: 'g@example.it',
    local: true,
    disabled: false,
    groups: ['level1'],
    lastLoginAt: '2031-06-03T22:30:00Z',
    lastLoginSource: 'LOCAL',
  },
  {
    id: 'sso-user',
    firstName: null,
    lastName: null,
    email: null,
    local: false,
    disabled: false,
    groups: ['level2'],
    lastLoginAt: null,
    lastLoginSource: 'OIDC',
  },
];

describe('UsersPage', () => {
  const posts: { url: string; body: unknown }[] = [];

  beforeEach(async () => {
    posts.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts.push({ url, body: JSON.parse(String(init.body)) });
          if (url.endsWith('/password')) {
            return new Response(
              JSON.stringify({
                title: 'Bad Request',
                status: 400,
                detail: 'Richiesta non valida',
                errors: [{ field: 'password', message: 'The password is a common password' }],
              }),
              { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
            );
          }
          return new Response(null, { status: 204 });
        }
        const body = url.startsWith('/api/users/groups')
          ? [
              { id: 'level1', name: 'Primo livello' },
              { id: 'level2', name: 'Secondo livello' },
            ]
          : url.startsWith('/api/users/register')
            ? [
                {
                  id: 1,
                  at: '2031-06-03T08:00:00Z',
                  actor: 'admin',
                  userId: 'gverdi',
                  action: 'GRANT',
                  groupId: 'level1',
                  reason: 'Nuova collega',
                },
              ]
            : url.startsWith('/api/users/access-review')
              ? { at: '2031-06-04T08:00:00Z', unusedDays: 90, users: [{ userId: 'sso-user', unused: true }] }
              : users;
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('lists users with group labels, last login in the service zone and unused accounts', async () => {
    render(
      <MemoryRouter>
        <UsersPage user={admin} />
      </MemoryRouter>,
    );
    const row = (await screen.findByRole('rowheader', { name: /gverdi/ }, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Primo livello')).toBeInTheDocument();
    // 22:30 UTC on 3 June is 00:30 on 4 June in Rome
    expect(row.textContent).toContain('04/06/31, 00:30');
    expect(screen.getByText('Non usato da 90 giorni')).toBeInTheDocument();
    expect(screen.getByText('1 utente non usato da 90 giorni.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Esporta CSV' })).toHaveAttribute(
      'href',
      '/api/users/access-review.csv?unusedDays=90',
    );
    expect(screen.getByText('Nuova collega')).toBeInTheDocument();
  });

  it('grants a group with the reason and shows a refused password under its field label', async () => {
    render(
      <MemoryRouter>
        <UsersPage user={admin} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Gestisci gverdi' }, { timeout: 5000 }));
    fireEvent.change(screen.getByLabelText('Motivo della modifica'), { target: { value: 'Passa al secondo livello' } });
    fireEvent.change(screen.getByLabelText('Ruolo o gruppo', { selector: '#users-group' }), {
      target: { value: 'level2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Assegna' }));
    await waitFor(() =>
      expect(posts).toEqual([
        { url: '/api/users/gverdi/grants', body: { group: 'level2', reason: 'Passa al secondo livello' } },
      ]),
    );
    expect(await screen.findByText('Assegnato.')).toBeInTheDocument();
    // the focus is where the user acted, on the heading of the user managed
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Gestisci gverdi' })).toHaveFocus());

    fireEvent.change(screen.getByLabelText('Nuova password'), { target: { value: 'Password123!' } });
    fireEvent.change(screen.getByLabelText('Motivo della modifica'), { target: { value: 'Dimenticata' } });
    fireEvent.click(screen.getByRole('button', { name: 'Imposta la password' }));
    const alert = await findMessage('alert');
    expect(within(alert).getByText('Password')).toBeInTheDocument();
  });
});
