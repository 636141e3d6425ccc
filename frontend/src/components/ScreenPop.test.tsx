import { fireEvent, render, screen } from '@testing-library/react';
import i18n from '../i18n';
import type { ScreenPop } from '../api';
import { ScreenPopDialog } from './ScreenPop';

// the server leaves out what it does not know (no ticket yet)
const known = {
  agent: 'operator1',
  reason: 'ANSWERED',
  callId: 'call-1',
  channel: 'PHONE',
  queue: 'general',
  callerNumber: '+390612345678',
  caller: { id: 7, name: 'Anna Verdi', fiscalCode: 'VRDNNA80A41H501X', email: 'anna@example.it' },
  callersWithNumber: 1,
  waitedSeconds: 72,
  offeredAt: '2026-11-30T09:00:00Z',
  openTickets: [{ number: 'RS-2026-000042', subject: 'TARI', status: 'OPEN', receivedAt: '2026-11-29T09:00:00Z' }],
  history: [
    {
      occurredAt: '2026-11-29T09:00:00Z',
      channel: 'EMAIL',
      kind: 'REQUEST',
      summary: 'TARI',
      ticketNumber: 'RS-2026-000042',
    },
  ],
} as ScreenPop;

describe('ScreenPopDialog', () => {
  it('shows who calls, on which queue, how long they waited and their open requests, with focus on it', async () => {
    await i18n.changeLanguage('it');
    const openTicket = vi.fn();
    render(<ScreenPopDialog pop={known} onClose={vi.fn()} onOpenIntake={vi.fn()} onOpenTicket={openTicket} />);

    const dialog = screen.getByRole('dialog', { name: 'Chiamata in corso: Anna Verdi' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('heading', { name: 'Chiamata in corso: Anna Verdi' })).toHaveFocus();
    expect(dialog).toHaveTextContent('general');
    expect(dialog).toHaveTextContent('1′ 12″');
    expect(dialog).toHaveTextContent('Telefono');
    expect(dialog).toHaveTextContent('RS-2026-000042 · TARI');

    fireEvent.click(screen.getByRole('button', { name: 'Collega la chiamata a RS-2026-000042 e aprila' }));
    expect(openTicket).toHaveBeenCalledWith(known, 'RS-2026-000042');
  });

  it('offers the intake form for an unknown caller, in English, and closes with Escape', async () => {
    await i18n.changeLanguage('en');
    const unknown = {
      ...known,
      reason: 'OFFERED',
      caller: undefined,
      callersWithNumber: 0,
      openTickets: [],
      history: [],
      waitedSeconds: 9,
    } as unknown as ScreenPop;
    const openIntake = vi.fn();
    const close = vi.fn();
    render(<ScreenPopDialog pop={unknown} onClose={close} onOpenIntake={openIntake} onOpenTicket={vi.fn()} />);

    const dialog = screen.getByRole('dialog', { name: 'Incoming call: +390612345678' });
    expect(dialog).toHaveTextContent('Not registered');
    fireEvent.click(screen.getByRole('button', { name: 'Register a new request' }));
    expect(openIntake).toHaveBeenCalledWith(unknown);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(close).toHaveBeenCalled();
  });
});
