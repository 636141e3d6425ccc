// Work distribution in the browser (Debian's Chromium, playwright-core): an operator of a PUSH queue
// pauses with a reason from the header's presence switch and is offered nothing; back to available,
// the next item is offered in a dialog announced by a live region; accepting it opens the task. axe
// (WCAG 2.1 A/AA) on the page with the offer.
// Usage: OPERATOR=<user> TASK=<task id> node e2e/offers.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { apiAs, browserLocale, checkPage, fillLogin, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
const operator = process.env.OPERATOR;
const task = process.env.TASK;
assert.ok(
  baseUrl && shots && operator && task,
  'usage: OPERATOR=.. TASK=.. offers.mjs <base-url> <screenshot-dir> [language]',
);
mkdirSync(shots, { recursive: true });
const t = locale(language);
const text = {
  login: t('login.submit'),
  presence: t('distribution.presence.label'),
  offer: t('distribution.offer.title'),
  accept: t('distribution.offer.accept'),
};

const api = apiAs(baseUrl);
const browser = await launch();
const problems = [];
try {
  const context = await browser.newContext({ locale: browserLocale(language) });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await fillLogin(page, operator, text.login);
  const presence = page.getByRole('combobox', { name: text.presence });
  await presence.waitFor();

  // a pause with a reason: no offer, whoever asks
  await presence.selectOption('PAUSED:BREAK');
  await page.waitForFunction(() => document.querySelector('#presence')?.value === 'PAUSED:BREAK');
  assert.equal((await api('GET', '/api/me/presence', operator)).reason, 'BREAK');
  assert.equal(await api('GET', '/api/me/offer', operator), undefined, 'no offer while paused');
  assert.equal(await page.getByRole('dialog').count(), 0);

  // available again: the item is offered, announced, and accepted
  await presence.selectOption('AVAILABLE');
  const dialog = page.getByRole('dialog', { name: text.offer });
  await dialog.waitFor({ timeout: 30_000 });
  const announced = await page.getByRole('status').filter({ hasText: text.offer }).count();
  assert.ok(announced > 0, 'the offer is announced in the live region');
  await checkPage(page, `${shots}/offers-${language}.png`, `offer (${language})`, problems);
  await dialog.getByRole('button', { name: text.accept }).click();
  await page.waitForURL(`**/tasks/${task}`);
  const holder = await api('GET', `/api/distribution/tasks/${task}/offers`, 'supervisor');
  assert.equal(holder.at(-1).state, 'ACCEPTED');
  assert.equal(holder.at(-1).operator, operator);
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`offers ${language}: paused with a reason, offered nothing, available, accepted the offer`);
