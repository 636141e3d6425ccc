import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { forgetReference } from '../lib/labels';
import { RecordingSamplesPage } from './RecordingSamplesPage';
import { json, stubFetch, type Call } from '../test-support';

const auditor = { userId: 'auditor', groups: ['auditor'], roles: ['AUDITOR'], zone: 'Europe/Rome' };

const sample = {
  id: 7,
  seed: 4242,
  from: '2031-03-01',
  to: '2031-03-31',
  queue: 'payments',
  topic: null,
  requestedSize: 1,
  population: 12,
  drawnBy: 'auditor',
  drawnAt: '2031-04-01T08:00:00Z',
  items: [
    {
      position: 1,
      opaqueId: '0f1e2d3c-4b5a-3678-9abc-def012345678',
      day: '2031-03-04',
      durationSeconds: 60,
      queue: 'payments',
      topic: null,
      available: true,
    },
  ],
};

describe('RecordingSamplesPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    forgetReference();
    calls = stubFetch(({ method, url: path }) => {
      if (path.startsWith('/api/reference')) {
        return json({ queues: [{ code: 'payments', nameIt: 'Tributi e pagamenti' }], offices: [], categories: [] });
      }
      if (path.includes('/api/distribution/recording-samples') && method === 'POST') return json(sample, 201);
      if (path.includes('/api/distribution/recording-samples/7')) return json(sample);
      if (path.includes('/api/distribution/recording-listenings')) {
        return json([
          {
            sampleId: 7,
            opaqueId: sample.items[0].opaqueId,
            listenedBy: 'auditor',
            listenedAt: '2031-04-01T08:05:00Z',
          },
        ]);
      }
      return [];
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  it('draws a sample with a seed and shows opaque items to listen to, with the listenings', async () => {
    render(
      <MemoryRouter>
        <RecordingSamplesPage user={auditor} />
      </MemoryRouter>,
    );
    await screen.findByRole('option', { name: 'Tributi e pagamenti' });
    fireEvent.change(screen.getByLabelText('Coda'), { target: { value: 'payments' } });
    fireEvent.change(screen.getByLabelText('Seme'), { target: { value: '4242' } });
    fireEvent.change(screen.getByLabelText('Registrazioni'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Estrai il campione' }));

    const items = await screen.findByRole('table', { name: /identificativo opaco/ });
    await waitFor(() => expect(calls.some((call) => call.body?.includes('"seed":4242'))).toBe(true));
    const row = within(items).getByRole('row', { name: /0f1e2d3c/ });
    expect(row).toHaveTextContent('Tributi e pagamenti');
    expect(row).not.toHaveTextContent('payments');
    const player = row.querySelector('audio');
    expect(player).toHaveAttribute(
      'src',
      '/api/distribution/recording-samples/7/items/0f1e2d3c-4b5a-3678-9abc-def012345678/audio',
    );
    expect(player).toHaveAttribute('aria-label', 'Registrazione 0f1e2d3c');
    expect(screen.getByRole('status')).toHaveTextContent('seme 4242');
    const log = screen.getByRole('table', { name: /Chi ha ascoltato/ });
    expect(log).toHaveTextContent('auditor');
  });
});
