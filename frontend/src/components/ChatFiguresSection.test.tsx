import { render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import i18n from '../i18n';
import { ChatFiguresSection } from './ChatFiguresSection';

const row = (overrides: object) => ({
  date: '2031-03-10',
  queue: 'general',
  started: 3,
  offered: 3,
  answered: 2,
  abandonedQueued: 1,
  botOnly: 0,
  containmentPercent: 0,
  averageWaitSeconds: 120,
  p90WaitSeconds: 168,
  transfers: 1,
  ...overrides,
});

describe('ChatFiguresSection', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({
              queues: [{ code: 'general', nameIt: 'Informazioni generali', nameEn: 'General information' }],
              offices: [],
              categories: [],
            }),
            { status: 200 },
          ),
        ),
      ),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('shows the chats per day and queue with labels, the totals and the hand-offs by reason', async () => {
    await i18n.changeLanguage('en');
    render(
      <ChatFiguresSection
        figures={{
          rows: [row({ queue: null, started: 1, offered: 0, answered: 0, abandonedQueued: 0, botOnly: 1 }), row({})],
          total: row({
            date: null,
            queue: null,
            started: 4,
            botOnly: 1,
            containmentPercent: 25,
            averageWaitSeconds: 120,
            p90WaitSeconds: 168,
          }),
          handOffReasons: { REQUESTED: 2, NOT_HELPED: 1 },
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Chats per day and queue' });
    expect(within(table).getByText('(virtual assistant only)')).toBeTruthy();
    await within(table).findByText('General information');
    const total = within(table).getByRole('row', { name: /Total/ });
    expect(within(total).getByText('25%')).toBeTruthy();
    expect(within(total).getByText('168 s')).toBeTruthy();
    expect(screen.getByText('Asked by the citizen: 2')).toBeTruthy();
    expect(screen.getByText('Two unhelpful answers: 1')).toBeTruthy();
  });
});
