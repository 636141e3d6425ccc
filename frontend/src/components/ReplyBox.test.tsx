import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { ReplyBox } from './ReplyBox';

describe('ReplyBox', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the reply, clears the text and tells the page to reload the ticket', async () => {
    await i18n.changeLanguage('it');
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response(null, { status: 202 });
      }),
    );
    const sent = vi.fn();
    render(<ReplyBox number="RS-2026-000042" onSent={sent} />);

    const text = screen.getByLabelText(/Testo della risposta/);
    expect(screen.getByRole('button', { name: 'Invia la risposta' })).toBeDisabled();
    fireEvent.change(text, { target: { value: '  Servono la planimetria e il modulo A12. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invia la risposta' }));

    await waitFor(() => expect(sent).toHaveBeenCalledOnce());
    expect(bodies).toEqual([{ text: 'Servono la planimetria e il modulo A12.' }]);
    expect(text).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('Risposta inviata.');
  });

  it('shows why the server refused (closed ticket, requester without address)', async () => {
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ detail: 'Ticket RS-2026-000042 is closed: open a new one instead.' }), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);

    fireEvent.change(screen.getByLabelText(/Testo della risposta/), { target: { value: 'Ciao' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invia la risposta' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('is closed'));
  });
});
