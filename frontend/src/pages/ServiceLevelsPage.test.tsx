import { render, screen, waitFor } from '@testing-library/react';
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

describe('ServiceLevelsPage', () => {
  const calls: string[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        calls.push(url);
        return new Response(
          JSON.stringify({
            month: '2031-06',
            from: '2031-06-01T00:00:00+02:00',
            to: '2031-07-01T00:00:00+02:00',
            asOf: '2031-07-15T12:00:00+02:00',
            complete: true,
            slas: [figures('SLA.O.1', 'MISSED', 66.67, 7000), figures('SLA.C.1', 'NO_DATA', undefined, 0)],
            totalPenalty: 7000,
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        );
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
    expect(calls[0]).toMatch(/^\/api\/reports\/sla\?month=\d{4}-\d{2}$/);
    const missed = screen.getByText('SLA.O.1').closest('tr')!;
    expect(missed).toHaveClass('table-danger');
    expect(missed).toHaveTextContent('Non rispettato');
    expect(screen.getByText('SLA.C.1').closest('tr')).toHaveTextContent('Nessun dato');
    expect(screen.getByRole('link', { name: 'Scarica Excel' }).getAttribute('href')).toMatch(
      /^\/api\/reports\/sla\.xlsx\?month=/,
    );
  });
});
