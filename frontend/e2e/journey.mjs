// The operators' main journey in a real browser (Debian's Chromium, driven by playwright-core):
// the supervisor sees an agent's state reported by the telephony platform; level 1 sees a new ticket,
// takes it, escalates it through its form; level 2 resolves it; the ticket is closed. Every page is
// scanned with axe-core (WCAG 2.1 A/AA): a serious or critical violation fails.
// Usage: node e2e/journey.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { apiAs, browserLocale, checkPage, fillLogin, inboxRow, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: journey.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const t = locale(language);
const text = {
  intake: t('nav.intake'),
  search: t('intake.search'),
  subject: t('intake.subject'),
  description: t('intake.description'),
  given: t('intake.answer'),
  solveNow: t('intake.solve'),
  solvedNow: t.like('intake.solved'),
  supervision: t('nav.supervisor'),
  refresh: t('inbox.refresh'),
  loginTitle: t('login.title'),
  login: t('login.submit'),
  provider: t('login.withProvider', { name: "Identità dell'ente" }),
  inbox: t('inbox.title'),
  inboxTab: t('nav.inbox'),
  claim: t('inbox.claim'),
  complete: t('task.complete'),
  escalate: t('forms.ticket-level1.level1Decision.values.ESCALATE'),
  solved: t('forms.ticket-level2.level2Decision.values.SOLVE'),
  answer: t('forms.ticket-level1.answer.label'),
  activity: t('nav.activity'),
  activityTitle: t('activity.title'),
  serviceLevels: t('nav.serviceLevels'),
  byHour: t('activity.byHour'),
  popIntake: t('phone.pop.openIntake'),
  fromCall: t.like('phone.intakeFromCall', { phone: '+390677770001' }),
  protocol: t('nav.correspondence'),
  newLetter: t('correspondence.new'),
  letterSubject: t('correspondence.subject'),
  correspondent: t('correspondence.correspondentName'),
  correspondentEmail: t('correspondence.correspondentEmail'),
  letterText: t('correspondence.text'),
  registerLetter: t('correspondence.register'),
  answerReady: t('forms.letter-draft.draftDecision.values.SUBMIT'),
  answerText: t('forms.letter-draft.answerText.label'),
  approve: t('forms.approval-decision.approvalDecision.values.APPROVE'),
  timeline: t('caseFile.timeline'),
  paused: t('agentBoard.state.PAUSED'),
  suggestions: t('kbSuggest.title'),
  insertAnswer: t.like('kbSuggest.insertLabel'),
  replyText: t.like('reply.label'),
  kbQuery: t('kb.query'),
};

/** Today (YYYY-MM-DD) in a zone: the service calendar's, not the machine's or UTC. */
function calendarDate(zone) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type) => parts.find((each) => each.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const apiCall = apiAs(baseUrl);

/** A call event from the telephony platform, signed as the CTI webhook wants it. */
async function ctiEvent(event) {
  const secret = process.env.SPORTELLO_PHONE_WEBHOOK_SECRET;
  assert.ok(secret, 'SPORTELLO_PHONE_WEBHOOK_SECRET is needed for the screen pop');
  const body = JSON.stringify(event);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const response = await fetch(baseUrl + '/api/phone/events', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Sportello-Timestamp': timestamp,
      'X-Sportello-Signature': `sha256=${signature}`,
    },
    body,
  });
  assert.equal(response.status, 202, `CTI event refused: ${await response.text()}`);
}

/** Offers calls to the operator until the screen pop shows (the page subscribes to its stream after loading). */
async function screenPop(page, user) {
  const dialog = page.getByRole('dialog');
  for (let attempt = 0; attempt < 15; attempt++) {
    const id = `journey-${language}-${Date.now()}-${attempt}`;
    await ctiEvent({
      eventId: id,
      kind: 'CALL_OFFERED',
      callId: id,
      occurredAt: new Date(Date.now() - 15_000).toISOString(),
      queue: 'general',
      callerNumber: '+390677770001',
      agent: user,
    });
    try {
      await dialog.waitFor({ timeout: 2_000 });
      return dialog;
    } catch {
      // not subscribed yet: offer another call
    }
  }
  throw new Error('no screen pop');
}

const browser = await launch();
let step = 0;
const violations = [];

async function check(page, name) {
  await checkPage(page, `${shots}/${language}-${String(++step).padStart(2, '0')}-${name}.png`, name, violations);
}

