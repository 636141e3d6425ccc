import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { RetentionPage } from './RetentionPage';
import { lines, stubFetch, type Call } from '../test-support';

const report = {
  at: '2031-06-03T22:30:00Z',
  kinds: [
    {
      kind: 'closed-tickets',
      action: 'ANONYMISE',
      periodDays: 3650,
      cutoff: '2021-06-05T22:30:00Z',
      count: 12345,
      oldest: '2019-01-01T10:00:00Z',
    },
    {
      kind: 'engine-history',
      action: 'ENGINE',
      periodDays: null,
      cutoff: '2031-06-03T22:30:00Z',
      count: 0,
      oldest: null,
    },
  ],
  kept: [{ what: 'open-tickets', count: 3, why: 'open tickets are never removed' }],
};

describe('RetentionPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ url }) =>
      url === '/api/retention/run'
        ? { ran: true, kinds: [{ kind: 'closed-tickets', action: 'ANONYMISE', removed: 2, more: false }] }
        : report,
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows each kind in words with its period, count and oldest date, and what is kept', async () => {
    render(
      <MemoryRouter>
        <RetentionPage user={{ userId: 'dpo', groups: ['dpo'], roles: ['DPO'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    const row = (await screen.findByRole('rowheader', { name: /Pratiche chiuse/ }, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Anonimizzazione')).toBeInTheDocument();
    expect(within(row).getByText('3650 giorni')).toBeInTheDocument();
    expect(within(row).getByText('12.345')).toBeInTheDocument();
    expect(screen.getByText(/Pratiche aperte ricevute prima del periodo/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Esegui ora' })).not.toBeInTheDocument();
  });

  it('lets an administrator run the job and reloads the report', async () => {
    render(
      <MemoryRouter>
        <RetentionPage user={{ userId: 'admin', groups: ['camunda-admin'], roles: ['ADMIN'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Esegui ora' }));
    expect(await screen.findByText('Eseguito: 2 elementi rimossi o resi anonimi.')).toBeInTheDocument();
    await waitFor(() => expect(lines(calls).filter((call) => call === 'GET /api/retention')).toHaveLength(2));
  });
});
