import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { forgetReference } from '../lib/labels';
import { StaffingPage } from './StaffingPage';
import { stubFetch, type Call } from '../test-support';

const manager = { userId: 'manager1', groups: ['manager'], roles: ['MANAGER'], zone: 'Europe/Rome' };

const bands = [];
for (let d = 0; d < 7; d++) {
  for (let h = 0; h < 24; h++) {
    const open = d < 5 && h >= 9 && h < 17;
    bands.push({
      day: `2031-06-0${2 + d}`,
      hour: h,
      volumes: { PHONE: open ? (h === 10 ? 30 : 20) : 0, EMAIL: open ? 6 : 0 },
      phoneOperators: open ? (h === 10 ? 4 : 3) : 0,
      offlineWorkloadHours: open ? 1 : 0,
      offlineOperators: open ? 2 : 0,
    });
  }
}
const forecast = {
  weekStart: '2031-06-02',
  method: 'Average of the same weekday and hour band over the last weeks × linear trend factor',
  historyWeeks: 4,
  trendFactors: { EMAIL: 1, PHONE: 1.05 },
  callHandlingSeconds: 180,
  callsMeasured: 3600,
  offlineHandlingSeconds: 600,
  phoneShare: 0.9,
  phoneWithinSeconds: 30,
  productiveShare: 0.85,
  channels: ['EMAIL', 'PHONE'],
  bands,
  pastWeeks: [
    {
      weekStart: '2031-05-26',
      forecast: { EMAIL: 240, PHONE: 900 },
      actual: { EMAIL: 250, PHONE: 880 },
      mape: { EMAIL: 5.1, PHONE: 3.2 },
      totalMape: 3.9,
    },
  ],
};

describe('StaffingPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    forgetReference();
    calls = stubFetch(({ url }) => {
      if (url.startsWith('/api/distribution/staffing')) return forecast;
      if (url.startsWith('/api/reference')) return { queues: [], offices: [], categories: [] };
      return [];
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows the hour bands of a day with the operators needed, the past error and the workbook', async () => {
    render(
      <MemoryRouter>
        <StaffingPage user={manager} />
      </MemoryRouter>,
    );
    const table = await screen.findByRole('table', { name: /Contatti attesi e operatori necessari/ });
    const ten = within(table).getByRole('row', { name: /10:00–10:59/ });
    expect(ten).toHaveTextContent('30');
    expect(ten).toHaveTextContent('4');
    // only the bands with contacts: nothing at night
    expect(within(table).queryByRole('row', { name: /03:00–03:59/ })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Operatori al telefono' })).toBeInTheDocument();
    const past = screen.getByRole('table', { name: /MAPE/ });
    expect(past).toHaveTextContent('3.9%');
    expect(screen.getByRole('link', { name: 'Scarica Excel' })).toHaveAttribute(
      'href',
      '/api/distribution/staffing.xlsx?week=2031-06-02',
    );
    // Sunday: no contacts expected
    fireEvent.change(screen.getByRole('combobox', { name: 'Giorno' }), { target: { value: '2031-06-08' } });
    expect(await screen.findByText('Nessun contatto atteso in questo giorno.')).toBeInTheDocument();
    expect(calls.some(({ url }) => url.startsWith('/api/distribution/staffing'))).toBe(true);
  });
});