async function logIn(user) {
  const context = await browser.newContext({ locale: browserLocale(language) });
  const page = await context.newPage();
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.loginTitle }).waitFor();
  // the tests' identity provider is configured: the login page offers it besides the password
  await page.getByRole('link', { name: text.provider }).waitFor();
  await check(page, `login-${user}`);
  await fillLogin(page, user, text.login);
  // each role lands on what it works on (frontend/src/navigation.ts)
  const landing = { supervisor: '/supervisor', manager1: '/service-levels' }[user] ?? '/inbox';
  await page.waitForURL((url) => url.pathname === landing);
  if (landing === '/inbox') await page.getByRole('heading', { name: text.inbox }).waitFor();
  return { context, page };
}

/** The inbox through its tab, for the roles that land elsewhere. */
async function openInbox(page) {
  await page.getByRole('link', { name: text.inboxTab, exact: true }).click();
  await page.getByRole('heading', { name: text.inbox }).waitFor();
}

/** The inbox shows only the tasks of one ticket or letter: other tests' tickets may fill its first pages. */
async function filterInbox(page, number) {
  await page.locator('#filter-number').fill(number);
  await page.locator('#filter-number').press('Enter');
}

async function openTicketTask(page, number, user) {
  const row = await inboxRow(page, number);
  await check(page, `inbox-${user}`);
  return row;
}

async function completeWith(page, decision, fields, name, exact = false) {
  await page.getByLabel(decision, { exact }).check();
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await check(page, name);
  await page.getByRole('button', { name: text.complete }).click();
  await page.getByRole('heading', { name: text.inbox }).waitFor();
}

const waitingCell = (page) => page.locator('tr[data-queue="general"] td[data-figure="waiting"]');

async function waitingInGeneral(page) {
  await waitingCell(page).waitFor();
  return Number(await waitingCell(page).textContent());
}

/** Refreshes the supervisor's page until the general queue shows `expected` waiting tickets (10 s at most). */
async function expectWaiting(page, expected, message) {
  let seen;
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.getByRole('button', { name: text.refresh }).click();
    await page.waitForTimeout(500);
    seen = await waitingInGeneral(page);
    if (seen === expected) return;
  }
  assert.equal(seen, expected, message);
}

/** Refreshes the supervisor's page until the agent shows in the expected state (10 s at most). */
async function expectAgentState(page, agent, expected) {
  const cell = page.locator(`tr[data-agent="${agent}"] td[data-figure="state"]`);
  let seen;
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.getByRole('button', { name: text.refresh }).click();
    await page.waitForTimeout(500);
    seen = (await cell.count()) > 0 ? (await cell.textContent()).trim() : undefined;
    if (seen === expected) return;
  }
  assert.equal(seen, expected, `the supervisor sees ${agent} ${expected}`);
}

