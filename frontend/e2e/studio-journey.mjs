// The studio journey of issue 24 in a real browser: `analyst` opens the ticket procedure (ticket.bpmn), changes
// a user task's label and the reminder timer's retry cycle in the properties panel, types an unknown delegate
// expression and sees the problem on the diagram, fixes it, and asks to deploy; `analyst2` opens the review and
// approves; a new ticket runs on the new version; a ticket started before is moved to it through the studio's
// migration panel (plan previewed, batch run, result per instance). The editors' load time is printed (not
// asserted); the studio pages are scanned with axe-core. Texts come from src/locales/<language>.json.
// Usage: node e2e/studio-journey.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { apiAs, browserLocale, checkPage, fillLogin, journeyArgs, launch } from './support.mjs';

const { baseUrl, shots, language, t } = journeyArgs('studio-journey.mjs');
const api = apiAs(baseUrl);
const text = {
  login: t('login.submit'),
  open: t('studio.open'),
  note: t('studio.note'),
  save: t('studio.save'),
  askDeploy: t('studio.askDeploy'),
  approve: t('studio.approve'),
  comment: t('studio.comment'),
  requests: t('studio.requests'),
  preview: t('studioRun.preview'),
  migrate: t('studioRun.migrate'),
  refresh: t('studioRun.refresh'),
  from: t('studioRun.from'),
  to: t('studioRun.to'),
};
const NEW_LABEL = 'Handle request (front office)';
const TASK = 'userTask_handleLevel1';
const TIMER = 'boundaryEvent_replyReminderDue';
const DELEGATE = 'serviceTask_remindRequester';

const letters = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
const newTicket = (subject) =>
  api('POST', '/api/tickets', 'api-client', {
    channel: 'WEB',
    subject,
    language: 'it',
    description: 'Ho pagato la TARI due volte.',
    requester: { fiscalCode: `${letters()}80A41H501Z`, name: 'Laura Verdi', email: 'laura.verdi@example.org' },
  });
/** The process definition a ticket's instance runs on (the engine's REST, which analysts may read). */
const definitionOf = async (number) => {
  const [instance] = await api('GET', `/engine-rest/process-instance?businessKey=${number}`, 'analyst');
  return instance.definitionId;
};

