import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { forgetReference } from '../lib/labels';
import { IntakePage } from './IntakePage';
import { json } from '../test-support';

vi.setConfig({ testTimeout: 20_000 });

const reference = {
  queues: [],
  offices: [],
  categories: [
    { code: 'tributi', name: 'Tributi locali', parentCode: null, depth: 1 },
    { code: 'tari', name: 'TARI - tassa sui rifiuti', parentCode: 'tributi', depth: 2 },
    { code: 'imu', name: 'IMU - imposta municipale', parentCode: 'tributi', depth: 2 },
    { code: 'anagrafe', name: 'Servizi anagrafici', parentCode: null, depth: 1 },
    { code: 'cie', name: "Carta d'identità elettronica", parentCode: 'anagrafe', depth: 2 },
  ],
};

const user = { userId: 'operator1', groups: ['level1'], roles: ['LEVEL1'], zone: 'Europe/Rome' };

describe('IntakePage: topic and reason from the classification tree', () => {
  const bodies: unknown[] = [];

  beforeEach(() => {
    bodies.length = 0;
    forgetReference();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/reference') return json(reference);
        if (url === '/api/tickets' && init?.method === 'POST') {
          bodies.push(JSON.parse(String(init.body)));
          return json({ number: 'RS-2026-000077', status: 'CLOSED' }, 201);
        }
        return json([]);
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each(['it', 'en'])(
    'offers labelled pickers, not a typed reason, and sends the tree codes (%s)',
    async (language) => {
      await i18n.changeLanguage(language);
      render(
        <MemoryRouter>
          <IntakePage user={user} />
        </MemoryRouter>,
      );
      const topic = screen.getByLabelText(i18n.t('intake.topic'));
      const reason = screen.getByLabelText(i18n.t('intake.reason'));
      expect(reason.tagName).toBe('SELECT');
      expect(reason).toHaveAccessibleDescription(i18n.t('intake.reasonHint'));
      await screen.findByRole('option', { name: 'Tributi locali' });
      expect(reason).toBeDisabled();

      fireEvent.change(topic, { target: { value: 'tributi' } });
      expect(reason).toBeEnabled();
      expect(Array.from((reason as HTMLSelectElement).options).map((option) => option.text)).toEqual([
        i18n.t('intake.anyReason'),
        'TARI - tassa sui rifiuti',
        'IMU - imposta municipale',
      ]);
      fireEvent.change(reason, { target: { value: 'tari' } });
      // another topic forgets a reason that is not its own
      fireEvent.change(topic, { target: { value: 'anagrafe' } });
      expect(reason).toHaveValue('');
      fireEvent.change(topic, { target: { value: 'tributi' } });
      fireEvent.change(reason, { target: { value: 'tari' } });

      fireEvent.change(screen.getByLabelText(i18n.t('intake.findHint')), { target: { value: 'RSSMRA80A01H501U' } });
      fireEvent.change(screen.getByLabelText(i18n.t('intake.subject')), { target: { value: 'Rata TARI' } });
      fireEvent.change(screen.getByLabelText(i18n.t('intake.description')), {
        target: { value: 'Quando scade la rata?' },
      });
      fireEvent.change(screen.getByLabelText(i18n.t('intake.answer')), { target: { value: 'Il 16 novembre.' } });
      fireEvent.click(screen.getByRole('button', { name: i18n.t('intake.solve') }));

      await waitFor(() => expect(bodies).toHaveLength(1));
      expect(bodies[0]).toMatchObject({ category: { topic: 'tributi', reason: 'tari' } });
    },
  );
});
