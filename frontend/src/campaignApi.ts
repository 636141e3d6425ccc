// Outbound campaigns (CATI, CAWI, WEB): created and run by supervisors and managers; their progress,
// results per question and workbook. Types from the committed OpenAPI document.
import type { components } from './openapi';
import { answer, client, upload, type NullableIn } from './client';

type Schemas = components['schemas'];
export type Campaign = Schemas['Campaign'];
export type NewCampaign = Schemas['NewCampaign'];
export type CampaignProgress = Schemas['CampaignProgress'];
export type QuestionResult = Schemas['QuestionResult'];
export type CampaignChannel = NewCampaign['channel'];

export const CAMPAIGN_CHANNELS: CampaignChannel[] = ['CAWI', 'CATI', 'WEB'];
/** How a WEB campaign is answered: an open public link, or single-use tokens (one answer each). */
export type WebAccess = NewCampaign['webAccess'];
export const WEB_ACCESS: WebAccess[] = ['OPEN', 'TOKENS'];
export const CAMPAIGN_OUTCOMES = [
  'QUEUED',
  'OPTED_OUT',
  'SENT',
  'BOUNCED',
  'ANSWERED',
  'CALLING',
  'INTERVIEWED',
  'REFUSED',
  'NOT_FOUND',
  'WRONG_NUMBER',
  'NOT_CONTACTED',
] as const;

export const campaigns = () => answer(client.GET('/api/surveys/campaigns'));

/** A new campaign as the form has it: the optional fields null. */
export type CampaignDraft = NullableIn<NewCampaign, 'mailboxId' | 'reminderAfterDays' | 'script' | 'legalBasisNote'>;

export const createCampaign = (campaign: CampaignDraft) =>
  answer(client.POST('/api/surveys/campaigns', { body: campaign as NewCampaign }));

export const importRecipients = (id: number, file: File) =>
  upload<{ added: number }>(`/api/surveys/campaigns/${id}/recipients`, { file });

export type Audience = Schemas['Audience'];
/** Who to add from the registry: null criteria do not filter. */
export type AudienceQuery = NullableIn<Audience, 'channel' | 'topic' | 'language'>;

export const recipientsFromRegistry = (id: number, audience: AudienceQuery) =>
  answer(
    client.POST('/api/surveys/campaigns/{id}/recipients/from-registry', {
      params: { path: { id } },
      body: audience as Audience,
    }),
  );

export type CampaignAction = 'start' | 'pause' | 'resume' | 'stop';

export const act = (id: number, action: CampaignAction) => {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'start':
      return answer(client.POST('/api/surveys/campaigns/{id}/start', params));
    case 'pause':
      return answer(client.POST('/api/surveys/campaigns/{id}/pause', params));
    case 'resume':
      return answer(client.POST('/api/surveys/campaigns/{id}/resume', params));
    case 'stop':
      return answer(client.POST('/api/surveys/campaigns/{id}/stop', params));
  }
};

export const campaignProgress = (id: number) =>
  answer(client.GET('/api/surveys/campaigns/{id}/progress', { params: { path: { id } } }));

export const campaignResults = (id: number) =>
  answer(client.GET('/api/surveys/campaigns/{id}/results', { params: { path: { id } } }));

export const workbookHref = (id: number) => `/api/surveys/campaigns/${id}/campaign.xlsx`;

/** Issues single-use tokens: count anonymous ones, and one per recipient without one if asked. */
export const issueTokens = (id: number, count: number, forRecipients: boolean) =>
  answer(
    client.POST('/api/surveys/campaigns/{id}/web-tokens', {
      params: { path: { id } },
      body: { count, forRecipients },
    }),
  );

/** The campaign's tokens with their links (and recipients), to distribute. */
export const tokensHref = (id: number, format: 'csv' | 'xlsx') => `/api/surveys/campaigns/${id}/web-tokens.${format}`;

export const webCampaign = (token: string, lang: string) =>
  answer(client.GET('/api/public/campaigns/{token}', { params: { path: { token }, query: { lang } } }));

export const answerWebCampaign = (token: string, answers: Record<string, unknown>) =>
  answer(
    client.POST('/api/public/campaigns/{token}/answers', {
      params: { path: { token } },
      body: { answers: answers as Record<string, never> },
    }),
  );