async function login(browser, user) {
  const context = await browser.newContext({
    locale: browserLocale(language),
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error ${error.message}`));
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await fillLogin(page, user, text.login);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { page, errors };
}

/** Selects a diagram element with bpmn-js's search (Ctrl+F), which also scrolls it into view. */
async function select(page, id) {
  // the diagram's svg takes the keyboard when focused (diagram-js binds its shortcuts there)
  await page.locator('.studio-canvas svg[tabindex="0"]').first().focus();
  await page.keyboard.press('Control+f');
  const search = page.locator('.djs-search-input input');
  await search.waitFor();
  await search.fill(id);
  // the search pad searches on keyup
  await search.press('End');
  // the result that names this id, clicked: selected and scrolled to
  const result = page.locator('.djs-search-result').filter({ hasText: id });
  await result.first().click();
  // the General group may be closed: the id field is there, hidden
  const idField = page.locator('.studio-properties [data-entry-id="id"] input');
  await idField.waitFor({ state: 'attached' });
  for (let attempt = 0; attempt < 20 && (await idField.inputValue()) !== id; attempt++) {
    await page.waitForTimeout(250);
  }
  assert.equal(await idField.inputValue(), id);
}

/** Sets a field of the properties panel, opening its group first if closed. */
async function setField(page, group, entry, value) {
  const groupNode = page.locator(`.studio-properties [data-group-id="group-${group}"]`);
  const field = groupNode.locator(`[data-entry-id="${entry}"]`).locator('input, textarea').first();
  if (!(await field.isVisible())) await groupNode.locator('.bio-properties-panel-group-header').click();
  await field.fill(value);
  await field.press('Tab');
}

const browser = await launch();
const problems = [];
try {
  const before = await newTicket(`Prima della modifica (studio ${language})`);
  const oldDefinition = await definitionOf(before.number);

  // analyst: open ticket.bpmn, change it, see the unknown delegate on the diagram, fix it, ask to deploy
  const analyst = await login(browser, 'analyst');
  let page = analyst.page;
  await page.goto(baseUrl + '/studio');
  const row = page.locator('tr[data-model="ticket"]');
  await row.waitFor({ timeout: 60_000 });
  const clicked = Date.now();
  await row.getByRole('button', { name: text.open }).click();
  await page.locator(`.studio-canvas .djs-shape[data-element-id="${TASK}"]`).waitFor({ timeout: 60_000 });
  const shown = Date.now() - clicked;
  const loadMs = await page.locator('[data-load-ms]').getAttribute('data-load-ms', { timeout: 30_000 });

  await select(page, TASK);
  await setField(page, 'general', 'name', NEW_LABEL);
  await select(page, TIMER);
  await setField(page, 'CamundaPlatform__JobExecution', 'retryTimeCycle', 'R3/PT10M');
  await select(page, DELEGATE);
  await setField(page, 'CamundaPlatform__Implementation', 'delegateExpression', '${remindRequesterDelegat}');
  await page.getByLabel(text.note).fill('Front office label, reminder retries, studio journey');
  await page.getByRole('button', { name: text.save }).click();
  await page.locator(`li[data-problem="${DELEGATE}"]`).first().waitFor({ timeout: 60_000 });
  assert.ok(
    await page.locator(`.studio-canvas .djs-element.studio-problem[data-element-id="${DELEGATE}"]`).count(),
    `${DELEGATE} is marked on the diagram`,
  );
  const problemText = (await page.locator(`li[data-problem="${DELEGATE}"]`).allInnerTexts()).join(' ');
  assert.match(problemText, /remindRequesterDelegat/);
  await checkPage(page, `${shots}/studio-journey-problem.png`, 'studio problem', problems, { fullPage: false });

  await select(page, DELEGATE);
  await setField(page, 'CamundaPlatform__Implementation', 'delegateExpression', '${remindRequesterDelegate}');
  await page.getByRole('button', { name: text.save }).click();
  await page
    .locator(`.studio-canvas .djs-element.studio-problem[data-element-id="${DELEGATE}"]`)
    .waitFor({ state: 'detached', timeout: 60_000 });
  assert.equal(await page.locator(`li[data-problem="${DELEGATE}"]`).count(), 0);
  // this journey's request is the one newer than every request before the click: earlier tests on the
  // same database left ticket requests of their own, decided or not
  const newest = (requests) => Math.max(0, ...requests.map((r) => Number(r.id)));
  const lastBefore = newest(await api('GET', '/api/studio/deploy-requests', 'analyst'));
  await page.getByRole('button', { name: text.askDeploy }).click();
  let requestId;
  for (let attempt = 0; attempt < 60 && !requestId; attempt++) {
    const mine = (await api('GET', '/api/studio/deploy-requests', 'analyst')).filter(
      (r) => Number(r.id) > lastBefore && r.key === 'ticket',
    );
    if (mine.length > 0) requestId = String(newest(mine));
    else await page.waitForTimeout(500);
  }
  assert.ok(requestId, 'the deployment request was made');
  await page.locator(`tr[data-request="${requestId}"]`).waitFor({ timeout: 30_000 });

  // analyst2: the review opens, approve
  const reviewer = await login(browser, 'analyst2');
  const review = reviewer.page;
  await review.goto(baseUrl + '/studio');
  const request = review.locator(`tr[data-request="${requestId}"]`);
  await request.waitFor({ timeout: 60_000 });
  await review.getByRole('heading', { name: text.requests }).waitFor();
  await checkPage(review, `${shots}/studio-journey-review.png`, 'studio review', problems);
  await request.getByLabel(text.comment).fill('Visto');
  await request.getByRole('button', { name: text.approve }).click();
  await review.locator(`tr[data-request="${requestId}"]`).filter({ hasText: 'analyst2' }).waitFor({ timeout: 60_000 });
  const decided = (await api('GET', '/api/studio/deploy-requests', 'analyst2')).find((r) => String(r.id) === requestId);
  assert.equal(decided.decision, 'APPROVE');
  const latest = await api('GET', '/engine-rest/process-definition/key/ticket', 'analyst');
  assert.equal(latest.deploymentId, decided.deploymentId, 'the approved request deployed the latest ticket version');
  const bpmn = await api('GET', `/engine-rest/process-definition/${latest.id}/xml`, 'analyst');
  assert.ok(bpmn.bpmn20Xml.includes(NEW_LABEL), 'the new label is deployed');
  assert.ok(bpmn.bpmn20Xml.includes('R3/PT10M'), 'the reminder timer change is deployed');

  // a new ticket runs on the new version
  const after = await newTicket(`Dopo la modifica (studio ${language})`);
  assert.equal(await definitionOf(after.number), latest.id);

  // the ticket started before is moved to the new version through the migration panel
  await page.goto(baseUrl + '/studio');
  await row.waitFor({ timeout: 60_000 });
  await row.getByRole('button', { name: text.open }).click();
  await page.locator(`.studio-canvas .djs-shape[data-element-id="${TASK}"]`).waitFor({ timeout: 60_000 });
  await page.getByLabel(text.from, { exact: true }).selectOption(oldDefinition);
  await page.getByLabel(text.to, { exact: true }).selectOption(latest.id);
  await page.getByRole('button', { name: text.preview, exact: true }).click();
  await page.locator('[data-plan="valid"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: text.migrate, exact: true }).click();
  await page.locator('[data-migration]').waitFor({ timeout: 60_000 });
  let migrated = false;
  for (let attempt = 0; attempt < 30 && !migrated; attempt++) {
    migrated = (await definitionOf(before.number)) === latest.id;
    if (!migrated) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  assert.ok(migrated, `ticket ${before.number} migrated to ${latest.id}`);
  await page.getByRole('button', { name: text.refresh, exact: true }).click();
  await page.locator('li[data-instance-status="MIGRATED"]').first().waitFor({ timeout: 30_000 });
  await checkPage(page, `${shots}/studio-journey-migrated.png`, 'studio migration', problems);

  problems.push(...analyst.errors, ...reviewer.errors);
  assert.deepEqual(problems, []);
  console.log(
    `studio-journey ${language}: ticket ${before.number} migrated, ticket ${after.number} on the new version;` +
      ` editor loaded in ${loadMs} ms (shown ${shown} ms after the click)`,
  );
} finally {
  await browser.close();
}
