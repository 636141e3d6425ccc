import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import type { GroupFigures } from '../api';
import { GroupBoard } from './GroupBoard';

const group = (
  code: string,
  kind: GroupFigures['kind'],
  nameIt: string,
  nameEn: string,
  waiting: number,
  breached = 0,
) =>
  ({
    group: code,
    kind,
    nameIt,
    nameEn,
    waiting,
    inProgress: 1,
    oldestWaitingSince: new Date(Date.now() - 90 * 60_000).toISOString(),
    atRisk: 0,
    breached,
  }) as GroupFigures;

const GROUPS = [
  group('general', 'QUEUE', 'Informazioni generali', 'General information', 0),
  group('level2', 'LEVEL', 'Operatori di secondo livello', 'Operatori di secondo livello', 2),
  group('office-tributi', 'OFFICE', 'Ufficio Tributi', 'Ufficio Tributi', 1, 1),
];

describe('GroupBoard', () => {
  const calls: { method: string; url: string; body?: unknown }[] = [];

  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url, body: init?.body ? JSON.parse(init.body as string) : undefined });
        const body =
          url === '/api/supervisor/groups/office-tributi/tasks'
            ? [
                {
                  taskId: 't1',
                  taskName: 'Rispondi',
                  taskKey: 'userTask_answerAsOffice',
                  number: 'RS-2026-000077',
                  type: 'Q',
                  subject: 'TARI',
                  requesterName: 'Maria Bianchi',
                  currentLevel: 2,
                  createdAt: new Date().toISOString(),
                },
              ]
            : url === '/api/tasks/t1/candidates'
              ? [{ userId: 'office1', name: 'office1 (demo)' }]
              : undefined;
        return body === undefined
          ? new Response(null, { status: 204 })
          : new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  it('shows every group with labels and figures, opens an office’s waiting tasks and assigns one (Italian)', async () => {
    await i18n.changeLanguage('it');
    const onAssigned = vi.fn(async () => undefined);
    render(
      <MemoryRouter>
        <GroupBoard groups={GROUPS} refreshed={1} onAssigned={onAssigned} />
      </MemoryRouter>,
    );

    const table = screen.getByRole('table', { name: /Attività aperte di ogni gruppo/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Gruppo', 'In attesa', 'In lavorazione', 'Attesa più lunga', 'SLA a rischio', 'SLA scaduti', 'Azioni']);
    expect(within(table).getByRole('row', { name: /Secondo livello/ })).toHaveTextContent('Livello');
    const office = within(table).getByRole('row', { name: /Ufficio Tributi/ });
    expect(office).toHaveTextContent('1 h 30 min');
    expect(within(office).getByText('1', { selector: '.badge' })).toHaveClass('bg-danger');
    expect(within(table).getByRole('link', { name: 'Informazioni generali' })).toHaveAttribute(
      'href',
      '/tickets?queue=general',
    );

    fireEvent.click(within(office).getByRole('button', { name: 'Mostra le attività in attesa di Ufficio Tributi' }));
    const waiting = await screen.findByRole('region', { name: 'In attesa: Ufficio Tributi' });
    const ticket = await within(waiting).findByRole('link', { name: 'RS-2026-000077' });
    expect(ticket).toHaveAttribute('href', '/tickets/RS-2026-000077');

    fireEvent.click(within(waiting).getByRole('button', { name: /Assegna/ }));
    fireEvent.change(await within(waiting).findByRole('combobox'), { target: { value: 'office1' } });
    fireEvent.click(within(waiting).getByRole('button', { name: 'Conferma' }));

    await waitFor(() => expect(onAssigned).toHaveBeenCalled());
    expect(calls.find((call) => call.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/tasks/t1/assign',
      body: { userId: 'office1' },
    });
    expect(screen.getByRole('status')).toHaveTextContent('RS-2026-000077 assegnata a office1.');
  });
});
