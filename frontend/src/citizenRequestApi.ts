import { ApiError, api } from './api';
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
}
export type RequestReceipt = Schemas['ReceiptResponse'];
export type TrackedRequest = Schemas['TrackedRequest'];
/** One level of the classification tree (the schema name "Category" is shared by two records). */
export interface PublicCategory {
  id: number;
  parentId?: number | null;
  code: string;
  name: string;
  depth: number;
}

export const requestChallenge = () => api<FormChallenge>('GET', '/api/public/requests/challenge');
export const sendRequest = (request: CitizenRequest) => api<RequestReceipt>('POST', '/api/public/requests', request);
export const trackRequest = (token: string) =>
  api<TrackedRequest>('GET', `/api/public/requests/${encodeURIComponent(token)}`);
export const recordDeflection = (articleId: number, subject: string) =>
  api<void>('POST', '/api/public/requests/deflections', { articleId, subject });
export const publicCategories = (parent?: number) =>
  api<PublicCategory[]>('GET', `/api/public/kb/categories${parent ? `?parent=${parent}` : ''}`);

/** Attaches a file to a request by its tracking token (multipart). */
export async function attachToRequest(token: string, file: File): Promise<void> {
  const body = new FormData();
  body.append('file', file);
  const response = await fetch(`/api/public/requests/${encodeURIComponent(token)}/documents`, {
    method: 'POST',
    headers: xsrfHeaders(),
    credentials: 'same-origin',
    body,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail ?? response.statusText, problem.errors ?? []);
  }
}

/** The CSRF header when the browser holds a session (a staff member trying the form). */
function xsrfHeaders(): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const cookie = document.cookie.split('; ').find((each) => each.startsWith('SPORTELLO-XSRF-TOKEN='));
  if (cookie) headers['X-XSRF-TOKEN'] = decodeURIComponent(cookie.substring('SPORTELLO-XSRF-TOKEN='.length));
  return headers;
}
