import { render, screen, waitFor } from '@testing-library/react';
import i18n from '../i18n';
import type { ConversationEntry } from '../api';
import { Conversation } from './Conversation';

const base = {
  actor: null,
  channel: null,
  direction: null,
  subject: null,
  text: null,
  event: null,
  level: null,
  queue: null,
  office: null,
  priority: null,
  slaPolicy: null,
  dueAt: null,
  outcome: null,
  template: null,
  delivery: null,
  attachments: [],
};

const entries = [
  {
    ...base,
    id: 'event-1',
    kind: 'REQUEST',
    at: '2026-12-01T09:00:00+01:00',
    channel: 'WEB',
    direction: 'INBOUND',
    subject: 'Pagamento TARI',
    text: 'Ho pagato ma risulto debitore.',
    attachments: [{ id: 7, fileName: 'ricevuta.pdf', mediaType: 'application/pdf', size: 100 }],
  },
  {
    ...base,
    id: 'event-2',
    kind: 'EVENT',
    at: '2026-12-01T09:00:00+01:00',
    event: 'CLASSIFIED',
    queue: 'general',
    priority: 3,
    slaPolicy: 'STANDARD',
    level: 1,
  },
  {
    ...base,
    id: 'interaction-3',
    kind: 'MESSAGE',
    at: '2026-12-02T10:00:00+01:00',
    channel: 'EMAIL',
    direction: 'INBOUND',
    text: 'Allego la ricevuta.',
  },
  {
    ...base,
    id: 'event-4',
    kind: 'EVENT',
    at: '2026-12-02T10:00:00+01:00',
    event: 'SLA_RESUMED',
    dueAt: '2026-12-10T08:00:00+01:00',
  },
  {
    ...base,
    id: 'event-5',
    kind: 'NOTE',
    at: '2026-12-02T11:00:00+01:00',
    actor: 'operator1',
    text: '**Verificare** con i tributi.',
  },
  {
    ...base,
    id: 'event-6',
    kind: 'REPLY',
    at: '2026-12-02T12:00:00+01:00',
    actor: 'operator1',
    direction: 'OUTBOUND',
    text: 'Il pagamento è registrato.',
    delivery: { state: 'SENT', channel: 'EMAIL', at: '2026-12-02T12:01:00+01:00', pecState: null },
  },
  {
    ...base,
    id: 'notification-8',
    kind: 'NOTIFICATION',
    at: '2026-12-03T09:00:00+01:00',
    channel: 'EMAIL',
    template: 'TICKET_CLOSED',
    delivery: { state: 'PENDING', channel: 'EMAIL', at: null, pecState: null },
  },
  { ...base, id: 'event-9', kind: 'EVENT', at: '2026-12-03T09:00:00+01:00', event: 'CLOSED', outcome: 'SOLVED' },
] as unknown as ConversationEntry[];

describe('Conversation', () => {
  it('tells every entry in plain words, in the service calendar, without codes', async () => {
    await i18n.changeLanguage('it');
    // the browser's zone must not matter: the service calendar's does
    render(<Conversation number="RS-2026-000042" zone="Europe/Rome" load={async () => entries} />);

    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThan(5));
    const list = document.querySelector('ol.conversation') as HTMLElement;
    const text = list.textContent ?? '';
    expect(text).toContain('Richiesta ricevuta (Modulo web)');
    expect(text).toContain('coda Informazioni generali · priorità 3 normale · livello di servizio standard');
    expect(text).toContain('Messaggio del richiedente (E-mail)');
    expect(text).toContain('nuova scadenza di risoluzione 10/12/26, 08:00');
    expect(text).toContain('Nota interna di operator1');
    expect(text).toContain('Interna: non inviata');
    expect(text).toContain('Risposta di operator1 al richiedente');
    expect(text).toContain('Messaggio al richiedente: Comunicazione di chiusura (E-mail)');
    expect(text).toContain('esito: Risolta');
    expect(text).not.toMatch(/[a-zA-Z]+=\S|\d{4}-\d{2}-\d{2}T|TICKET_CLOSED|CLASSIFIED|STANDARD\b/);
    // the note's Markdown rendered, not shown raw
    expect(list.querySelector('[data-entry="NOTE"] .kb-markdown strong')?.textContent).toBe('Verificare');
    expect(text).not.toContain('**');
    // the file of the request, downloadable
    expect(screen.getByRole('link', { name: 'ricevuta.pdf' })).toHaveAttribute(
      'href',
      '/api/tickets/RS-2026-000042/documents/7',
    );
    // in the order given, the request first
    expect([...list.querySelectorAll('[data-entry]')].map((item) => item.getAttribute('data-entry'))).toEqual([
      'REQUEST',
      'EVENT',
      'MESSAGE',
      'EVENT',
      'NOTE',
      'REPLY',
      'NOTIFICATION',
      'EVENT',
    ]);
  }, 20_000);

  it('says so when the ticket does not exist', async () => {
    await i18n.changeLanguage('en');
    const { ApiError } = await import('../api');
    render(
      <Conversation
        number="RS-1999-000001"
        zone="Europe/Rome"
        load={async () => {
          throw new ApiError(404, 'No ticket');
        }}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This request does not exist');
  });
});
