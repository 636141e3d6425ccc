// The notice board (staff: /api/notices; everybody: /api/public/notices) and the citizens'
// reminders (/api/citizen/reminders): typed from the OpenAPI document.
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

const notice = (id: number) => ({ params: { path: { id } } });
const subscription = (noticeId: number) => ({ params: { path: { noticeId } } });

export const notices = () => answer(client.GET('/api/notices'));
export const createNotice = (draft: NoticeDraft) =>
  answer(client.POST('/api/notices', { body: draft as Schemas['NoticeDraft'] }));
export const updateNotice = (id: number, draft: NoticeDraft) =>
  answer(client.PUT('/api/notices/{id}', { ...notice(id), body: draft as Schemas['NoticeDraft'] }));
export const publishNotice = (id: number) => answer(client.POST('/api/notices/{id}/publish', notice(id)));
export const withdrawNotice = (id: number) => answer(client.POST('/api/notices/{id}/withdraw', notice(id)));

export const currentNotices = (
  language: string,
  options: { topic?: string; audience?: 'CITIZENS' | 'BUSINESSES' } = {},
) => answer(client.GET('/api/public/notices', { params: { query: { language, ...options } } }));

export const reminderSubscriptions = () => answer(client.GET('/api/citizen/reminders'));
export const subscribeAnswersDue = (settings: ReminderSettings) =>
  answer(client.PUT('/api/citizen/reminders/answers-due', { body: settings }));
export const unsubscribeAnswersDue = () => answer(client.DELETE('/api/citizen/reminders/answers-due'));
export const subscribeNotice = (noticeId: number, settings: ReminderSettings) =>
  answer(client.PUT('/api/citizen/reminders/notices/{noticeId}', { ...subscription(noticeId), body: settings }));
export const unsubscribeNotice = (noticeId: number) =>
  answer(client.DELETE('/api/citizen/reminders/notices/{noticeId}', subscription(noticeId)));
export const subscribeAppointments = (settings: ReminderSettings) =>
  answer(client.PUT('/api/citizen/reminders/appointments', { body: settings }));
export const unsubscribeAppointments = () => answer(client.DELETE('/api/citizen/reminders/appointments'));
/** Confirms a typed address with the token of the link mailed to it. */
export const confirmReminderEmail = (token: string) =>
  answer(client.POST('/api/citizen/reminders/confirmations', { body: { token } }));
