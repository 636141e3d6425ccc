import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { ServiceLevelsPage } from './ServiceLevelsPage';
import { json, lines, stubFetch, stubResizeObserver, type Call } from '../test-support';

const figures = (
  code: string,
  status: string,
  value: number | undefined,
  penalty: number,
  measure = 'TAKEN_IN_CHARGE_WITHIN',
) => ({
  code,
  description: `Descrizione ${code}`,
  measure,
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
  breakdown: {
    queue: [{ key: 'general', met: 4, missed: 2, excluded: 0, value: 66.67 }],
    day: [
      { key: '2031-06-03', met: 1, missed: 1, excluded: 0, value: 50 },
      { key: '2031-06-04', met: 3, missed: 1, excluded: 0, value: 75 },
    ],
  },
});

const page = (items: object[]) => ({ items, page: 0, size: 20, totalElements: items.length, totalPages: 1 });

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

describe('ServiceLevelsPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    stubResizeObserver();
    calls = stubFetch(({ url }) => {
      if (url === '/api/reports/deliveries/monthly-sla/runs') {
        return json(
          { ...deliveries.deliveries[0], id: 8, period: '2031-07', manual: true, status: 'QUEUED', error: undefined },
          201,
        );
      }
      if (url.startsWith('/api/reports/deliveries')) {
        return json(deliveries);
      }
      const body = url.startsWith('/api/reports/sla/tickets')
        ? page([
            {
              sla: 'SLA.O.1',
              number: 'RS-2031-000002',
              channel: 'WEB',
              queue: 'general',
              type: 'Q',
              status: 'CLOSED',
              receivedAt: '2031-06-03T09:00:00+02:00',
              reachedAt: '2031-06-03T13:00:01+02:00',
              workingTime: 'PT4H1S',
              pausedWorkingTime: 'PT0S',
              result: 'MISSED',
            },
          ])
        : url.startsWith('/api/reports/sla/calls')
          ? page([
              {
                sla: 'SLA.C.2',
                callId: 'c3',
                queue: 'general',
                offeredAt: '2031-06-03T10:10:00+02:00',
                waitSeconds: 95,
                outcome: 'ANSWERED',
                result: 'MISSED',
                overLimit: true,
              },
            ])
          : null;
      return (
        body ?? {
          month: '2031-06',
          from: '2031-06-01T00:00:00+02:00',
          to: '2031-07-01T00:00:00+02:00',
          asOf: '2031-07-15T12:00:00+02:00',
          complete: true,
          slas: [
            figures('SLA.O.1', 'MISSED', 66.67, 7000),
            figures('SLA.C.1', 'NO_DATA', undefined, 0),
            { ...figures('SLA.C.2', 'MISSED', 50, 20000, 'ANSWERED_WITHIN'), overLimit: 1, withinLimit: 75 },
          ],
          totalPenalty: 27000,
        }
      );
    });
  });

  it('shows each SLA against its threshold, highlights the missed ones and links the exports', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage
          user={{ userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' }}
        />
      </MemoryRouter>,
    );

    await waitFor(() => expect(screen.getByText('SLA.O.1')).toBeInTheDocument());
    expect(lines(calls)).toContainEqual(expect.stringMatching(/^GET \/api\/reports\/sla\?month=\d{4}-\d{2}$/));
    const missed = screen.getByText('SLA.O.1').closest('tr')!;
    expect(missed).toHaveClass('table-danger');
    expect(missed).toHaveTextContent('Non rispettato');
    expect(screen.getByText('SLA.C.1').closest('tr')).toHaveTextContent('Nessun dato');
    expect(screen.getByRole('link', { name: 'Scarica Excel' }).getAttribute('href')).toMatch(
      /^\/api\/reports\/sla\.xlsx\?month=/,
    );
    // the first missed level, day by day: both days below its 80% threshold
    const trend = screen.getByRole('figure', { name: 'SLA.O.1 giorno per giorno' });
    expect(within(trend).getByRole('img')).toHaveAccessibleName(
      'SLA.O.1 giorno per giorno: 2 giorni su 2 oltre la soglia (80,00%)',
    );
    expect(within(trend).getByRole('table', { hidden: true })).toHaveTextContent('50,00');
  });

  it('opens the tickets behind a figure, and the calls behind a phone figure', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getByText('SLA.O.1')).toBeInTheDocument());

    fireEvent.click(screen.getByRole('button', { name: 'SLA.O.1, Non rispettati: mostra i 2 elementi' }));

    const detail = await screen.findByRole('region', { name: 'Dettaglio di SLA.O.1' });
    await waitFor(() => expect(within(detail).getByText('RS-2031-000002')).toBeInTheDocument());
    expect(lines(calls)).toContainEqual(
      expect.stringMatching(
        /^GET \/api\/reports\/sla\/tickets\?month=\d{4}-\d{2}&sla=SLA\.O\.1&result=MISSED&page=0&size=20$/,
      ),
    );
    expect(within(detail).getByRole('table', { name: 'Per coda' })).toHaveTextContent('general');
    expect(within(detail).getByRole('row', { name: /RS-2031-000002/ })).toHaveTextContent('WEBgeneralQ');

    fireEvent.click(screen.getByRole('button', { name: 'SLA.C.2, Non rispettati: mostra i 2 elementi' }));

    const phone = await screen.findByRole('region', { name: 'Dettaglio di SLA.C.2' });
    await waitFor(() => expect(within(phone).getByText('c3')).toBeInTheDocument());
    expect(lines(calls)).toContainEqual(
      expect.stringMatching(/^GET \/api\/reports\/sla\/calls\?month=.*&sla=SLA\.C\.2&result=MISSED/),
    );
    expect(within(phone).getByRole('row', { name: /c3/ })).toHaveTextContent('oltre il limite');
    expect(within(phone).getByText(/Entro il limite: 75,00% \(1 chiamata oltre il limite\)/)).toBeInTheDocument();
  });

  it('lists the scheduled deliveries and their latest runs, and a manager sends one now', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage
          user={{ userId: 'manager1', groups: ['manager'], roles: ['MANAGER'], zone: 'Europe/Rome' }}
        />
      </MemoryRouter>,
    );

    const schedules = await screen.findByRole('table', {
      name: 'Invii programmati: report, destinatari e prossimo invio',
    });
    const schedule = within(schedules).getByText('Report SLA del mese').closest('tr')!;
    expect(schedule).toHaveTextContent('SLA del mese precedente');
    expect(schedule).toHaveTextContent('referenti.contratto@comune.example');
    const latest = screen.getByRole('table', { name: 'Ultimi invii, dal più recente' });
    const failed = within(latest).getByText('2031-06').closest('tr')!;
    expect(failed).toHaveTextContent('Non generato');
    expect(failed).toHaveTextContent('disk full');

    fireEvent.click(within(schedules).getByRole('button', { name: 'Invia ora: Report SLA del mese' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Report 2031-07 accodato'));
    expect(lines(calls)).toContain('POST /api/reports/deliveries/monthly-sla/runs');
  });

  it('offers no sending to auditors', async () => {
    render(
      <MemoryRouter>
        <ServiceLevelsPage user={{ userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' }} />
      </MemoryRouter>,
    );

    await screen.findByRole('table', { name: 'Ultimi invii, dal più recente' });
    expect(screen.queryByRole('button', { name: /Invia ora/ })).toBeNull();
  });
});
