import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../i18n';
import { PublicSurveyPage } from './PublicSurveyPage';

const survey = (status: string) => ({
  status,
  language: 'it',
  questionnaireTitle: 'Soddisfazione dopo il contatto',
  schema: {
    type: 'default',
    components: [
      {
        type: 'radio',
        key: 'score',
        id: 'Field_score',
        label: 'Quanto è soddisfatto?',
        values: ['1', '2', '3', '4', '5'].map((value) => ({ label: value, value })),
        validate: { required: true },
      },
      { type: 'textarea', key: 'comment', id: 'Field_comment', label: 'Commento' },
    ],
  },
});

function page(path = '/self-service/survey/tok123') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/self-service/survey/:token" element={<PublicSurveyPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('PublicSurveyPage', () => {
  const calls: { method: string; url: string; body?: string }[] = [];
  let status = 'SENT';
  let answerStatus = 204;

  beforeEach(async () => {
    calls.length = 0;
    status = 'SENT';
    answerStatus = 204;
    await i18n.changeLanguage('it');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ method: init?.method ?? 'GET', url, body: init?.body as string | undefined });
        if (url.includes('/answers')) {
          return answerStatus === 204
            ? new Response(null, { status: 204 })
            : new Response(JSON.stringify({ status: answerStatus, detail: 'già risposto' }), {
                status: answerStatus,
                headers: { 'Content-Type': 'application/problem+json' },
              });
        }
        if (url.includes('/unsubscribe')) return new Response(null, { status: 204 });
        return new Response(JSON.stringify(survey(status)), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('renders the questionnaire with form-js and sends the answers once', async () => {
    page();
    expect(
      await screen.findByRole('heading', { name: 'Soddisfazione dopo il contatto' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    fireEvent.click(await screen.findByLabelText('5'));
    fireEvent.click(screen.getByRole('button', { name: 'Invia le risposte' }));

    expect(await screen.findByText('Grazie! Le sue risposte sono state registrate.')).toBeInTheDocument();
    const sent = calls.find((call) => call.url === '/api/public/surveys/tok123/answers');
    expect(sent?.method).toBe('POST');
    expect(JSON.parse(sent!.body!).answers.score).toBe('5');
    expect(screen.queryByRole('button', { name: 'Invia le risposte' })).not.toBeInTheDocument();
  });

  it('does not send without the required score, and says so', async () => {
    page();
    fireEvent.click(await screen.findByRole('button', { name: 'Invia le risposte' }));
    expect(await screen.findByText(/Manca qualche risposta obbligatoria/)).toBeInTheDocument();
    expect(calls.some((call) => call.url.includes('/answers'))).toBe(false);
  });

  it('says when the questionnaire was already answered (409)', async () => {
    answerStatus = 409;
    page();
    fireEvent.click(await screen.findByLabelText('3'));
    fireEvent.click(screen.getByRole('button', { name: 'Invia le risposte' }));
    expect(await screen.findByText('Questo questionario ha già ricevuto una risposta.')).toBeInTheDocument();
  });

  it('shows a closed questionnaire without the form, and unsubscribes from the link', async () => {
    status = 'EXPIRED';
    page('/self-service/survey/tok123?unsubscribe=1');
    expect(await screen.findByText('Il tempo per rispondere a questo questionario è scaduto.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invia le risposte' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Disiscrivimi' }));
    await waitFor(() =>
      expect(
        calls.some((call) => call.method === 'POST' && call.url === '/api/public/surveys/tok123/unsubscribe'),
      ).toBe(true),
    );
    expect(await screen.findByText('Fatto: non riceverà altri questionari.')).toBeInTheDocument();
  });
});
