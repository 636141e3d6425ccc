// The notice board (staff: /api/notices; everybody: /api/public/notices) and the citizens'
// reminders (/api/citizen/reminders): typed from the OpenAPI document.
import { api } from './api';
import { answer, client } from './client';
import type { components } from './openapi';

type Schemas = components['schemas'];
export type Notice = Schemas['Notice'];
/** What staff write: topic (none: every topic), end of validity and deadline are optional. */
export type NoticeDraft = Omit<Schemas['NoticeDraft'], 'topic' | 'validTo' | 'deadline'> &
  Partial<Pick<Schemas['NoticeDraft'], 'topic' | 'validTo' | 'deadline'>>;
export type PublicNotice = Schemas['PublicNotice'];
export type ReminderSubscription = Schemas['Subscription'];
export type ReminderSettings = Schemas['ReminderSettings'];

/** The languages of a notice's texts; Italian is required, the others fall back to it. */
export const NOTICE_LANGUAGES = ['it', 'en', 'de', 'fr'] as const;

export const notices = () => api<Notice[]>('GET', '/api/notices');
export const createNotice = (draft: NoticeDraft) => api<Notice>('POST', '/api/notices', draft);
export const updateNotice = (id: number, draft: NoticeDraft) => api<Notice>('PUT', `/api/notices/${id}`, draft);
export const publishNotice = (id: number) => api<Notice>('POST', `/api/notices/${id}/publish`);
export const withdrawNotice = (id: number) => api<Notice>('POST', `/api/notices/${id}/withdraw`);

export function currentNotices(
  language: string,
  options: { topic?: string; audience?: 'CITIZENS' | 'BUSINESSES' } = {},
) {
  const query = new URLSearchParams({ language });
  if (options.topic) query.set('topic', options.topic);
  if (options.audience) query.set('audience', options.audience);
  return api<PublicNotice[]>('GET', `/api/public/notices?${query}`);
}

export const reminderSubscriptions = () => api<ReminderSubscription[]>('GET', '/api/citizen/reminders');
export const subscribeAnswersDue = (settings: ReminderSettings) =>
  api<ReminderSubscription>('PUT', '/api/citizen/reminders/answers-due', settings);
export const unsubscribeAnswersDue = () => api<void>('DELETE', '/api/citizen/reminders/answers-due');
export const subscribeNotice = (noticeId: number, settings: ReminderSettings) =>
  api<ReminderSubscription>('PUT', `/api/citizen/reminders/notices/${noticeId}`, settings);
export const unsubscribeNotice = (noticeId: number) =>
  api<void>('DELETE', `/api/citizen/reminders/notices/${noticeId}`);
export const subscribeAppointments = (settings: ReminderSettings) =>
  answer(client.PUT('/api/citizen/reminders/appointments', { body: settings }));
export const unsubscribeAppointments = () => answer(client.DELETE('/api/citizen/reminders/appointments'));
/** Confirms a typed address with the token of the link mailed to it. */
export const confirmReminderEmail = (token: string) =>
  answer(client.POST('/api/citizen/reminders/confirmations', { body: { token } }));
