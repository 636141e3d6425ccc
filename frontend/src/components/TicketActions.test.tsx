import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import { TicketActions } from './TicketActions';
import { BulkDuplicate, BulkDuplicateSummary } from './BulkDuplicate';

// the first render loads i18n and the design kit: slow on a shared machine
vi.setConfig({ testTimeout: 15_000 });

const api = vi.hoisted(() => ({
  ticket: vi.fn(),
  ticketsOf: vi.fn(),
  kbCategories: vi.fn(),
}));
const relations = vi.hoisted(() => ({
  ticketLinks: vi.fn(),
  linkTickets: vi.fn(),
  unlinkTickets: vi.fn(),
  mergeTicket: vi.fn(),
  mergeTickets: vi.fn(),
  reclassify: vi.fn(),
}));
vi.mock('../api', async (original) => ({ ...(await original<typeof import('../api')>()), ...api }));
vi.mock('../lib/ticketRelations', () => relations);

const view = {
  number: 'RS-2026-000002',
  status: 'OPEN',
  type: 'Q',
  subject: 'Rimborso TARI (di nuovo)',
  queue: 'general',
  priority: 3,
  requester: { id: 7, name: 'Maria Bianchi' },
};

describe('TicketActions', () => {
  beforeEach(() => {
    void i18n.changeLanguage('it');
    vi.clearAllMocks();
    api.ticket.mockResolvedValue(view);
    api.kbCategories.mockResolvedValue([]);
    api.ticketsOf.mockResolvedValue({
      items: [
        view,
        { number: 'RS-2026-000001', status: 'OPEN', subject: 'Rimborso TARI' },
        { number: 'RS-2026-000003', status: 'CLOSED', subject: 'Vecchia' },
      ],
    });
    relations.ticketLinks.mockResolvedValue([]);
  });

  it('merges into another open ticket of the same requester picked from a list, not typed', async () => {
    relations.mergeTicket.mockResolvedValue({ number: view.number, into: 'RS-2026-000001', replayed: false });
    const onChanged = vi.fn();
    render(<TicketActions number={view.number} onChanged={onChanged} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Unisci…' }));
    const dialog = await screen.findByRole('dialog', { name: `Unisci ${view.number} a un'altra pratica` });
    expect(dialog).toBeInTheDocument();
    const choice = await screen.findByLabelText(/RS-2026-000001 · Rimborso TARI/);
    expect(screen.queryByLabelText(/RS-2026-000003/)).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(choice);
    fireEvent.click(screen.getByRole('button', { name: 'Unisci come duplicato' }));
    await waitFor(() => expect(relations.mergeTicket).toHaveBeenCalledWith(view.number, 'RS-2026-000001'));
    expect(await screen.findByRole('status')).toHaveTextContent(`${view.number} unita a RS-2026-000001.`);
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows a refused merge in the dialog in the reader language', async () => {
    const { ApiError } = await import('../api');
    relations.mergeTicket.mockRejectedValue(new ApiError(409, 'different requesters'));
    render(<TicketActions number={view.number} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Unisci…' }));
    fireEvent.click(await screen.findByLabelText(/RS-2026-000001/));
    fireEvent.click(screen.getByRole('button', { name: 'Unisci come duplicato' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Operazione non possibile');
  });

  it('reclassifies with pickers and requires a reason', async () => {
    relations.reclassify.mockResolvedValue({
      number: view.number,
      changed: ['queue: general → payments'],
      deadlinesMoved: false,
    });
    render(<TicketActions number={view.number} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Riclassifica…' }));
    fireEvent.change(await screen.findByLabelText('Coda'), { target: { value: 'payments' } });
    fireEvent.click(screen.getByRole('button', { name: 'Riclassifica' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Indica il motivo');
    expect(relations.reclassify).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Motivo della riclassificazione'), {
      target: { value: 'Riguarda un pagamento' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Riclassifica' }));
    await waitFor(() =>
      expect(relations.reclassify).toHaveBeenCalledWith(
        view.number,
        expect.objectContaining({ queue: 'payments', reason: 'Riguarda un pagamento' }),
      ),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Pratica riclassificata.');
  });

  it('lists linked tickets with the kind of link', async () => {
    relations.ticketLinks.mockResolvedValue([
      { number: 'RS-2026-000001', kind: 'DUPLICATE', merge: 'MERGED_INTO', subject: 'Rimborso TARI', status: 'OPEN' },
    ]);
    render(<TicketActions number={view.number} />);
    expect(await screen.findByRole('heading', { name: 'Pratiche collegate' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'RS-2026-000001' })).toHaveAttribute(
      'href',
      '/tickets/RS-2026-000001',
    );
    expect(screen.getByText('Unita in questa')).toBeInTheDocument();
  });
});

describe('BulkDuplicate', () => {
  it('closes the other selected tickets as duplicates of the picked one and lists each result', async () => {
    void i18n.changeLanguage('en');
    relations.mergeTickets.mockResolvedValue({
      into: 'RS-1',
      results: [
        { number: 'RS-2', result: 'MERGED' },
        { number: 'RS-3', result: 'FAILED', status: 409, detail: 'different requesters' },
      ],
    });
    render(<BulkDuplicate numbers={['RS-1', 'RS-2', 'RS-3']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close as duplicate of…' }));
    fireEvent.click(await screen.findByLabelText('RS-1'));
    fireEvent.click(screen.getByRole('button', { name: 'Close 2 as duplicates' }));
    await waitFor(() => expect(relations.mergeTickets).toHaveBeenCalledWith('RS-1', ['RS-2', 'RS-3']));
    expect(await screen.findByText(/RS-2: merged into RS-1/)).toBeInTheDocument();
    expect(screen.getByText(/RS-3: not merged/)).toBeInTheDocument();
  });

  it('keeps the last outcome visible after the inbox reloads, until hidden', async () => {
    void i18n.changeLanguage('en');
    sessionStorage.clear();
    relations.mergeTickets.mockResolvedValue({ into: 'RS-1', results: [{ number: 'RS-2', result: 'MERGED' }] });
    const first = render(
      <>
        <BulkDuplicate numbers={['RS-1', 'RS-2']} />
        <BulkDuplicateSummary />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close as duplicate of…' }));
    fireEvent.click(await screen.findByLabelText('RS-1'));
    fireEvent.click(screen.getByRole('button', { name: 'Close 1 as duplicates' }));
    await waitFor(() =>
      expect(document.querySelector('[data-bulk-duplicate-summary]')).toHaveTextContent('RS-2: merged into RS-1'),
    );
    first.unmount();

    // a reload: the merged tickets are gone from the selection, the summary is read back
    render(<BulkDuplicateSummary />);
    const summary = document.querySelector('[data-bulk-duplicate-summary]');
    expect(summary).toHaveTextContent('Last closed as duplicates of RS-1:');
    expect(summary).toHaveTextContent('RS-2: merged into RS-1');
    fireEvent.click(screen.getByRole('button', { name: 'Hide the outcome' }));
    expect(document.querySelector('[data-bulk-duplicate-summary]')).toBeNull();
    expect(sessionStorage.getItem('sportello.bulkDuplicate.last')).toBeNull();
  });
});
