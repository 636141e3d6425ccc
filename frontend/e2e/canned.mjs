// Canned replies in a real browser (Debian's Chromium, driven by playwright-core): level 1 opens a
// ticket's task, opens "Risposte pronte", filters by typing, inserts a shared reply with the keyboard;
// the reply box then holds the reply in the ticket's language (English) with the requester's name and
// the ticket's number filled in. The management page and its form are scanned too. Every page is
// scanned with axe-core (WCAG 2.1 A/AA): a serious or critical violation fails.
// Usage: node e2e/canned.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { apiAs, browserLocale, checkPage, fillLogin, inboxRow, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: canned.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const t = locale(language);
const text = {
  login: t('login.submit'),
  inbox: t('inbox.title'),
  open: t('canned.open'),
  filter: t('canned.filter'),
  replyText: new RegExp(`^${t.like('reply.label').source}`),
  page: t('canned.page.title'),
  newReply: t('canned.page.new'),
  tab: t('nav.cannedReplies'),
};

const apiCall = apiAs(baseUrl);
const browser = await launch();
let step = 0;
const problems = [];

const check = (page, name) =>
  checkPage(page, `${shots}/${language}-canned-${String(++step).padStart(2, '0')}-${name}.png`, name, problems);

try {
  // a citizen writes in English: the shared reply comes out in English, filled in
  const requester = 'Laura Verdi';
  // a requester of this run only: a known contact keeps the name it was first registered with
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  const opened = await apiCall('POST', '/api/tickets', 'api-client', {
    channel: 'WEB',
    subject: `Waste tax paid twice (canned ${language})`,
    language: 'en',
    description: 'I paid the waste tax twice this year.',
    requester: { fiscalCode: `${letters}80A41H501Z`, name: requester, email: 'laura.verdi@example.org' },
  });
  const number = opened.number;

  const context = await browser.newContext({ locale: browserLocale(language) });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error ${error.message}`));
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.login }).waitFor();
  await fillLogin(page, 'operator1', text.login);
  await page.getByRole('heading', { name: text.inbox }).waitFor();

  // the ticket's task: only its rows (other tests' tickets may fill the inbox's first pages)
  const row = await inboxRow(page, number);
  // taken in charge through the API: this test is about the reply box, the inbox's buttons have
  // their own test (InboxIT)
  const task = (await apiCall('GET', `/api/inbox?number=${number}`, 'operator1')).items[0];
  await apiCall('POST', `/api/tasks/${task.taskId}/claim`, 'operator1');
  await row.getByRole('link', { name: new RegExp(number) }).click();
  await page.getByRole('heading', { name: new RegExp(number), level: 1 }).waitFor();

  // keyboard only: open the picker, type to filter, move, insert
  const reply = page.getByLabel(text.replyText);
  await reply.fill('');
  const button = page.getByRole('button', { name: text.open, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const combobox = page.getByRole('combobox', { name: text.filter });
  await combobox.waitFor();
  assert.equal(
    await combobox.evaluate((element) => element === document.activeElement),
    true,
    'the filter has the focus',
  );
  // the page has other options (the language menu): the picker's are in its listbox
  const options = page.getByRole('listbox').getByRole('option');
  await options.first().waitFor();
  await page.keyboard.type('presa in carico');
  await page.waitForFunction(() => document.querySelectorAll('[role="listbox"] [role="option"]').length === 1);
  assert.match(await options.first().textContent(), /Saluto e presa in carico/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('[data-canned-preview]').textContent(), /\{\{/, 'the preview shows the placeholders');
  await check(page, 'picker-open');
  await page.keyboard.press('Enter');

  await page.waitForFunction(([name]) => document.querySelector('[data-reply-box]')?.value.includes(name), [requester]);
  const inserted = await reply.inputValue();
  assert.match(inserted, new RegExp(`^Dear ${requester},`), "in the ticket's language, with the requester's name");
  assert.ok(inserted.includes(number), "with the ticket's number");
  assert.ok(!inserted.includes('{{') && !inserted.includes('null'), 'every placeholder filled in');
  assert.equal(
    await reply.evaluate((element) => element === document.activeElement),
    true,
    'the reply box has the focus again',
  );
  await check(page, 'picker-inserted');

  // the management page: the shared replies are listed, the form opens with the placeholders' help
  await page.getByRole('link', { name: text.tab, exact: true }).click();
  await page.getByRole('heading', { name: text.page, level: 1 }).waitFor();
  await page.getByText('Saluto e presa in carico').first().waitFor();
  await check(page, 'page');
  await page.getByRole('button', { name: text.newReply }).click();
  await page.locator('[data-canned-preview]').waitFor();
  await check(page, 'form');
  await context.close();
} finally {
  await browser.close();
}

assert.deepEqual(problems, [], `canned replies: problems found\n${problems.join('\n')}`);
console.log(`canned ${language}: the reply box holds the rendered reply; axe clean`);
