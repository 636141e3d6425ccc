import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { AuditPage } from './AuditPage';
import { stubFetch, type Call } from '../test-support';

const dpo = { userId: 'dpo', groups: ['dpo'], roles: ['DPO'], zone: 'Europe/Rome' };

const rows = {
  items: [
    {
      seq: 42,
      at: '2031-06-03T22:30:00Z',
      actor: 'operator1',
      actorRoles: 'level1',
      action: 'READ',
      resourceType: 'ticket',
      resourceId: 'RS-2031-000017',
      subject: 'RSSMRA80A41H501U',
      outcome: 'BREAK_GLASS',
      reason: 'Richiesta del Garante',
      clientAddress: '10.0.0.7',
      prevHash: 'a',
      hash: 'b',
    },
  ],
  page: 0,
  size: 50,
  totalElements: 1,
  totalPages: 1,
};

describe('AuditPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ url }) =>
      url.startsWith('/api/audit/verify') ? { intact: false, rows: 41, firstBadSeq: 42, problem: 'hash' } : rows,
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('searches by person and shows each row in words, in the service calendar zone', async () => {
    render(
      <MemoryRouter>
        <AuditPage user={dpo} />
      </MemoryRouter>,
    );

    fireEvent.change(screen.getByLabelText('Persona (codice fiscale)'), { target: { value: ' rssmra80a41h501u ' } });
    fireEvent.change(screen.getByLabelText('Azione'), { target: { value: 'READ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cerca' }));

    await waitFor(() =>
      expect(calls.some(({ url }) => url.includes('subject=RSSMRA80A41H501U') && url.includes('action=READ'))).toBe(
        true,
      ),
    );
    const table = await screen.findByRole('table');
    const cells = within(table)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    // 22:30 UTC on 3 June is 00:30 on 4 June in Rome
    expect(cells[0]).toContain('04/06');
    expect(cells[0]).toContain('00:30');
    expect(cells).toContain('Lettura');
    expect(cells).toContain('Accesso straordinario');
    expect(cells).toContain('Richiesta del Garante');
    expect(screen.getByRole('link', { name: 'Esporta CSV' }).getAttribute('href')).toContain(
      'subject=RSSMRA80A41H501U',
    );
  });

  it('verifies the chain and names the first bad row', async () => {
    render(
      <MemoryRouter>
        <AuditPage user={dpo} />
      </MemoryRouter>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Verifica la catena' }));

    expect(await screen.findByText('Catena interrotta alla riga 42 (righe integre prima: 41).')).toBeTruthy();
  });
});
