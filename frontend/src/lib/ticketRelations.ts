// Links, merge and reclassification of tickets (/api/tickets/{number}/links, /merge,
// /classification and the bulk /api/tickets/merge), typed from the committed OpenAPI document.
import { api } from '../api';
import type { components } from '../openapi';

type Schemas = components['schemas'];
/** A linked ticket; `merge` is absent when the two were only linked. */
export type TicketLink = Omit<Schemas['LinkResponse'], 'merge'> & { merge?: Schemas['LinkResponse']['merge'] | null };
export type BulkMergeItem = Omit<Schemas['BulkMergeItem'], 'status' | 'detail'> & { status?: number | null; detail?: string | null };
export type Reclassification = Partial<Omit<Schemas['ClassificationRequest'], 'reason'>> & { reason: string };

export const ticketLinks = (number: string) => api<TicketLink[]>('GET', `/api/tickets/${number}/links`);
export const linkTickets = (number: string, other: string, kind: TicketLink['kind']) =>
  api<TicketLink[]>('POST', `/api/tickets/${number}/links`, { other, kind });
export const unlinkTickets = (number: string, other: string) =>
  api<void>('DELETE', `/api/tickets/${number}/links/${other}`);
export const mergeTicket = (number: string, into: string) =>
  api<Schemas['MergeResponse']>('POST', `/api/tickets/${number}/merge`, { into });
export const mergeTickets = (into: string, numbers: string[]) =>
  api<{ into: string; results: BulkMergeItem[] }>('POST', '/api/tickets/merge', { into, numbers });
export const reclassify = (number: string, change: Reclassification) =>
  api<Schemas['ClassificationResponse']>('POST', `/api/tickets/${number}/classification`, change);
