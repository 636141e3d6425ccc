// The citizens' personal area (/api/citizen, SPID/CIE login): typed from the OpenAPI document.
import { api, ApiError } from './api';
import type { components } from './openapi';
import i18n from './i18n';

type Schemas = components['schemas'];
export type CitizenSession = Schemas['CitizenSession'];
export type CitizenProfile = Schemas['CitizenProfile'];
export type CitizenRequest = Schemas['CitizenRequestSummary'];
export type CitizenRequestDetail = Schemas['CitizenRequestDetail'];
export type CitizenContact = Schemas['CitizenContactEntry'];
export interface CitizenPage<T> {
  items: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export const citizenSession = () => api<CitizenSession>('GET', '/api/citizen/session');
export const citizenRequests = (page: number) =>
  api<CitizenPage<CitizenRequest>>('GET', `/api/citizen/requests?page=${page}&size=10`);
export const citizenRequest = (number: string) =>
  api<CitizenRequestDetail>('GET', `/api/citizen/requests/${encodeURIComponent(number)}`);
export const citizenContacts = (page: number) =>
  api<CitizenPage<CitizenContact>>('GET', `/api/citizen/contacts?page=${page}&size=10`);
export const citizenDocumentUrl = (number: string, id: number) =>
  `/api/citizen/requests/${encodeURIComponent(number)}/documents/${id}`;

/** The CSRF token the server handed the browser (a cookie), for forms and multipart calls. */
export function csrfToken(): string {
  const cookie = document.cookie.split('; ').find((each) => each.startsWith('SPORTELLO-XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('SPORTELLO-XSRF-TOKEN='.length)) : '';
}

/** The citizen's reply with files (multipart: not through {@link api}, same headers). */
export async function replyAsCitizen(number: string, text: string, files: File[]): Promise<{ resumed: boolean }> {
  const body = new FormData();
  body.append('text', text);
  files.forEach((file) => body.append('files', file));
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': i18n.language,
  };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch(`/api/citizen/requests/${encodeURIComponent(number)}/replies`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail ?? response.statusText, problem.errors ?? []);
  }
  return (await response.json()) as { resumed: boolean };
}
