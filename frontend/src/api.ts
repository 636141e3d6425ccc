// The backend's /api, as the web application uses it. Times are ISO-8601 strings.

export interface Me {
  userId: string;
  groups: string[];
  roles: string[];
}

export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'PAUSED' | 'MET' | 'MISSED';

export interface InboxRow {
  taskId: string;
  taskName: string;
  taskKey: string;
  assignee?: string;
  createdAt: string;
  dueAt?: string;
  number: string;
  type?: string;
  channel?: string;
  language?: string;
  subject?: string;
  requesterName?: string;
  queue?: string;
  priority?: number;
  status?: string;
  currentLevel: number;
  slaState?: SlaState;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export interface WorkItem {
  id: string;
  name: string;
  taskKey: string;
  processKey: string;
  businessKey: string;
  assignee?: string;
  createdAt: string;
  dueAt?: string;
}

export interface TicketStep {
  at: string;
  kind: string;
  actor?: string;
  level?: number;
  queue?: string;
  office?: string;
  detail?: string;
}

export interface Ticket {
  number: string;
  status: string;
  type: string;
  channel: string;
  subject: string;
  description: string;
  language: string;
  queue?: string;
  priority?: number;
  currentLevel: number;
  requester?: { id: number; kind: string; name?: string; fiscalCode?: string; vatNumber?: string; email?: string; phone?: string };
  receivedAt: string;
  sla: {
    policy?: string;
    takeInChargeDueAt?: string;
    resolutionDueAt?: string;
    takeInChargeState?: SlaState;
    resolutionState?: SlaState;
    paused: boolean;
  };
  answer?: string;
  history?: TicketStep[];
}

export interface Interaction {
  id: number;
  occurredAt: string;
  channel: string;
  direction: string;
  kind: string;
  ticketNumber?: string;
  summary: string;
}

export interface FieldError {
  field: string;
  message: string;
}

/** An answer other than 2xx, with its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

function xsrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith('SPORTELLO-XSRF-TOKEN='))
    ?.substring('SPORTELLO-XSRF-TOKEN='.length);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    // no Basic challenge (and no browser login dialog) for the web application's calls
    'X-Requested-With': 'XMLHttpRequest',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = xsrfToken();
  if (token && method !== 'GET') headers['X-XSRF-TOKEN'] = decodeURIComponent(token);
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(response.status, problem.detail ?? response.statusText, problem.errors ?? []);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const login = (username: string, password: string) =>
  api<Me>('POST', '/api/session', { username, password });
export const logout = () => api<void>('DELETE', '/api/session');
export const me = () => api<Me>('GET', '/api/me');
export interface InboxFilters {
  queue?: string;
  type?: string;
  channel?: string;
  language?: string;
  number?: string;
}

export const inbox = (page: number, filters: InboxFilters = {}) => {
  const query = new URLSearchParams({ page: String(page), size: '25' });
  Object.entries(filters).forEach(([key, value]) => value && query.set(key, value));
  return api<Page<InboxRow>>('GET', `/api/inbox?${query.toString()}`);
};
export const task = (id: string) => api<WorkItem>('GET', `/api/tasks/${id}`);
export const taskForm = (id: string) => api<unknown>('GET', `/api/tasks/${id}/form`);
export const claim = (id: string) => api<WorkItem>('POST', `/api/tasks/${id}/claim`);
export const unclaim = (id: string) => api<void>('POST', `/api/tasks/${id}/unclaim`);
export const complete = (id: string, form: Record<string, unknown>) =>
  api<void>('POST', `/api/tasks/${id}/complete`, form);
export const ticket = (number: string) => api<Ticket>('GET', `/api/tickets/${number}`);
export const history = (contactId: number) =>
  api<Page<Interaction>>('GET', `/api/contacts/${contactId}/history?size=20`);

export interface QueueFigures {
  queue: string;
  nameIt: string;
  nameEn: string;
  waiting: number;
  inProgress: number;
  oldestWaitingSince?: string;
  atRisk: number;
  breached: number;
}

export interface Overview {
  queues: QueueFigures[];
  tasksPerOperator: Record<string, number>;
  assigned: InboxRow[];
}

export const overview = () => api<Overview>('GET', '/api/supervisor/overview');
export const assign = (taskId: string, userId: string) =>
  api<void>('POST', `/api/tasks/${taskId}/assign`, { userId });

export interface Contact {
  id: number;
  kind: string;
  name?: string;
  fiscalCode?: string;
  vatNumber?: string;
  email?: string;
  phone?: string;
}

export interface OpenTicket {
  channel: string;
  type: string;
  subject: string;
  description: string;
  language: string;
  requester: { fiscalCode?: string; name?: string; email?: string; phone?: string };
  category?: { topic: string; reason?: string };
  firstContactAnswer?: string;
}

export const findContacts = (query: Record<string, string>) =>
  api<Contact[]>('GET', `/api/contacts?${new URLSearchParams(query).toString()}`);
export const openTicket = (request: OpenTicket) => api<Ticket>('POST', '/api/tickets', request);
export const tasksOf = (number: string) =>
  api<Page<WorkItem>>('GET', `/api/tasks?businessKey=${encodeURIComponent(number)}`);
