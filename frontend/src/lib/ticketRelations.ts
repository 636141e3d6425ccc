// Links, merge and reclassification of tickets (/api/tickets/{number}/links, /merge,
// /classification and the bulk /api/tickets/merge).
import { api } from '../api';

export interface TicketLink {
  number: string;
  kind: 'RELATED' | 'DUPLICATE';
  merge?: 'MERGED_INTO' | 'MERGED_IN' | null;
  subject: string;
  status: string;
  receivedAt: string;
  createdBy: string;
  createdAt: string;
}

export interface BulkMergeItem {
  number: string;
  result: 'MERGED' | 'ALREADY_MERGED' | 'FAILED';
  status?: number | null;
  detail?: string | null;
}

export interface Reclassification {
  queue?: string;
  type?: string;
  priority?: number;
  category?: string;
  reason: string;
}

export const ticketLinks = (number: string) => api<TicketLink[]>('GET', `/api/tickets/${number}/links`);
export const linkTickets = (number: string, other: string, kind: TicketLink['kind']) =>
  api<TicketLink[]>('POST', `/api/tickets/${number}/links`, { other, kind });
export const unlinkTickets = (number: string, other: string) =>
  api<void>('DELETE', `/api/tickets/${number}/links/${other}`);
export const mergeTicket = (number: string, into: string) =>
  api<{ number: string; into: string; replayed: boolean }>('POST', `/api/tickets/${number}/merge`, { into });
export const mergeTickets = (into: string, numbers: string[]) =>
  api<{ into: string; results: BulkMergeItem[] }>('POST', '/api/tickets/merge', { into, numbers });
export const reclassify = (number: string, change: Reclassification) =>
  api<{ number: string; changed: string[]; deadlinesMoved: boolean }>(
    'POST',
    `/api/tickets/${number}/classification`,
    change,
  );
