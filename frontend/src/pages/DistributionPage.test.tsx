import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { forgetReference } from '../lib/labels';
import { DistributionPage } from './DistributionPage';
import { findMessage } from '../messages.testing';
import { json, lines, stubFetch, type Call } from '../test-support';

const supervisor = { userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' };

const board = {
  asOf: '2026-12-06T09:00:00Z',
  queues: [
    {
      queue: 'payments',
      name: 'Pagamenti',
      policy: 'FIFO',
      mode: 'PULL',
      offerTimeoutSeconds: 30,
      waiting: 4,
      inProgress: 1,
      oldestWaitingSince: '2026-12-06T07:00:00Z',
      oldestWaitSeconds: 7200,
      atRisk: 1,
      breached: 2,
      openOffers: 0,
    },
  ],
  operators: [
    {
      operator: 'operator1',
      state: 'PAUSED',
      reason: 'LUNCH',
      since: '2026-12-06T08:30:00Z',
      onCall: false,
      load: { PHONE: 0, CHAT: 0, OFFLINE: 1 },
      capacity: { PHONE: 1, CHAT: 3, OFFLINE: 1 },
      queues: ['payments'],
    },
  ],
};

const reference = {
  queues: [{ code: 'payments', nameIt: 'Tributi e pagamenti', nameEn: 'Taxes and payments' }],
  offices: [],
  categories: [],
};

const german = {
  operator: 'operator1',
  kind: 'LANGUAGE',
  code: 'de',
  proficiency: 4,
  updatedBy: 'supervisor',
  updatedAt: board.asOf,
};

describe('DistributionPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    forgetReference();
    calls = stubFetch(({ method, url: path, body: sent }) => {
      if (path === '/api/supervisor/board') return json(board);
      if (path.startsWith('/api/reference')) return json(reference);
      if (path === '/api/distribution/policies/payments' && method === 'PUT') {
        const body = JSON.parse(sent!);
        if (body.offerTimeoutSeconds < 5) {
          return json(
            { detail: 'Richiesta non valida', errors: [{ field: 'offerTimeoutSeconds', message: 'tra 5 e 600' }] },
            400,
          );
        }
        return json({ ...body, queue: 'payments', updatedBy: 'supervisor', updatedAt: board.asOf });
      }
      if (path.startsWith('/api/distribution/skills')) return [german];
      if (path === '/api/distribution/operators/operator1/skills') {
        return [german, { ...german, kind: 'TOPIC', code: 'tari', proficiency: 5 }];
      }
      return [];
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  const renderPage = () =>
    render(
      <MemoryRouter>
        <DistributionPage user={supervisor} />
      </MemoryRouter>,
    );

  it('shows each queue by its name with its policy and work, and each operator in words', async () => {
    renderPage();
    const queues = await screen.findByRole('table', { name: 'Regola di ogni coda e lavoro in attesa' });
    const row = await within(queues).findByRole('row', { name: /Tributi e pagamenti/ });
    expect(within(row).getByRole('combobox', { name: 'Regola' })).toHaveValue('FIFO');
    expect(within(row).getByRole('combobox', { name: 'Modalità' })).toHaveValue('PULL');
    expect(row).toHaveTextContent('2 h 0 min');
    const operators = screen.getByRole('table', { name: 'Presenza e carico di ogni operatore' });
    const operator = within(operators).getByRole('row', { name: /operator1/ });
    expect(operator).toHaveTextContent('In pausa (Pranzo)');
    expect(operator).toHaveTextContent('1 di 1');
    expect(operator).toHaveTextContent('Tributi e pagamenti');
    expect(operator).not.toHaveTextContent('LUNCH');
  });

  it('changes a queue policy live and names the field the server refused', async () => {
    renderPage();
    const queues = await screen.findByRole('table', { name: 'Regola di ogni coda e lavoro in attesa' });
    const row = await within(queues).findByRole('row', { name: /Tributi e pagamenti/ });
    fireEvent.change(within(row).getByRole('combobox', { name: 'Regola' }), { target: { value: 'SKILLS' } });
    fireEvent.change(within(row).getByRole('combobox', { name: 'Modalità' }), { target: { value: 'PUSH' } });
    fireEvent.change(within(row).getByRole('spinbutton', { name: 'Secondi per rispondere' }), {
      target: { value: '3' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Salva la regola di Tributi e pagamenti' }));
    expect(await findMessage('alert')).toHaveTextContent('Richiesta non valida');

    fireEvent.change(within(row).getByRole('spinbutton', { name: 'Secondi per rispondere' }), {
      target: { value: '20' },
    });
    fireEvent.click(within(row).getByRole('button', { name: 'Salva la regola di Tributi e pagamenti' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Regola di Tributi e pagamenti salvata.');
    expect(lines(calls, true)).toContain(
      'PUT /api/distribution/policies/payments {"policy":"SKILLS","mode":"PUSH","offerTimeoutSeconds":20}',
    );
  });

  it('lists and sets an operator skills', async () => {
    renderPage();
    const skills = await screen.findByRole('table', { name: 'Competenze di operator1' });
    await waitFor(() => expect(within(skills).getByRole('row', { name: /de/ })).toHaveTextContent('Lingua'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tipo' }), { target: { value: 'TOPIC' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Codice (lingua ISO o argomento)' }), {
      target: { value: 'tari' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Padronanza (1-5)' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi o aggiorna' }));
    await waitFor(() => expect(within(skills).getByRole('row', { name: /tari/ })).toHaveTextContent('Argomento'));
    expect(lines(calls, true)).toContain(
      'PUT /api/distribution/operators/operator1/skills {"kind":"TOPIC","code":"tari","proficiency":5}',
    );
  });
});
