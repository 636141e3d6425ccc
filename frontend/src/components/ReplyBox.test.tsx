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
      vi.fn(
        async () =>
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

describe('ReplyBox: public reply or internal note', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes an internal note to the notes, never to the replies, and says it is not sent', async () => {
    await i18n.changeLanguage('it');
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init?.body)) });
        return new Response(JSON.stringify({ id: 'event-9', kind: 'NOTE' }), { status: 201 });
      }),
    );
    const sent = vi.fn();
    render(<ReplyBox number="RS-2026-000042" onSent={sent} />);

    fireEvent.click(screen.getByLabelText('Nota interna'));
    const text = screen.getByLabelText(/Testo della nota interna/);
    expect(screen.getByText(/non viene mai inviata al richiedente/)).toBeInTheDocument();
    fireEvent.change(text, { target: { value: 'Sentire **i tributi**' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi la nota' }));

    await waitFor(() => expect(sent).toHaveBeenCalledWith('note'));
    expect(calls).toEqual([
      { url: '/api/tickets/RS-2026-000042/notes', body: { text: 'Sentire **i tributi**', documentIds: [] } },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Nota aggiunta.');
  });

  it('toggles back to the public reply, formats the selection and previews it', async () => {
    await i18n.changeLanguage('en');
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);

    fireEvent.click(screen.getByLabelText('Internal note'));
    fireEvent.click(screen.getByLabelText('Public reply'));
    const text = screen.getByLabelText(/Text of the reply/) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: 'pay today' } });
    text.setSelectionRange(4, 9);
    fireEvent.click(screen.getByRole('button', { name: 'Bold' }));
    expect(text).toHaveValue('pay **today**');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('region', { name: 'Preview of the text' }).querySelector('strong')).toHaveTextContent(
      'today',
    );
  });

  it('offers only notes to who may not reply', async () => {
    await i18n.changeLanguage('en');
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} allowReply={false} />);
    expect(screen.queryByLabelText('Public reply')).toBeNull();
    expect(screen.getByRole('button', { name: 'Add the note' })).toBeInTheDocument();
  });
});

describe('insertAt', () => {
  it('puts a snippet at the cursor, a block on lines of its own', async () => {
    const { insertAt } = await import('./ReplyBox');
    expect(insertAt('Hello world', 6, 11, 'there')).toEqual({ text: 'Hello there', caret: 11 });
    expect(insertAt('Dear Anna,\nThanks', 11, 11, 'Line one\nLine two').text).toBe(
      'Dear Anna,\n\nLine one\nLine two\n\nThanks',
    );
  });
});

describe('ReplyBox: attachments', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['it', 'en'])(
    'offers a labelled button of its own (%s), not the browser file control, and lists the chosen files',
    async (language) => {
      await i18n.changeLanguage(language);
      vi.stubGlobal(
        'fetch',
        vi.fn(
          async () =>
            new Response(
              JSON.stringify({ id: 5, fileName: 'planimetria.pdf', contentType: 'application/pdf', size: 3 }),
              {
                status: 201,
                headers: { 'Content-Type': 'application/json' },
              },
            ),
        ),
      );
      render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);

      const button = screen.getByRole('button', { name: i18n.t('reply.chooseFiles') });
      expect(button).toHaveAccessibleDescription(i18n.t('reply.attach'));
      expect(screen.getByText(i18n.t('reply.noFiles'))).toBeInTheDocument();
      const input = screen.getByLabelText(i18n.t('reply.chooseFiles'), { selector: 'input' });
      expect(input).toHaveClass('visually-hidden');
      expect(input).toHaveAttribute('tabindex', '-1');

      const opened = vi.fn();
      input.addEventListener('click', opened);
      fireEvent.click(button);
      expect(opened).toHaveBeenCalledOnce();

      const file = new File(['pdf'], 'planimetria.pdf', { type: 'application/pdf' });
      fireEvent.change(input, { target: { files: [file] } });

      const list = await screen.findByRole('list', { name: i18n.t('reply.files') });
      expect(list).toHaveTextContent('planimetria.pdf');
      expect(screen.queryByText(i18n.t('reply.noFiles'))).not.toBeInTheDocument();
      expect(
        screen.getByRole('button', { name: i18n.t('reply.removeFile', { name: 'planimetria.pdf' }) }),
      ).toBeInTheDocument();
    },
  );
});
