// Links, merge and reclassification of tickets (/api/tickets/{number}/links, /merge,
// /classification and the bulk /api/tickets/merge), typed from the committed OpenAPI document.
import { answer, client } from '../client';
import type { components } from '../openapi';

type Schemas = components['schemas'];
/** A linked ticket; `merge` is absent when the two were only linked. */
export type TicketLink = Omit<Schemas['LinkResponse'], 'merge'> & { merge?: Schemas['LinkResponse']['merge'] | null };
export type BulkMergeItem = Omit<Schemas['BulkMergeItem'], 'status' | 'detail'> & {
  status?: number | null;
  detail?: string | null;
};
export type Reclassification = Partial<Omit<Schemas['ClassificationRequest'], 'reason'>> & { reason: string };

export const ticketLinks = (number: string): Promise<TicketLink[]> =>
  answer(client.GET('/api/tickets/{number}/links', { params: { path: { number } } }));
export const linkTickets = (number: string, other: string, kind: TicketLink['kind']): Promise<TicketLink[]> =>
  answer(client.POST('/api/tickets/{number}/links', { params: { path: { number } }, body: { other, kind } }));
export const unlinkTickets = (number: string, other: string) =>
  answer(client.DELETE('/api/tickets/{number}/links/{other}', { params: { path: { number, other } } }));
export const mergeTicket = (number: string, into: string) =>
  answer(client.POST('/api/tickets/{number}/merge', { params: { path: { number } }, body: { into } }));
export const mergeTickets = (into: string, numbers: string[]): Promise<{ into: string; results: BulkMergeItem[] }> =>
  answer(client.POST('/api/tickets/merge', { body: { into, numbers } }));
export const reclassify = (number: string, change: Reclassification) =>
  answer(
    client.POST('/api/tickets/{number}/classification', {
      params: { path: { number } },
      body: change as Schemas['ClassificationRequest'],
    }),
  );
