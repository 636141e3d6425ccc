import type { Me } from './api';

/** A place in the application and who may go there (the same roles the API lets in). */
interface Place {
  path: string;
  /** Key under `nav.` in the locales. */
  label: string;
  roles: readonly string[];
}

const INBOX_ROLES = [
  'LEVEL1',
  'LEVEL2',
  'LEVEL3',
  'SUPERVISOR',
  'OFFICE',
  'SECRETARIAT',
  'HEAD_OFFICE',
  'MANAGER',
  'KB_EDITOR',
  'KB_REVIEWER',
] as const;

const PLACES: readonly Place[] = [
  // the data protection officer's tasks: answering the data subjects' requests
  { path: '/inbox', label: 'inbox', roles: [...INBOX_ROLES, 'DPO'] },
  // search and views: the people who work tickets (the API scopes offices to theirs)
  { path: '/tickets', label: 'tickets', roles: ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR', 'OFFICE'] },
  { path: '/tickets/new', label: 'intake', roles: ['LEVEL1', 'LEVEL2'] },
  { path: '/supervisor', label: 'supervisor', roles: ['SUPERVISOR'] },
  {
    path: '/correspondence',
    label: 'correspondence',
    roles: ['SECRETARIAT', 'OFFICE', 'HEAD_OFFICE', 'MANAGER', 'SUPERVISOR'],
  },
  {
    path: '/complaints',
    label: 'complaints',
    roles: ['SECRETARIAT', 'OFFICE', 'HEAD_OFFICE', 'MANAGER', 'SUPERVISOR'],
  },
  {
    path: '/kb',
    label: 'kb',
    roles: [...INBOX_ROLES, 'ADMIN'],
  },
  { path: '/service-levels', label: 'serviceLevels', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN', 'AUDITOR'] },
  { path: '/activity', label: 'activity', roles: ['SUPERVISOR', 'MANAGER', 'ADMIN', 'AUDITOR'] },
  { path: '/procedures', label: 'procedures', roles: ['ANALYST', 'ADMIN'] },
  // the audit trail: the data protection officer and the customer's auditor (the API's roles)
  { path: '/audit', label: 'audit', roles: ['DPO', 'AUDITOR'] },
  // the data subject's rights: the data protection officer only (the API's role)
  { path: '/data-subjects', label: 'dataSubjects', roles: ['DPO'] },
  // who replies to requesters, and who manages the shared replies
  {
    path: '/canned-replies',
    label: 'cannedReplies',
    roles: ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR', 'KB_EDITOR', 'ADMIN'],
  },
  // retention: the dry run for the data protection officer and administrators (the API's roles)
  { path: '/retention', label: 'retention', roles: ['DPO', 'ADMIN'] },
  // users and rights: administrators
  { path: '/users', label: 'users', roles: ['ADMIN'] },
  // the notice board: the communication office and supervisors publish notices to citizens
  { path: '/notices', label: 'notices', roles: ['COMMUNICATIONS', 'SUPERVISOR'] },
  // the analysts' studio: drafts, checks and deployment under four eyes
  { path: '/studio', label: 'studio', roles: ['ANALYST'] },
  // questionnaires and the satisfaction survey: supervisors and managers (the API's roles)
  { path: '/surveys', label: 'surveys', roles: ['SUPERVISOR', 'MANAGER'] },
  // work distribution: policies, operators' presence and load, skills (the API's role)
  { path: '/distribution', label: 'distribution', roles: ['SUPERVISOR'] },
  // the chat console: the operators who answer citizens' chats
  { path: '/chats', label: 'chats', roles: ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR'] },
  // the staffing forecast: supervisors plan, managers read (the API's roles)
  { path: '/staffing', label: 'staffing', roles: ['SUPERVISOR', 'MANAGER'] },
  // samples of call recordings: supervisors and the customer's auditor (the API's roles)
  { path: '/recording-samples', label: 'recordingSamples', roles: ['SUPERVISOR', 'AUDITOR'] },
];

/**
 * Where each role starts its day, first match wins: supervisors on the live board, people who work
 * tasks on their inbox, managers, auditors and administrators on the service levels, knowledge-base
 * staff on the articles, analysts on the procedures.
 */
const LANDINGS: readonly { roles: readonly string[]; path: string }[] = [
  { roles: ['SUPERVISOR'], path: '/supervisor' },
  { roles: ['LEVEL1', 'LEVEL2', 'LEVEL3', 'OFFICE', 'SECRETARIAT', 'HEAD_OFFICE'], path: '/inbox' },
  { roles: ['MANAGER', 'AUDITOR', 'ADMIN'], path: '/service-levels' },
  { roles: ['KB_EDITOR', 'KB_REVIEWER'], path: '/kb' },
  { roles: ['ANALYST'], path: '/procedures' },
  { roles: ['DPO'], path: '/audit' },
  { roles: ['COMMUNICATIONS'], path: '/notices' },
];

/** The page for an account with no place in the application (an external system's). */
export const NO_WORKSPACE = '/no-workspace';

const has = (user: Me, roles: readonly string[]) => roles.some((role) => user.roles.includes(role));

/** The tabs the user sees, in order: only what their roles may use. */
export function tabsFor(user: Me): { path: string; label: string }[] {
  return PLACES.filter((place) => has(user, place.roles)).map(({ path, label }) => ({ path, label }));
}

/** May the user open this place? */
export function mayOpen(user: Me, path: string): boolean {
  const place = PLACES.find((each) => each.path === path);
  return place !== undefined && has(user, place.roles);
}

/** Where the user lands after logging in, or on the application's root. */
export function landingFor(user: Me): string {
  return LANDINGS.find((landing) => has(user, landing.roles))?.path ?? NO_WORKSPACE;
}

/** May the user read a requester's contact history (the API's `/api/contacts`)? */
export function mayReadContacts(user: Me): boolean {
  return has(user, ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR']);
}

/** May the user edit a requester's details (the API's `PUT /api/contacts/{id}`)? */
export function mayEditContacts(user: Me): boolean {
  return has(user, ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR']);
}

/** May the user merge duplicate requesters (the API's `POST /api/contacts/{id}/merges`)? */
export function mayMergeContacts(user: Me): boolean {
  return has(user, ['LEVEL2', 'LEVEL3', 'SUPERVISOR']);
}

/** May the user list tickets (the API's `GET /api/tickets`)? */
export function mayListTickets(user: Me): boolean {
  return has(user, ['LEVEL1', 'LEVEL2', 'LEVEL3', 'SUPERVISOR', 'OFFICE']);
}
