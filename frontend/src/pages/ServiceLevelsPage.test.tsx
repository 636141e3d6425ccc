import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { ServiceLevelsPage } from './ServiceLevelsPage';

const figures = (code: string, status: string, value: number | undefined, penalty: number) => ({
  code,
  description: `Descrizione ${code}`,
  measure: 'TAKEN_IN_CHARGE_WITHIN',
  channels: ['EMAIL'],
  comparison: 'AT_LEAST',
  threshold: 80,
  volume: 6,
  overflowPoints: 0,
  adjustedThreshold: 80,
  met: 4,
  missed: 2,
  excluded: 0,
  excludedByReason: {},
  value,
  status,
  shortfallPoints: 0,
  penaltyPoints: 0,
  penalty,
  breakdown: {},
});

const deliveries = {
  scheduling: true,
  zone: 'Europe/Rome',
  schedules: [
    {
      id: 'monthly-sla',
      description: 'Report SLA del mese',
      cron: '0 0 7 1 * *',
      report: 'MONTHLY',
      recipients: ['referenti.contratto@comune.example'],
      language: 'it',
      mailbox: 'demo',
      nextRun: '2031-08-01T07:00:00+02:00',
    },
  ],
  deliveries: [
    {
      id: 7,
      scheduleId: 'monthly-sla',
      period: '2031-06',
      manual: false,
      status: 'FAILED',
      recipients: ['referenti.contratto@comune.example'],
      attempts: 1,
      error: 'disk full',
      createdAt: '2031-07-01T05:00:00Z',
      updatedAt: '2031-07-01T05:00:00Z',
      mailsSent: 0,
      mailsPending: 0,
      mailsFailed: 0,
    },
  ],
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ServiceLevelsPage', () => {
  const calls: string[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${url}`);
        if (url === '/api/reports/deliveries/monthly-sla/runs') {
          return json({ ...deliveries.deliveries[0], id: 8, period: '2031-07', manual: true, status: 'QUEUED', error: undefined }, 201);
        }
        if (url.startsWith('/api/reports/deliveries')) {
          return json(deliveries);
        }
        return json({
          month: '2031-06',
          from: '2031-06-01T00:00:00+02:00',
          to: '2031-07-01T00:00:00+02:00',
          asOf: '2031-07-15T12:00:00+02:00',
          complete: true,
          slas: [figures('SLA.O.1', 'MISSED', 66.67, 7000), figures('SLA.C.1', 'NO_DATA', undefined, 0)],
          totalPenalty: 7000,
        });
      }),
    );
  });

  it('shows each SLA against its threshold, highlights the missed ones and links the exports', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage user={{ userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'] }} />
      </MemoryRouter>,
    );

    await waitFor(() => expect(screen.getByText('SLA.O.1')).toBeInTheDocument());
    expect(calls).toContainEqual(expect.stringMatching(/^GET \/api\/reports\/sla\?month=\d{4}-\d{2}$/));
    const missed = screen.getByText('SLA.O.1').closest('tr')!;
    expect(missed).toHaveClass('table-danger');
    expect(missed).toHaveTextContent('Non rispettato');
    expect(screen.getByText('SLA.C.1').closest('tr')).toHaveTextContent('Nessun dato');
    expect(screen.getByRole('link', { name: 'Scarica Excel' }).getAttribute('href')).toMatch(
      /^\/api\/reports\/sla\.xlsx\?month=/,
    );
  });

  it('lists the scheduled deliveries and their latest runs, and a manager sends one now', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage user={{ userId: 'manager1', groups: ['manager'], roles: ['MANAGER'] }} />
      </MemoryRouter>,
    );

    const schedules = await screen.findByRole('table', { name: 'Invii programmati: report, destinatari e prossimo invio' });
    const schedule = within(schedules).getByText('Report SLA del mese').closest('tr')!;
    expect(schedule).toHaveTextContent('SLA del mese precedente');
    expect(schedule).toHaveTextContent('referenti.contratto@comune.example');
    const latest = screen.getByRole('table', { name: 'Ultimi invii, dal più recente' });
    const failed = within(latest).getByText('2031-06').closest('tr')!;
    expect(failed).toHaveTextContent('Non generato');
    expect(failed).toHaveTextContent('disk full');

    fireEvent.click(within(schedules).getByRole('button', { name: 'Invia ora: Report SLA del mese' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Report 2031-07 accodato'));
    expect(calls).toContain('POST /api/reports/deliveries/monthly-sla/runs');
  });

  it('offers no sending to auditors', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'] }} />
      </MemoryRouter>,
    );

    await screen.findByRole('table', { name: 'Ultimi invii, dal più recente' });
    expect(screen.queryByRole('button', { name: /Invia ora/ })).toBeNull();
  });
});
