// The citizens' personal area (/api/citizen, SPID/CIE login): typed from the OpenAPI document.
import { answer, client, upload } from './client';
import type { components } from './openapi';

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

export const citizenSession = () => answer(client.GET('/api/citizen/session'));
export const citizenRequests = (page: number) =>
  answer(client.GET('/api/citizen/requests', { params: { query: { page, size: 10 } } }));
export const citizenRequest = (number: string) =>
  answer(client.GET('/api/citizen/requests/{number}', { params: { path: { number } } }));
export const citizenContacts = (page: number) =>
  answer(client.GET('/api/citizen/contacts', { params: { query: { page, size: 10 } } }));
export const citizenDocumentUrl = (number: string, id: number) =>
  `/api/citizen/requests/${encodeURIComponent(number)}/documents/${id}`;

export { csrfToken } from './client';

/** The citizen's reply with files. */
export const replyAsCitizen = (number: string, text: string, files: File[]) =>
  upload<{ resumed: boolean }>(`/api/citizen/requests/${encodeURIComponent(number)}/replies`, { text, files });

export type CitizenAppointment = Schemas['Appointment'];
/** The times agreed for calling the citizen back, the next first. */
export const citizenAppointments = () => answer(client.GET('/api/citizen/appointments'));
