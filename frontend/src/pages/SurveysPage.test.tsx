import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../i18n';
import { SurveysPage } from './SurveysPage';
import { stubFetch, type Call } from '../test-support';

// form-js's editor needs a real browser (drag and drop, layout): stand in with a handle that
// returns the schema it was given, marked with the language on screen
vi.mock('../components/QuestionnaireEditor', () => ({
  QuestionnaireEditor: ({ schema, onReady }: { schema: unknown; onReady: (h: { save: () => unknown }) => void }) => {
    onReady({ save: () => schema });
    return <div data-testid="editor">{JSON.stringify(schema)}</div>;
  },
}));

const italian = { type: 'default', components: [{ type: 'radio', key: 'score', label: 'Voto', values: [] }] };
const detail = {
  questionnaire: {
    id: 1,
    code: 'csat',
    title: 'Soddisfazione',
    legalBasis: 'PUBLIC_TASK',
    legalBasisNote: 'Carta dei servizi',
    currentVersion: 2,
    updatedAt: '2026-12-01T09:00:00Z',
  },
  current: {
    questionnaireId: 1,
    version: 2,
    schemas: { it: italian },
    questions: [],
    savedBy: 'supervisor',
    savedAt: '2026-12-01T09:00:00Z',
  },
  versions: [1, 2],
};
const settings = {
  enabled: false,
  questionnaireId: 1,
  channels: ['EMAIL'],
  scoreKey: 'score',
  lowScoreThreshold: 2,
  answerWithinDays: 14,
  updatedBy: 'system',
  updatedAt: '2026-12-01T09:00:00Z',
};

describe('SurveysPage', () => {
  let calls: Call[];

  beforeEach(async () => {
    await i18n.changeLanguage('it');
    calls = stubFetch(({ method, url, body }) => {
      if (url === '/api/surveys/questionnaires' && method === 'GET') return [detail.questionnaire];
      if (url.startsWith('/api/surveys/questionnaires/1'))
        return method === 'PUT' ? { ...detail, current: { ...detail.current, version: 3 } } : detail;
      if (url === '/api/surveys/satisfaction/settings') return method === 'PUT' ? JSON.parse(body!) : settings;
      if (url === '/api/reference') return { queues: [], offices: [], categories: [] };
    });
  });

  afterEach(() => vi.unstubAllGlobals());

  const user = { userId: 'supervisor', groups: ['supervisor'], roles: ['SUPERVISOR'], zone: 'Europe/Rome' };

  it('edits a questionnaire per language, a new language starting from the Italian, and saves a new version', async () => {
    render(
      <MemoryRouter>
        <SurveysPage user={user} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Modifica Soddisfazione' }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { name: 'Soddisfazione (versione 2)' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Deutsch' })).toHaveAttribute('aria-pressed', 'true'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Salva una nuova versione' }));

    expect(await screen.findByText('Salvato: versione 3.')).toBeInTheDocument();
    const saved = calls.find((call) => call.method === 'PUT' && call.url === '/api/surveys/questionnaires/1');
    const draft = JSON.parse(saved!.body!);
    expect(Object.keys(draft.schemas).sort()).toEqual(['de', 'it']);
    expect(draft.schemas.de).toEqual(italian);
    expect(draft.legalBasis).toBe('PUBLIC_TASK');
  });

  it('turns the satisfaction survey on for a further channel', async () => {
    render(
      <MemoryRouter>
        <SurveysPage user={user} />
      </MemoryRouter>,
    );
    fireEvent.click(
      await screen.findByLabelText('Invia il questionario quando una richiesta viene chiusa', {}, { timeout: 5000 }),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /web/i }));
    fireEvent.click(screen.getByRole('button', { name: 'Salva le impostazioni' }));

    expect(await screen.findByText('Impostazioni salvate.')).toBeInTheDocument();
    const saved = JSON.parse(calls.find((call) => call.method === 'PUT' && call.url.endsWith('/settings'))!.body!);
    expect(saved.enabled).toBe(true);
    expect(saved.channels).toEqual(['EMAIL', 'WEB']);
  });
});
