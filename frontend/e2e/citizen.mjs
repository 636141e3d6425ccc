// The citizen's journey in a real browser (Debian's Chromium, driven by playwright-core): login
// with SPID through the tests' identity provider (it logs in the citizen the test chose), the
// personal area lists the requests opened by phone, mail and web with the same fiscal code, and the
// question of the request waiting for the citizen is answered from the area with an attachment.
// Every page is scanned with axe-core (WCAG 2.1 A/AA) and checked at 320 px for sideways overflow.
// With CITIZEN_NOTICE=<title>, the area shows that published notice and the citizen asks to be reminded
// of its deadline ("Ricordamelo"), which then shows under "Promemoria".
// Usage: CITIZEN_SUBJECTS=a|b|c CITIZEN_WAITING=<subject> [CITIZEN_NOTICE=<title>] node e2e/citizen.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { browserLocale, checkPage, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: citizen.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const subjects = (process.env.CITIZEN_SUBJECTS ?? '').split('|').filter(Boolean);
const waiting = process.env.CITIZEN_WAITING;
const notice = process.env.CITIZEN_NOTICE;
assert.ok(subjects.length > 0 && waiting, 'CITIZEN_SUBJECTS and CITIZEN_WAITING are needed');
const t = locale(language);
const text = {
  title: t('citizen.title'),
  login: t('citizen.login'),
  waiting: t('citizen.status.WAITING_FOR_YOU'),
  question: t('citizen.question'),
  reply: t('citizen.replyLabel'),
  files: t('citizen.filesLabel'),
  send: t('citizen.send'),
  sent: t.like('citizen.replySent'),
  remind: t('noticeBoard.remindMe'),
  reminded: t.like('reminders.noticeSubscribed'),
  reminders: t('reminders.title'),
};

const browser = await launch();
const problems = [];
let step = 0;

async function check(page, name) {
  await checkPage(page, `${shots}/${language}-citizen-${String(++step).padStart(2, '0')}-${name}.png`, name, problems);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${name}: ${overflow} px wider than the screen`);
}

try {
  const context = await browser.newContext({
    locale: browserLocale(language),
    viewport: { width: 320, height: 640 },
    isMobile: true,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error "${message.text()}" on ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error ${error.message}`));

  await page.goto(baseUrl + '/self-service/area');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.title, level: 1 }).waitFor();
  await check(page, 'welcome');

  // SPID: the area's button → the provider → back to the area, logged in
  await page.getByRole('link', { name: text.login }).click();
  await page.waitForURL((url) => url.pathname === '/self-service/area' && url.search === '');
  for (const subject of subjects) {
    await page.getByRole('link', { name: subject }).waitFor();
  }
  await page.getByText(text.waiting).first().waitFor();
  await check(page, 'area');

  if (notice) {
    // the notice board in the area: the published notice, and "remind me" on its deadline
    await page.getByText(notice).first().waitFor();
    // the button names its notice (visually hidden): "Ricordamelo: <title>", spaced as the browser does
    await page.getByRole('button', { name: new RegExp(`${text.remind}\\s*:\\s*${notice}`) }).click();
    await page.getByText(text.reminded).waitFor();
    await page.getByRole('heading', { name: text.reminders, level: 2 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: notice }).last().waitFor();
    await check(page, 'notice-reminder');
  }

  await page.getByRole('link', { name: waiting }).click();
  await page.getByRole('heading', { name: text.question }).waitFor();
  await check(page, 'request');
  await page.getByLabel(text.reply).fill('Allego la ricevuta del pagamento.');
  await page.getByLabel(text.files).setInputFiles({
    name: 'ricevuta.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await page.getByRole('button', { name: text.send }).click();
  await page.getByText(text.sent).waitFor();
  await page.getByRole('link', { name: 'ricevuta.pdf' }).waitFor();
  await check(page, 'replied');

  assert.deepEqual(problems, [], 'no accessibility violation, console error or overflow');
  console.log(
    `citizen ${language}: area listed ${subjects.length} requests, reply sent${notice ? ', notice shown and reminder set' : ''}`,
  );
} finally {
  await browser.close();
}
