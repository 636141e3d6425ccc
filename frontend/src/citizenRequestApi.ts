import { answer, client, upload, type NullableIn } from './client';
import type { components } from './openapi';

/** The citizens' request form and tracking (no login): `/api/public/requests`, typed from the OpenAPI document. */
type Schemas = components['schemas'];
export type FormChallenge = Schemas['ChallengeResponse'];
export type AnswerChannel = Schemas['WebRequestForm']['answerChannel'];
/** The form's body (optional fields optional: the generated type makes every field required). */
export interface CitizenRequest {
  topic: string;
  reason: string;
  subject: string;
  description: string;
  language: string;
  answerChannel: AnswerChannel;
  requester: { name: string; email: string; phone?: string; fiscalCode?: string };
  context: { page?: string; errorCode?: string; service?: string };
  privacyConsent: boolean;
  challenge: string;
  website: string;
  /** With answerChannel PHONE: the chosen call-back slot (an instant), if any. */
  callbackAt?: string;
}
export type RequestReceipt = Schemas['ReceiptResponse'];
export type TrackedRequest = Schemas['TrackedRequest'];
/** One level of the classification tree (a topic has no parent). */
export type PublicCategory = NullableIn<Schemas['KbCategory'], 'parentId'>;

export const requestChallenge = () => answer(client.GET('/api/public/requests/challenge'));
export const sendRequest = (request: CitizenRequest) =>
  answer(client.POST('/api/public/requests', { body: request as Schemas['WebRequestForm'] }));
export const trackRequest = (trackingToken: string) =>
  answer(client.GET('/api/public/requests/{trackingToken}', { params: { path: { trackingToken } } }));
export const recordDeflection = (articleId: number, subject: string) =>
  answer(client.POST('/api/public/requests/deflections', { body: { articleId, subject } }));
export const publicCategories = (parent?: number) =>
  answer(client.GET('/api/public/kb/categories', { params: { query: { parent } } })) as Promise<PublicCategory[]>;

/** Attaches a file to a request by its tracking token. */
export const attachToRequest = (token: string, file: File) =>
  upload<void>(`/api/public/requests/${encodeURIComponent(token)}/documents`, { file });

export type CallbackSlots = Schemas['CallbackSlotList'];
/** The half hours a citizen can choose for the call-back, with the calendar's zone. */
export const callbackSlots = () => answer(client.GET('/api/public/requests/callback-slots'));
