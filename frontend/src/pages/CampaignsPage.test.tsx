import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { CampaignsPage } from './CampaignsPage';

const campaign = {
  id: 7,
  name: 'Indagine TARI',
  questionnaireId: 1,
  channel: 'CAWI',
  legalBasis: 'PUBLIC_TASK',
  legalBasisNote: 'Carta dei servizi',
  status: 'RUNNING',
  endsAt: '2026-12-31T23:00:00Z',
  mailboxId: null,
  ratePerMinute: 100,
  maxAttempts: 2,
  reminderAfterDays: 7,
  language: 'it',
  script: null,
  createdBy: 'supervisor',
  createdAt: '2026-12-01T09:00:00Z',
  startedAt: '2026-12-01T09:05:00Z',
  closedAt: null,
};
const progress = {
  campaignId: 7,
  status: 'RUNNING',
  recipients: 1000,
  outcomes: { SENT: 990, BOUNCED: 3, ANSWERED: 7 },
  contacted: 1000,
  answered: 7,
  answerRate: 0.7,
  days: [{ day: '2026-12-01', contacted: 1000, answered: 7, bounced: 3 }],
};
const results = [
  {
    key: 'score',
    type: 'radio',
    answers: 7,
    options: ['1', '2', '3', '4', '5'].map((value, i) => ({ value, count: i })),
  },
  { key: 'comment', type: 'textarea', answers: 2, options: [] },
];

describe('CampaignsPage', () => {
  const calls: { method: string; url: string }[] = [];

  beforeEach(async () => {
    calls.length = 0;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ method, url });
        let body: unknown = {};
        if (url === '/api/surveys/campaigns') body = [campaign];
        else if (url === '/api/surveys/questionnaires')
          body = [{ id: 1, code: 'csat', title: 'Soddisfazione', legalBasis: 'PUBLIC_TASK', currentVersion: 1 }];
        else if (url.endsWith('/progress')) body = progress;
        else if (url.endsWith('/results')) body = results;
        else if (url.endsWith('/pause')) body = { ...campaign, status: 'PAUSED' };
        else if (url === '/api/reference') body = { queues: [], offices: [], categories: [] };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  const user = { userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' };

  it('shows a running campaign with its outcomes and results as bars with data tables, and pauses it', async () => {
    render(
      <MemoryRouter>
        <CampaignsPage user={user} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Apri Indagine TARI' }, { timeout: 5000 }));

    expect(await screen.findByText('1000 destinatari, 1000 contattati, 7 risposte (0.7%).')).toBeInTheDocument();
    const outcomes = screen.getByRole('table', { name: 'Destinatari per esito' });
    expect(within(outcomes).getByRole('rowheader', { name: 'Non recapitato' })).toBeInTheDocument();
    const score = screen.getByRole('table', { name: 'Domanda score (7 risposte)' });
    expect(within(score).getAllByRole('row')).toHaveLength(6);
    expect(screen.queryByRole('table', { name: 'Domanda comment (2 risposte)' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Scarica la cartella di lavoro (tutte le risposte)' })).toHaveAttribute(
      'href',
      '/api/surveys/campaigns/7/campaign.xlsx',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Metti in pausa' }));
    expect(await screen.findByRole('button', { name: 'Riprendi' })).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST' && call.url === '/api/surveys/campaigns/7/pause')).toBe(true);
  });
});
