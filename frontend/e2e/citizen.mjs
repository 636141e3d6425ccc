// The citizen's journey in a real browser (Debian's Chromium, driven by playwright-core): login
// with SPID through the tests' identity provider (it logs in the citizen the test chose), the
// personal area lists the requests opened by phone, mail and web with the same fiscal code, and the
// question of the request waiting for the citizen is answered from the area with an attachment.
// Every page is scanned with axe-core (WCAG 2.1 A/AA) and checked at 320 px for sideways overflow.
// With CITIZEN_NOTICE=<title>, the area shows that published notice and the citizen asks to be reminded
// of its deadline ("Ricordamelo"), which then shows under "Promemoria".
// Usage: CITIZEN_SUBJECTS=a|b|c CITIZEN_WAITING=<subject> [CITIZEN_NOTICE=<title>] node e2e/citizen.mjs <base-url> <screenshot-dir> [language]
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: citizen.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const subjects = (process.env.CITIZEN_SUBJECTS ?? '').split('|').filter(Boolean);
const waiting = process.env.CITIZEN_WAITING;
const notice = process.env.CITIZEN_NOTICE;
assert.ok(subjects.length > 0 && waiting, 'CITIZEN_SUBJECTS and CITIZEN_WAITING are needed');
const text = {
  it: {
    title: 'La mia area',
    login: 'Entra con SPID o CIE',
    waiting: 'In attesa di una tua risposta',
    question: 'Ci servono queste informazioni',
    reply: 'La tua risposta',
    files: 'Allegati (facoltativi)',
    send: 'Invia la risposta',
    sent: /Risposta inviata/,
    logout: 'Esci',
    remind: 'Ricordamelo',
    reminded: /Ti ricorderemo la scadenza/,
    reminders: 'Promemoria',
  },
  en: {
    title: 'My area',
    login: 'Log in with SPID or CIE',
    waiting: 'Waiting for your answer',
    question: 'We need this information',
    reply: 'Your answer',
    files: 'Attachments (optional)',
    send: 'Send the answer',
    sent: /Answer sent/,
    logout: 'Log out',
    remind: 'Remind me',
    reminded: /We will remind you of the deadline/,
    reminders: 'Reminders',
  },
}[language];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const problems = [];
let step = 0;

async function check(page, name) {
  await page.screenshot({
    path: `${shots}/${language}-citizen-${String(++step).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))) {
    problems.push(
      `${name}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${name}: ${overflow} px wider than the screen`);
}

try {
  const context = await browser.newContext({
    locale: language === 'it' ? 'it-IT' : 'en-GB',
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
