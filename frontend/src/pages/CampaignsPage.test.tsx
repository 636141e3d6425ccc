import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { CampaignsPage } from './CampaignsPage';
import { stubFetch, type Call } from '../test-support';

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
const webCampaign = {
  ...campaign,
  id: 8,
  name: 'Sondaggio sportello',
  channel: 'WEB',
  status: 'DRAFT',
  startedAt: null,
  webLink: null,
  webAccess: 'TOKENS',
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
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ method, url }) => {
      if (url === '/api/surveys/campaigns' && method === 'POST') return webCampaign;
      if (url === '/api/surveys/campaigns') return [campaign, webCampaign];
      if (url.endsWith('/web-tokens')) return { anonymous: 50, forRecipients: 2, total: 52 };
      if (url === '/api/surveys/campaigns/8/progress') return { ...progress, campaignId: 8, tokens: 52 };
      if (url === '/api/surveys/questionnaires')
        return [{ id: 1, code: 'csat', title: 'Soddisfazione', legalBasis: 'PUBLIC_TASK', currentVersion: 1 }];
      if (url.endsWith('/progress')) return progress;
      if (url.endsWith('/results')) return results;
      if (url.endsWith('/pause')) return { ...campaign, status: 'PAUSED' };
      if (url === '/api/reference') return { queues: [], offices: [], categories: [] };
    });
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

  it('creates a WEB campaign with single-use tokens, issues them and offers their lists to download', async () => {
    render(
      <MemoryRouter>
        <CampaignsPage user={user} />
      </MemoryRouter>,
    );
    fireEvent.change(await screen.findByLabelText('Nome'), { target: { value: 'Sondaggio sportello' } });
    fireEvent.change(screen.getByLabelText('Canale'), { target: { value: 'WEB' } });
    fireEvent.change(screen.getByLabelText('Come si risponde'), { target: { value: 'TOKENS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crea la campagna' }));

    const tokens = await screen.findByRole('region', { name: 'Codici monouso' }, { timeout: 5000 });
    const created = calls.find((call) => call.method === 'POST' && call.url === '/api/surveys/campaigns');
    expect(JSON.parse(created?.body ?? '{}')).toMatchObject({ channel: 'WEB', webAccess: 'TOKENS' });
    expect(within(tokens).getByRole('link', { name: 'Scarica i codici (CSV)' })).toHaveAttribute(
      'href',
      '/api/surveys/campaigns/8/web-tokens.csv',
    );
    expect(within(tokens).getByRole('link', { name: 'Scarica i codici (Excel)' })).toHaveAttribute(
      'href',
      '/api/surveys/campaigns/8/web-tokens.xlsx',
    );
    // the target list may be imported: each recipient gets a token
    expect(screen.getByLabelText('Elenco dei destinatari (CSV o Excel)')).toBeInTheDocument();

    fireEvent.change(within(tokens).getByLabelText('Codici anonimi da generare'), { target: { value: '50' } });
    fireEvent.click(within(tokens).getByLabelText('Un codice per ogni destinatario della lista'));
    fireEvent.click(within(tokens).getByRole('button', { name: 'Genera i codici' }));
    expect(
      await screen.findByText('Generati 50 codici anonimi e 2 per i destinatari: 52 in tutto.'),
    ).toBeInTheDocument();
    const issued = calls.find((call) => call.url === '/api/surveys/campaigns/8/web-tokens');
    expect(JSON.parse(issued?.body ?? '{}')).toEqual({ count: 50, forRecipients: true });
    expect(await screen.findByText(/Codici generati: 52\./)).toBeInTheDocument();
  });
});
