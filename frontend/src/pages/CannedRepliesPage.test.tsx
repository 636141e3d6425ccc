import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import * as api from '../api';
import i18n from '../i18n';
import { CannedRepliesPage, unknownPlaceholders } from './CannedRepliesPage';

vi.mock('../api', async (original) => ({
  ...(await original<typeof import('../api')>()),
  cannedReplies: vi.fn(),
  createCannedReply: vi.fn(),
  updateCannedReply: vi.fn(),
  deleteCannedReply: vi.fn(),
}));

const as = (...roles: string[]) => ({ userId: 'operator1', groups: [], roles, zone: 'Europe/Rome' }) as api.Me;

const reply = (id: number, title: string, shared: boolean, editable: boolean) =>
  ({
    id,
    title,
    shared,
    owner: shared ? undefined : 'operator1',
    queue: id === 2 ? 'payments' : undefined,
    bodies: { it: `Testo di ${title}`, en: shared ? `Text of ${title}` : undefined },
    version: 3,
    createdBy: 'supervisor',
    createdAt: '2026-12-01T10:00:00Z',
    updatedBy: 'supervisor',
    updatedAt: '2026-12-01T23:30:00Z',
    editable,
  }) as unknown as api.CannedReply;

function renderPage(user: api.Me) {
  render(
    <MemoryRouter>
      <CannedRepliesPage user={user} />
    </MemoryRouter>,
  );
}

vi.setConfig({ testTimeout: 30_000 });
const slow = { timeout: 10_000 };

describe('CannedRepliesPage', () => {
  beforeEach(async () => {
    vi.clearAllMocks();
    await i18n.changeLanguage('it');
    vi.mocked(api.cannedReplies).mockResolvedValue([
      reply(1, 'La mia firma', false, true),
      reply(2, 'Come pagare con pagoPA', true, false),
    ]);
  });

  it('lists my replies and the shared ones; an operator may not change the shared ones', async () => {
    renderPage(as('LEVEL1'));

    const mine = await screen.findByRole('table', { name: 'Le mie risposte' }, slow);
    const shared = screen.getByRole('table', { name: 'Risposte condivise' });
    expect(within(mine).getByText('La mia firma')).toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Modifica la risposta «La mia firma»' })).toBeInTheDocument();
    expect(within(shared).getByText('Pagamenti')).toBeInTheDocument();
    expect(within(shared).getByText('italiano, inglese')).toBeInTheDocument();
    // 23:30 UTC is already the next day in Rome
    expect(within(shared).getByText(/Aggiornata il 02\/12\/26/)).toBeInTheDocument();
    expect(within(shared).queryByRole('button')).not.toBeInTheDocument();
  });

  it('writes a reply with a placeholder inserted at the cursor, a preview, and the server’s field errors', async () => {
    vi.mocked(api.createCannedReply)
      .mockRejectedValueOnce(
        new api.ApiError(400, 'Invalid request', [
          { field: 'bodies.it', message: 'unknown placeholder {{pratica.anno}}' },
        ]),
      )
      .mockResolvedValueOnce(reply(9, 'Saluto', false, true));
    renderPage(as('LEVEL1'));
    fireEvent.click(await screen.findByRole('button', { name: 'Nuova risposta' }, slow));

    expect(screen.queryByLabelText('Condivisa con tutti gli operatori')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Titolo/), { target: { value: 'Saluto' } });
    const italian = screen.getByLabelText(/Testo in italiano/) as HTMLTextAreaElement;
    fireEvent.focus(italian);
    fireEvent.change(italian, { target: { value: 'Gentile , anno {{pratica.anno}}' } });
    italian.setSelectionRange(8, 8);
    fireEvent.click(screen.getByRole('button', { name: 'Inserisci {{richiedente.nome}} nel testo in italiano' }));
    expect(italian).toHaveValue('Gentile {{richiedente.nome}}, anno {{pratica.anno}}');
    expect(screen.getByText('Segnaposto sconosciuto: pratica.anno')).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: /Anteprima del testo in italiano/ });
    expect(preview).toHaveTextContent('Gentile Maria Rossi, anno {{pratica.anno}}');

    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    expect(await screen.findByText('unknown placeholder {{pratica.anno}}')).toBeInTheDocument();
    expect(italian).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('controlla i campi indicati');

    fireEvent.change(italian, { target: { value: 'Gentile {{richiedente.nome}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Risposta salvata.'));
    expect(api.createCannedReply).toHaveBeenLastCalledWith({
      title: 'Saluto',
      shared: false,
      queue: undefined,
      bodies: { it: 'Gentile {{richiedente.nome}}', en: undefined, de: undefined, fr: undefined },
      version: undefined,
    });
  });

  it('lets a supervisor share a new reply, edit and delete after confirming', async () => {
    vi.mocked(api.cannedReplies).mockResolvedValue([reply(2, 'Come pagare con pagoPA', true, true)]);
    vi.mocked(api.updateCannedReply).mockResolvedValue(reply(2, 'Pagare con pagoPA', true, true));
    vi.mocked(api.deleteCannedReply).mockResolvedValue(undefined);
    renderPage(as('SUPERVISOR'));

    fireEvent.click(await screen.findByRole('button', { name: 'Nuova risposta' }, slow));
    expect(screen.getByLabelText('Condivisa con tutti gli operatori')).not.toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Annulla' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Modifica la risposta «Come pagare con pagoPA»' }));
    expect(screen.getByLabelText(/Testo in inglese/)).toHaveValue('Text of Come pagare con pagoPA');
    fireEvent.change(screen.getByLabelText(/^Titolo/), { target: { value: 'Pagare con pagoPA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(api.updateCannedReply).toHaveBeenCalledOnce());
    expect(vi.mocked(api.updateCannedReply).mock.calls[0][0]).toBe(2);
    expect(vi.mocked(api.updateCannedReply).mock.calls[0][1]).toMatchObject({
      title: 'Pagare con pagoPA',
      version: 3,
      queue: 'payments',
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Elimina la risposta «Come pagare con pagoPA»' }));
    expect(api.deleteCannedReply).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('button', { name: 'Conferma l’eliminazione di «Come pagare con pagoPA»'.replace('’', "'") }),
    );
    await waitFor(() => expect(api.deleteCannedReply).toHaveBeenCalledWith(2));
    expect(await screen.findByText('Risposta eliminata.')).toBeInTheDocument();
  });

  it('finds the placeholders the API would refuse', () => {
    expect(unknownPlaceholders('{{ oggi }} {{today}} {{x}} {{x}} {{requester.name}} {{y.z}}')).toEqual(['x', 'y.z']);
  });
});
