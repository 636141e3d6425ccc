import { render, screen, within } from '@testing-library/react';
import i18n from '../i18n';
import { SentMail } from './SentMail';
import { stubFetch } from '../test-support';

const acknowledgement = {
  id: 1,
  mailbox: 'demo',
  pec: false,
  recipient: 'mario.rossi@example.it',
  subject: '[RS-2026-000042] Abbiamo ricevuto la sua richiesta',
  template: 'TICKET_RECEIVED',
  delivery: 'SENT',
  attempts: 1,
  createdAt: '2026-11-30T08:00:00Z',
  sentAt: '2026-11-30T08:00:05Z',
  receipts: [],
};

const pecAnswer = {
  id: 2,
  mailbox: 'demo-pec',
  pec: true,
  recipient: 'mario.rossi@pec.example.it',
  subject: '[RS-2026-000042] Risposta alla sua richiesta',
  template: 'OPERATOR_REPLY',
  delivery: 'SENT',
  attempts: 1,
  createdAt: '2026-11-30T09:00:00Z',
  sentAt: '2026-11-30T09:00:03Z',
  pecState: 'errore-consegna',
  receipts: [
    { kind: 'accettazione', issuedAt: '2026-11-30T09:00:04Z', receivedAt: '2026-11-30T09:00:10Z' },
    {
      kind: 'errore-consegna',
      error: 'casella piena',
      issuedAt: '2026-11-30T09:05:00Z',
      receivedAt: '2026-11-30T09:05:20Z',
    },
  ],
};

const failing = {
  ...acknowledgement,
  id: 3,
  template: 'REQUEST_MISSING_DATA',
  subject: '[RS-2026-000042] Dati mancanti',
  delivery: 'PENDING',
  attempts: 2,
  sentAt: undefined,
  nextAttemptAt: '2026-11-30T10:04:00Z',
  lastError: 'Connection refused',
};

describe('SentMail', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('it');
    stubFetch(() => [acknowledgement, pecAnswer, failing]);
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows whether each mail left and what the PEC providers certified', async () => {
    render(<SentMail number="RS-2026-000042" />);

    const items = await screen.findAllByRole('listitem');
    const ack = items.find((item) => item.textContent?.includes('Conferma di ricezione'))!;
    expect(ack).toHaveTextContent('A mario.rossi@example.it');
    expect(within(ack).getByText('Inviata')).toBeInTheDocument();

    const receipts = screen.getByRole('list', { name: 'Ricevute PEC' });
    const [accepted, notDelivered] = within(receipts).getAllByRole('listitem');
    expect(accepted).toHaveTextContent('Accettata dal gestore del mittente');
    expect(notDelivered).toHaveTextContent('Mancata consegna');
    expect(notDelivered).toHaveTextContent('casella piena');
    expect(notDelivered).toHaveClass('text-danger');

    const pending = items.find((item) => item.textContent?.includes('Richiesta di integrazione'))!;
    expect(within(pending).getByText('In uscita')).toBeInTheDocument();
    expect(pending).toHaveTextContent('dopo 2 tentativi');
    expect(pending).toHaveTextContent('Ultimo errore: Connection refused');
  });
});