try {
  const supervisor = await logIn('supervisor');
  await supervisor.page.getByRole('link', { name: text.supervision }).click();
  await supervisor.page.getByRole('heading', { name: text.supervision, level: 1 }).waitFor();
  const waitingBefore = await waitingInGeneral(supervisor.page);
  // the telephony platform reports an agent paused: the agents-by-state tiles and table show it
  const agent = `journey-agent-${language}`;
  await ctiEvent({
    eventId: `${agent}-${Date.now()}`,
    kind: 'AGENT_STATE',
    occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    agent,
    agentState: 'PAUSED',
    queue: 'general',
  });
  await expectAgentState(supervisor.page, agent, text.paused);
  assert.ok(
    Number(await supervisor.page.locator('[data-agent-state="PAUSED"]').textContent()) >= 1,
    'the paused tile counts the agent',
  );
  await check(supervisor.page, 'supervisor-before');

  const opened = await apiCall('POST', '/api/tickets', 'api-client', {
    channel: 'WEB',
    subject: `Pagamento TARI con pagoPA (journey ${language})`,
    language: 'it',
    description: 'Il pagamento PagoPA risulta non registrato.',
    requester: { fiscalCode: 'BRWJRN80A01H501Z', name: 'Giulia Neri', email: 'giulia.neri@example.it' },
  });
  const number = opened.number;
  await expectWaiting(supervisor.page, waitingBefore + 1, 'the supervisor sees the new ticket waiting');

  const first = await logIn('operator1');
  // a call is offered to the operator: the screen pops, and one click opens the intake form for the caller
  const pop = await screenPop(first.page, 'operator1');
  await check(first.page, 'screen-pop');
  await pop.getByRole('button', { name: text.popIntake }).click();
  await first.page.getByText(text.fromCall).waitFor();
  assert.equal(await first.page.locator('#intake-identifier').inputValue(), '+390677770001');
  // a phone call solved at once (one-call solution)
  await first.page.getByRole('link', { name: text.intake }).click();
  await first.page.locator('#intake-identifier').fill('BRWJRN80A01H501Z');
  await first.page.getByRole('button', { name: text.search }).click();
  await first.page.getByLabel(text.subject, { exact: true }).fill('Orari dello sportello');
  await first.page.getByLabel(text.description, { exact: true }).fill('Chiede gli orari di apertura.');
  await first.page.getByLabel(text.given).fill('Dal lunedì al venerdì, 8:30-12:30.');
  await first.page.getByRole('button', { name: text.solveNow }).click();
  await first.page.getByText(text.solvedNow).waitFor();
  await check(first.page, 'intake-solved');
  await openInbox(first.page);
  const row = await openTicketTask(first.page, number, 'operator1');
  await row.getByRole('button', { name: new RegExp(text.claim) }).click();
  await row.locator('text=operator1').or(row.getByRole('button')).first().waitFor();
  // level 2 is looking at its inbox: the escalated ticket must appear there by itself (server-sent events)
  const second = await logIn('operator2');
  await filterInbox(second.page, number);
  await row.getByRole('link', { name: new RegExp(number) }).click();
  await first.page.getByRole('heading', { name: new RegExp(number) }).waitFor();
  await completeWith(first.page, text.escalate, {}, 'level1-form');
  await second.page.locator(`tr[data-ticket="${number}"]`).waitFor({ timeout: 15_000 });
  assert.equal((await apiCall('GET', `/api/tickets/${number}`, 'supervisor')).currentLevel, 2);
  await expectWaiting(supervisor.page, waitingBefore, 'taken in charge: no longer waiting');
  await check(supervisor.page, 'supervisor-after');
  // the activity dashboard: its tiles say what the report API says, its charts are drawn
  await supervisor.page.getByRole('link', { name: text.activity, exact: true }).click();
  await supervisor.page.getByRole('heading', { name: text.activityTitle, level: 1 }).waitFor();
  const received = supervisor.page.locator('[data-tile="received"]');
  await received.waitFor();
  // the page's period is this month on the service calendar (Europe/Rome), whatever the machine's zone:
  // the API is asked for the same days, and the tickets just opened must be in them at any hour
  const from = await supervisor.page.locator('#activity-from').inputValue();
  const to = await supervisor.page.locator('#activity-to').inputValue();
  const { zone } = await apiCall('GET', '/api/me', 'supervisor');
  assert.equal(to, calendarDate(zone), 'the page counts days on the service calendar');
  const activity = await apiCall('GET', `/api/reports/activity?from=${from}&to=${to}`, 'supervisor');
  assert.ok(activity.received >= 1, "the journey's tickets are in this month");
  assert.equal(Number((await received.textContent()).replace(/\D/g, '')), activity.received);
  const hours = supervisor.page.getByRole('figure', { name: text.byHour });
  await hours.locator('.recharts-bar-rectangle').first().waitFor();
  await check(supervisor.page, 'activity');
  // the contract's service levels: the page shows the report API's figures; the calls behind the
  // free-line figure (the screen-pop call counts) open below the table
  await supervisor.page.getByRole('link', { name: text.serviceLevels, exact: true }).click();
  const lineFree = supervisor.page.locator('tr[data-sla="SLA.C.1"]');
  await lineFree.waitFor();
  const report = await apiCall('GET', '/api/reports/sla', 'supervisor');
  const c1 = report.slas.find((sla) => sla.code === 'SLA.C.1');
  assert.ok(c1.met >= 1, 'the screen-pop call found a free line');
  assert.equal(Number(await lineFree.locator('[data-figure="MET"]').textContent()), c1.met);
  await lineFree.locator('[data-figure="MET"] button').click();
  await supervisor.page.locator('#sla-detail-rows tbody tr').first().waitFor();
  await check(supervisor.page, 'service-levels');
  await supervisor.context.close();
  await first.context.close();

  const row2 = await openTicketTask(second.page, number, 'operator2');
  await row2.getByRole('link', { name: new RegExp(number) }).click();
  await second.page.getByRole('heading', { name: new RegExp(number) }).waitFor();
  // the knowledge base beside the ticket: an article suggested for its subject and description, its
  // answer inserted into the reply with one click, recorded as a use that teaches the article
  await second.page.getByRole('heading', { name: text.suggestions }).waitFor();
  const suggestion = second.page.locator('[data-suggestion]').first();
  await suggestion.waitFor({ timeout: 15_000 });
  const articleId = await suggestion.getAttribute('data-suggestion');
  await suggestion.getByRole('button', { name: text.insertAnswer }).click();
  await second.page.getByText(/inserito nella risposta|inserted into the reply/).waitFor();
  assert.match(await second.page.getByLabel(text.replyText).inputValue(), /\S/, 'the answer is in the reply box');
  const learned = await apiCall('GET', `/api/kb/articles/${articleId}/learned`, 'kbeditor');
  assert.ok(
    learned.some((entry) => entry.ticketNumber === number),
    'the article learned the ticket',
  );
  assert.ok(
    learned.every((entry) => !/neri|giulia/i.test(entry.text)),
    "without the requester's name",
  );
  await check(second.page, 'ticket-suggestions');
  // one reply box: with "Solved" its text is the answer sent when the task is completed
  await second.page.getByLabel(text.replyText).fill('Il pagamento è stato registrato oggi.');
  await completeWith(second.page, text.solved, {}, 'level2-form');
  await check(second.page, 'inbox-after');
  await second.context.close();

  // a citizen reads an article in self-service: Markdown rendered, the article's title in the page title
  const citizenContext = await browser.newContext({ locale: browserLocale(language) });
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${baseUrl}/self-service/kb/${articleId}`);
  const articleHeading = citizen.locator('article h1');
  await citizen.locator('article strong').first().waitFor();
  const articleTitle = (await articleHeading.textContent()).trim();
  assert.ok((await citizen.title()).startsWith(articleTitle), 'the page is named after the article');
  assert.ok(!(await citizen.locator('article').textContent()).includes('**'), 'no raw Markdown');
  await check(citizen, 'kb-article');
  await citizenContext.close();

  // a letter: the secretariat registers it, the office drafts the answer, the head of office reviews
  // it and the manager signs it, each through their task's form (sending runs as a job: CorrespondenceIT)
  const secretariat = await logIn('secretariat1');
  await secretariat.page.getByRole('link', { name: text.protocol }).click();
  await secretariat.page.getByRole('heading', { level: 1 }).waitFor();
  await check(secretariat.page, 'correspondence-register');
  await secretariat.page.getByRole('link', { name: text.newLetter }).click();
  await secretariat.page
    .getByLabel(text.letterSubject, { exact: true })
    .fill(`Istanza di accesso agli atti (${language})`);
  await secretariat.page.getByLabel(text.correspondent, { exact: true }).fill('Franca Rossi');
  await secretariat.page.getByLabel(text.correspondentEmail, { exact: true }).fill('franca.rossi@example.it');
  await secretariat.page.getByLabel(text.letterText, { exact: true }).fill('Chiedo copia della delibera n. 12.');
  await check(secretariat.page, 'correspondence-new');
  await secretariat.page.getByRole('button', { name: text.registerLetter }).click();
  const letterHeading = secretariat.page.getByRole('heading', { level: 1, name: /PROT-\d{4}-\d{6}/ });
  await letterHeading.waitFor();
  const protocol = (await letterHeading.textContent()).match(/PROT-\d{4}-\d{6}/)[0];

  for (const [user, decision, fields] of [
    ['office1', text.answerReady, { [text.answerText]: 'Si trasmette copia della delibera richiesta.' }],
    ['headoffice1', text.approve, {}],
    ['manager1', text.approve, {}],
  ]) {
    const worker = await logIn(user);
    if (user === 'manager1') await openInbox(worker.page);
    const letterRow = await openTicketTask(worker.page, protocol, user);
    await letterRow.getByRole('link', { name: new RegExp(protocol) }).click();
    await worker.page.getByRole('heading', { name: new RegExp(protocol) }).waitFor();
    // exact: the case file beside the form has a region named "Approvals …"
    await completeWith(worker.page, decision, fields, `letter-${user}`, true);
    await worker.context.close();
  }
  await secretariat.page.reload();
  await secretariat.page.getByRole('heading', { name: text.timeline }).waitFor();
  await check(secretariat.page, 'letter-signed');
  await secretariat.context.close();
  const signed = await apiCall('GET', `/api/correspondence/${protocol}`, 'supervisor');
  assert.deepEqual(
    signed.approvals.map((a) => `${a.step} ${a.decision} ${a.decidedBy}`),
    ['REVIEW APPROVE headoffice1', 'SIGNATURE APPROVE manager1'],
  );

  const closed = await apiCall('GET', `/api/tickets/${number}`, 'supervisor');
  assert.equal(closed.status, 'CLOSED');
  assert.equal(closed.answer, 'Il pagamento è stato registrato oggi.');
  assert.deepEqual(violations, [], 'accessibility violations');
  console.log(`journey ${language}: ticket ${number} closed after ${step} checked pages`);
} finally {
  await browser.close();
}
