// Merge and reclassify from the workspace in a real browser (Debian's Chromium, playwright-core):
// two tickets of one requester are opened through the API; level 1 opens the duplicate's task, merges
// it into the other ticket with the "Merge…" dialog (a picker of the requester's tickets), then opens
// the primary's task, sees the duplicate among the linked tickets and reclassifies it to another
// queue with the "Reclassify…" dialog. Every dialog is scanned with axe-core (WCAG 2.1 A/AA).
// Usage: node e2e/merge.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale, pattern } from './locale.mjs';
import { apiAs, browserLocale, checkPage, fillLogin, inboxRow, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: merge.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
// the application's own texts, in the language of the run
const t = locale(language);
const text = {
  login: t('login.submit'),
  inbox: t('inbox.title'),
  merge: t('ticketActions.merge'),
  mergeSubmit: t('ticketActions.mergeSubmit'),
  merged: (number, into) => pattern(t('ticketActions.merged', { number, into })),
  linked: t('ticketActions.linked'),
  reclassify: t('ticketActions.reclassify'),
  queue: t('ticketActions.queue'),
  reason: t('ticketActions.reason'),
  reclassifySubmit: t('ticketActions.reclassifySubmit'),
  reclassified: pattern(t('ticketActions.reclassified')),
};

const apiCall = apiAs(baseUrl);

const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
const requester = {
  fiscalCode: `${letters}80A01H501Z`,
  name: 'Carla Neri',
  email: `carla.${letters.toLowerCase()}@example.it`,
};
async function openTicket(subject) {
  const ticket = await apiCall('POST', '/api/tickets', 'operator1', {
    channel: 'WEB',
    subject,
    description: 'Non riesco a pagare la TARI online.',
    language: 'it',
    requester,
  });
  return ticket.number;
}

const browser = await launch();
const violations = [];
let step = 0;
const check = (page, name) =>
  checkPage(page, `${shots}/${language}-merge-${String(++step).padStart(2, '0')}-${name}.png`, name, violations);

async function openTask(page, number) {
  await page.goto(baseUrl + '/inbox');
  await page.getByRole('heading', { name: text.inbox }).waitFor();
  const row = await inboxRow(page, number);
  // followed by its address: the inbox re-renders its rows whenever other tickets change (live), and a
  // click may land on a row that was just replaced
  const href = await row.getByRole('link', { name: new RegExp(number) }).getAttribute('href');
  await page.goto(baseUrl + href);
  await page
    .getByRole('heading', { name: new RegExp(number) })
    .first()
    .waitFor();
}

try {
  const primary = await openTicket(`TARI online ${letters}`);
  const duplicate = await openTicket(`TARI online di nuovo ${letters}`);

  const context = await browser.newContext({
    locale: browserLocale(language),
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.login }).waitFor();
  await fillLogin(page, 'operator1', text.login);
  await page.waitForURL((url) => url.pathname === '/inbox');

  // merge the duplicate into the primary, picked among the requester's tickets
  await openTask(page, duplicate);
  await page.getByRole('button', { name: text.merge }).click();
  const mergeDialog = page.getByRole('dialog');
  // Bootstrap Italia draws the radio on its label: click the label, as a person does
  await mergeDialog.locator('label', { hasText: primary }).click();
  assert.ok(await mergeDialog.getByLabel(new RegExp(primary)).isChecked(), 'the primary is picked');
  await check(page, 'merge-dialog');
  await mergeDialog.getByRole('button', { name: text.mergeSubmit }).click();
  await page
    .getByRole('status')
    .filter({ hasText: text.merged(duplicate, primary) })
    .waitFor();
  const closed = await apiCall('GET', `/api/tickets/${duplicate}`, 'operator1');
  assert.equal(closed.status, 'CLOSED');
  assert.equal(closed.outcome, 'DUPLICATE');

  // the primary lists the duplicate among its linked tickets; reclassify it to the payments queue
  await openTask(page, primary);
  await page.getByRole('heading', { name: text.linked }).waitFor();
  // (its number is also a link in the conversation's merge step)
  await page.getByRole('link', { name: duplicate, exact: true }).first().waitFor();
  await page.getByRole('button', { name: text.reclassify }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(text.queue, { exact: true }).selectOption('payments');
  await dialog.getByLabel(text.reason).fill('Riguarda un pagamento');
  await check(page, 'reclassify-dialog');
  await dialog.getByRole('button', { name: text.reclassifySubmit, exact: true }).click();
  await page.getByRole('status').filter({ hasText: text.reclassified }).waitFor();
  await check(page, 'reclassified');
  const reclassified = await apiCall('GET', `/api/tickets/${primary}`, 'operator1');
  assert.equal(reclassified.queue, 'payments');
  assert.ok(
    reclassified.history.some((s) => s.kind === 'RECLASSIFIED' && s.actor === 'operator1'),
    'traced on the path',
  );
  assert.ok(
    reclassified.history.some((s) => s.kind === 'MERGED_IN' && s.detail === duplicate),
    'merge on the primary path',
  );
  await context.close();

  assert.deepEqual(violations, [], 'no serious accessibility violation');
  console.log(`merge ${language}: ${duplicate} merged into ${primary}, which was reclassified`);
} finally {
  await browser.close();
}
