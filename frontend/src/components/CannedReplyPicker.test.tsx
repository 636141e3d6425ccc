import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as api from '../api';
import i18n from '../i18n';
import { ReplyBox } from './ReplyBox';

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  cannedReplies: vi.fn(),
  renderCannedReply: vi.fn(),
}));

const reply = (id: number, title: string, it: string, shared = true) =>
  ({
    id,
    title,
    shared,
    owner: shared ? undefined : 'operator1',
    bodies: { it },
    version: 0,
    createdBy: 'supervisor',
    createdAt: '2026-12-01T10:00:00Z',
    updatedBy: 'supervisor',
    updatedAt: '2026-12-01T10:00:00Z',
    editable: !shared,
  }) as unknown as api.CannedReply;

const REPLIES = [
  reply(1, 'Saluto e presa in carico', 'Gentile {{richiedente.nome}}, abbiamo ricevuto la richiesta.'),
  reply(2, 'Documenti mancanti', 'Gentile {{richiedente.nome}}, servono i documenti per {{pratica.numero}}.'),
  reply(3, 'Chiusura della pratica', 'La pratica {{pratica.numero}} è chiusa.', false),
];

vi.setConfig({ testTimeout: 30_000 });

describe('CannedReplyPicker in the reply box', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await i18n.changeLanguage('it');
    vi.mocked(api.cannedReplies).mockResolvedValue(REPLIES);
    vi.mocked(api.renderCannedReply).mockImplementation(async (id, ticket) => ({
      id,
      ticket,
      language: 'it',
      text: `Gentile Maria Bianchi, servono i documenti per ${ticket}.`,
      missing: [],
    }));
  });

  it('filters as the operator types and inserts the rendered reply at the cursor', async () => {
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);
    const text = screen.getByLabelText(/Testo della risposta/) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: 'Buongiorno.\n\nSaluti' } });
    text.setSelectionRange(13, 13);

    fireEvent.click(screen.getByRole('button', { name: 'Risposte pronte' }));
    const combobox = await screen.findByRole('combobox', { name: 'Cerca una risposta pronta' });
    await waitFor(() => expect(combobox).toHaveFocus());
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));

    fireEvent.change(combobox, { target: { value: 'DOCUMENTI' } });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Documenti mancanti']);
    fireEvent.keyDown(combobox, { key: 'Enter' });

    await waitFor(() =>
      expect(text).toHaveValue('Buongiorno.\n\nGentile Maria Bianchi, servono i documenti per RS-2026-000042.Saluti'),
    );
    expect(api.renderCannedReply).toHaveBeenCalledWith(2, 'RS-2026-000042');
    await waitFor(() => expect(text).toHaveFocus()); // the box focuses on the next frame
    expect(text.selectionStart).toBe(13 + 'Gentile Maria Bianchi, servono i documenti per RS-2026-000042.'.length);
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByText('Inserita la risposta «Documenti mancanti».')).toBeInTheDocument();
  });

  it('moves through the options with the keyboard, previews the one in focus, closes with Escape', async () => {
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'Risposte pronte' });
    fireEvent.click(button);
    const combobox = await screen.findByRole('combobox');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    const options = () => screen.getAllByRole('option');

    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(combobox).toHaveAttribute('aria-activedescendant', options()[0].id);
    fireEvent.keyDown(combobox, { key: 'ArrowDown' });
    fireEvent.keyDown(combobox, { key: 'ArrowDown' });
    expect(options()[2]).toHaveAttribute('aria-selected', 'true');
    expect(combobox).toHaveAttribute('aria-activedescendant', options()[2].id);
    expect(options()[2]).toHaveTextContent('Chiusura della pratica · personale');
    expect(screen.getByText('La pratica {{pratica.numero}} è chiusa.')).toBeInTheDocument();
    fireEvent.keyDown(combobox, { key: 'ArrowDown' });
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(combobox, { key: 'ArrowUp' });
    expect(options()[2]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(combobox, { key: 'Home' });
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');

    fireEvent.keyDown(combobox, { key: 'Escape' });
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(api.renderCannedReply).not.toHaveBeenCalled();
  });

  it('says which placeholders had no value, and keeps the typed text when rendering fails', async () => {
    vi.mocked(api.renderCannedReply).mockResolvedValueOnce({
      id: 1,
      ticket: 'RS-2026-000042',
      language: 'it',
      text: 'Gentile , abbiamo ricevuto la richiesta.',
      missing: ['richiedente.nome'],
    });
    render(<ReplyBox number="RS-2026-000042" onSent={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Risposte pronte' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    fireEvent.click(screen.getByRole('option', { name: 'Saluto e presa in carico' }));

    const text = screen.getByLabelText(/Testo della risposta/);
    await waitFor(() => expect(text).toHaveValue('Gentile , abbiamo ricevuto la richiesta.'));
    expect(screen.getByText(/mancano i dati per richiedente\.nome/)).toBeInTheDocument();

    vi.mocked(api.renderCannedReply).mockRejectedValueOnce(new api.ApiError(404, 'No ticket', []));
    fireEvent.click(screen.getByRole('button', { name: 'Risposte pronte' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    fireEvent.click(screen.getByRole('option', { name: 'Chiusura della pratica · personale' }));
    await waitFor(() =>
      expect(screen.getByText('La risposta pronta non è stata inserita. Riprova.')).toBeInTheDocument(),
    );
    expect(text).toHaveValue('Gentile , abbiamo ricevuto la richiesta.');
  });
});
