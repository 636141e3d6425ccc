import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { SelfServiceAreaPage } from './SelfServiceAreaPage';
import { SelfServiceRequestPage } from './SelfServiceRequestPage';
import { json } from '../test-support';

const page = <T,>(items: T[]) => ({ items, page: 0, size: 10, totalElements: items.length, totalPages: 1 });
const citizen = {
  fiscalCode: 'RSSMRA80A41H501U',
  givenName: 'Maria',
  familyName: 'Rossi',
  scheme: 'SPID',
  level: 'L2',
};

describe('SelfServiceAreaPage', () => {
  let session: unknown;
  const posts: { url: string; body: FormData }[] = [];

  beforeEach(async () => {
    posts.length = 0;
    session = {
      citizen,
      loginUrl: '/citizen/oauth2/authorization/citizen',
      logoutUrl: '/citizen/logout',
      zone: 'Europe/Rome',
    };
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posts.push({ url, body: init.body as FormData });
          if (url === '/api/citizen/reminders/confirmations') return json({ email: 'altro@example.it' });
          return json({ resumed: true }, 201);
        }
        if (url === '/api/citizen/appointments')
          return json([
            {
              id: 4,
              requestNumber: 'RS-2026-000003',
              subject: 'Avviso TARI',
              at: '2026-12-09T14:30:00Z',
              status: 'PLANNED',
            },
          ]);
        if (url === '/api/citizen/session') return json(session);
        if (url.startsWith('/api/citizen/requests?'))
          return json(
            page([
              {
                number: 'RS-2026-000007',
                subject: 'Rimborso TARI',
                channel: 'EMAIL',
                status: 'WAITING_FOR_YOU',
                receivedAt: '2026-12-01T09:00:00Z',
              },
              {
                number: 'RS-2026-000003',
                subject: 'Avviso TARI',
                channel: 'PHONE',
                status: 'IN_PROGRESS',
                receivedAt: '2026-11-30T09:00:00Z',
                expectedAnswerBy: '2026-12-02T09:00:00Z',
              },
            ]),
          );
        if (url.startsWith('/api/citizen/contacts?'))
          return json(
            page([
              {
                at: '2026-12-01T09:00:00Z',
                channel: 'PHONE',
                direction: 'INBOUND',
                kind: 'CALL',
                requestNumber: 'RS-2026-000003',
              },
            ]),
          );
        if (url === '/api/citizen/requests/RS-2026-000007')
          return json({
            summary: {
              number: 'RS-2026-000007',
              subject: 'Rimborso TARI',
              channel: 'EMAIL',
              status: 'WAITING_FOR_YOU',
              receivedAt: '2026-12-01T09:00:00Z',
            },
            question: 'Copia della ricevuta',
            steps: [
              { kind: 'RECEIVED', at: '2026-12-01T09:00:00Z' },
              { kind: 'DATA_REQUESTED', at: '2026-12-01T10:00:00Z', text: 'Copia della ricevuta' },
            ],
            documents: [],
          });
        return json({ detail: 'not found' }, 404);
      }),
    );
  });

  it('offers the SPID/CIE login to a visitor', async () => {
    session = { loginUrl: '/citizen/oauth2/authorization/citizen', logoutUrl: '/citizen/logout', zone: 'Europe/Rome' };
    render(
      <MemoryRouter>
        <SelfServiceAreaPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Log in with SPID or CIE' })).toHaveAttribute(
      'href',
      '/citizen/oauth2/authorization/citizen',
    );
  });

  it('lists the citizen requests with their status in plain words and the contacts', async () => {
    render(
      <MemoryRouter>
        <SelfServiceAreaPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Rimborso TARI' })).toHaveAttribute(
      'href',
      '/self-service/area/requests/RS-2026-000007',
    );
    expect(screen.getByText('Waiting for your answer')).toBeInTheDocument();
    expect(screen.getByText('Being handled')).toBeInTheDocument();
    expect(screen.getByText(/Answer expected by/)).toBeInTheDocument();
    expect(await screen.findByText(/from you/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
  });

  it('lists the call-back appointments and confirms a mailed address after the login', async () => {
    render(
      <MemoryRouter initialEntries={['/self-service/area?confirmEmail=token-of-the-link']}>
        <SelfServiceAreaPage />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Appointments' })).toBeInTheDocument();
    expect(screen.getByText(/we will call you/)).toBeInTheDocument();
    // 15:30 in Rome (14:30 UTC), the service calendar's zone
    expect(screen.getByText(/3:30\s?PM/)).toBeInTheDocument();
    expect(
      await screen.findByText('Address altro@example.it confirmed: your reminders will go there.'),
    ).toBeInTheDocument();
    const confirmation = posts.find((each) => each.url === '/api/citizen/reminders/confirmations');
    expect(JSON.parse(String(confirmation?.body))).toEqual({ token: 'token-of-the-link' });
    expect(sessionStorage.getItem('sportello.confirmEmail')).toBeNull();
  });

  it('shows the question of a waiting request and sends the reply', async () => {
    render(
      <MemoryRouter initialEntries={['/self-service/area/requests/RS-2026-000007']}>
        <Routes>
          <Route path="/self-service/area/requests/:number" element={<SelfServiceRequestPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'We need this information' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Your answer'), { target: { value: 'Allego la ricevuta' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the answer' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].url).toBe('/api/citizen/requests/RS-2026-000007/replies');
    expect(posts[0].body.get('text')).toBe('Allego la ricevuta');
    expect(await screen.findByText(/Answer sent/)).toBeInTheDocument();
  });
});
