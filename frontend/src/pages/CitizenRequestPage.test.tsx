import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { CitizenRequestPage } from './CitizenRequestPage';
import { json } from '../test-support';

describe('CitizenRequestPage', () => {
  const calls: { method: string; url: string; body?: unknown }[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
        calls.push({ method, url, body });
        if (url === '/api/public/requests/challenge')
          return json({
            token: 'abc.1.sig',
            usableFrom: '2026-12-06T10:00:03+01:00',
            expiresAt: '2026-12-06T12:00:00+01:00',
          });
        if (url === '/api/public/kb/categories')
          return json([{ id: 1, code: 'tributi', name: 'Tributi locali', depth: 1 }]);
        if (url === '/api/public/kb/categories?parent=1')
          return json([{ id: 2, parentId: 1, code: 'tari', name: 'TARI', depth: 2 }]);
        if (url.startsWith('/api/public/kb/search'))
          return json({
            total: 1,
            hits: [
              {
                sourceId: 7,
                language: 'it',
                title: 'Come pagare la TARI',
                summary: '',
                snippet: '',
                audience: 'PUBLIC',
              },
            ],
            topics: {},
          });
        if (url === '/api/public/requests/deflections') return new Response(null, { status: 204 });
        if (url === '/api/public/requests/callback-slots')
          return json({ zone: 'Europe/Rome', slots: ['2026-12-09T08:00:00Z', '2026-12-09T08:30:00Z'] });
        return json({}, 404);
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  function show() {
    render(
      <MemoryRouter initialEntries={['/self-service/request?page=/tributi/tari&errorCode=E-402']}>
        <Routes>
          <Route path="/self-service/request" element={<CitizenRequestPage />} />
        </Routes>
      </MemoryRouter>,
    );
  }

  it('announces the missing fields and sends nothing', async () => {
    show();
    await screen.findByRole('option', { name: 'Tributi locali' });
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The request was not sent');
    expect(screen.getByLabelText('Subject *')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/I have read the notice/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('suggests public articles while the subject is typed and records "this solved my problem"', async () => {
    show();
    fireEvent.change(screen.getByLabelText('Subject *'), { target: { value: 'pagare la tari' } });

    const solved = await screen.findByRole('button', { name: /This solved my problem/ });
    fireEvent.click(solved);

    await screen.findByRole('heading', { name: 'Good, problem solved' });
    expect(calls).toContainEqual({
      method: 'POST',
      url: '/api/public/requests/deflections',
      body: { articleId: 7, subject: 'pagare la tari' },
    });
    expect(calls.some((call) => call.url === '/api/public/requests')).toBe(false);
  });

  it("offers the call-back slots in the service calendar's zone when the answer is by phone", async () => {
    show();
    expect(screen.queryByLabelText('When you would like us to call you back')).not.toBeInTheDocument();
    fireEvent.click(await screen.findByLabelText(/call-back/i));
    const picker = await screen.findByLabelText('When you would like us to call you back');
    const options = Array.from((picker as HTMLSelectElement).options).map((option) => option.textContent);
    expect(options[0]).toBe('Any time');
    // 08:00 UTC is 09:00 in Rome
    expect(options[1]).toMatch(/9:00/);
    fireEvent.change(picker, { target: { value: '2026-12-09T08:30:00Z' } });
    expect((picker as HTMLSelectElement).value).toBe('2026-12-09T08:30:00Z');
  });

  it('shows where the citizen came from and keeps the honeypot out of sight', async () => {
    show();
    expect(await screen.findByText(/\/tributi\/tari · E-402/)).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('#request-website')?.closest('[hidden]')).not.toBeNull());
  });
});
