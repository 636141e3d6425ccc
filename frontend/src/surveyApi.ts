// Questionnaires, the satisfaction survey and its results (staff), and a survey's personal link
// (citizens, without login). Types from the committed OpenAPI document.
import type { components } from './openapi';
import { answer, client } from './client';

type Schemas = components['schemas'];
export type QuestionnaireSummary = Schemas['QuestionnaireSummary'];
export type QuestionnaireDetail = Schemas['QuestionnaireDetail'];
export type QuestionnaireDraft = Schemas['QuestionnaireDraft'];
export type SatisfactionSettings = Schemas['SatisfactionSettings'];
export type SatisfactionReport = Schemas['SatisfactionReport'];
export type PublicSurvey = Schemas['PublicSurvey'];
export type LegalBasis = QuestionnaireDraft['legalBasis'];

export const LEGAL_BASES: LegalBasis[] = ['PUBLIC_TASK', 'CONSENT', 'LEGITIMATE_INTEREST'];
export const SURVEY_LANGUAGES = ['it', 'en', 'de', 'fr'] as const;

export const questionnaires = () => answer(client.GET('/api/surveys/questionnaires'));

export const questionnaire = (id: number) =>
  answer(client.GET('/api/surveys/questionnaires/{id}', { params: { path: { id } } }));

export const createQuestionnaire = (draft: QuestionnaireDraft) =>
  answer(client.POST('/api/surveys/questionnaires', { body: draft }));

export const saveQuestionnaire = (id: number, draft: QuestionnaireDraft) =>
  answer(client.PUT('/api/surveys/questionnaires/{id}', { params: { path: { id } }, body: draft }));

export const satisfactionSettings = () => answer(client.GET('/api/surveys/satisfaction/settings'));

export const saveSatisfactionSettings = (settings: SatisfactionSettings) =>
  answer(client.PUT('/api/surveys/satisfaction/settings', { body: settings }));

export const satisfactionResults = (from: string, to: string) =>
  answer(client.GET('/api/surveys/satisfaction/results', { params: { query: { from, to } } }));

export const publicSurvey = (token: string, lang: string) =>
  answer(client.GET('/api/public/surveys/{token}', { params: { path: { token }, query: { lang } } }));

export const answerSurvey = (token: string, answers: Record<string, unknown>) =>
  answer(
    client.POST('/api/public/surveys/{token}/answers', {
      params: { path: { token } },
      body: { answers: answers as Record<string, never> },
    }),
  );

export const unsubscribe = (token: string) =>
  answer(client.POST('/api/public/surveys/{token}/unsubscribe', { params: { path: { token } } }));
