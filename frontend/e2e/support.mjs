// What every browser journey does the same way: launch Debian's Chromium (playwright-core), call the
// API as a demo user, log in through the login page, take a screenshot and check the page with axe-core
// (WCAG 2.1 A/AA, serious and critical violations), and end with the problems found.
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { locale } from './locale.mjs';

/**
 * A journey's arguments, `<base-url> <screenshot-dir> [language]` (Italian by default), with the
 * screenshots' folder made and the language's texts: `const { baseUrl, shots, language, t } = journeyArgs('x.mjs')`.
 */
export function journeyArgs(script) {
  const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
  assert.ok(baseUrl && shots, `usage: ${script} <base-url> <screenshot-dir> [language]`);
  mkdirSync(shots, { recursive: true });
  return { baseUrl, shots, language, t: locale(language) };
}

/** Headless Chromium as the tests run it (CHROMIUM_PATH to use another). */
export function launch() {
  return chromium.launch({
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
}

/** The browser locale of a test language. */
export const browserLocale = (language) => (language === 'it' ? 'it-IT' : 'en-GB');

/** The demo users' API access (HTTP Basic, password "demo"): `api('POST', '/api/tickets', 'operator1', body)`. */
export function apiAs(baseUrl) {
  return async function api(method, path, user, body) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        Authorization: 'Basic ' + Buffer.from(`${user}:demo`).toString('base64'),
        'Content-Type': 'application/json',
      },
      body: body && JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    // 202 and 204 may come without a body
    const text = await response.text();
    return text === '' ? undefined : JSON.parse(text);
  };
}

/** The serious and critical WCAG 2.1 A/AA violations on the page, one line each, prefixed by `name`. */
export async function axeViolations(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A screenshot to `path`, then the page's violations added to `problems`. */
export async function checkPage(page, path, name, problems, { fullPage = true } = {}) {
  await page.screenshot({ path, fullPage });
  problems.push(...(await axeViolations(page, name)));
}

/**
 * A new page (1400×1000, the language's browser locale) logged in through the login page as a demo
 * user, in the journey's language, with the errors the browser's console shows collected.
 */
export async function loginPage(browser, journey, user) {
  const context = await browser.newContext({
    locale: browserLocale(journey.language),
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await submitLogin(page, journey, user);
  return { page, consoleErrors };
}

/**
 * A new page, logged in through the login page as a demo user in the journey's language, in a new
 * context (the language's browser locale, `viewport`, a phone's below 500 px) or the `context`
 * given. With `problems`, the page's errors and (unless `console` is false) its console errors are
 * added to it, each prefixed by the user: `const { context, page } = await logIn(browser, journey,
 * 'operator1', { problems })`.
 */
export async function logIn(
  browser,
  journey,
  user,
  { viewport = { width: 1366, height: 768 }, context: given, problems, console: consoleErrors = true } = {},
) {
  const context =
    given ??
    (await browser.newContext({
      locale: browserLocale(journey.language),
      viewport,
      isMobile: viewport.width < 500,
    }));
  const page = await context.newPage();
  if (problems) watchErrors(page, user, problems, { console: consoleErrors });
  await submitLogin(page, journey, user);
  return { context, page };
}

/** Adds the page's errors and (unless `console` is false) its console errors to `problems`, prefixed by the user. */
export function watchErrors(page, user, problems, { console: consoleErrors = true } = {}) {
  if (consoleErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${user}: console error "${message.text()}" on ${page.url()}`);
    });
  }
  page.on('pageerror', (error) => problems.push(`${user}: page error ${error.message}`));
}

/** Opens the login page, chooses the journey's language there, logs in and waits until it has left. */
async function submitLogin(page, { baseUrl, language, t }, user) {
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: t('login.title') }).waitFor();
  await fillLogin(page, user, t('login.submit'));
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Ends the journey with a failure if it found problems (accessibility violations), one line each. */
export function exitOnProblems(problems) {
  if (problems.length > 0) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
}

/** Fills the login page (already open) as a demo user and submits it: `submit` is the button's name. */
export async function fillLogin(page, user, submit) {
  await page.locator('#username').fill(user);
  await page.locator('#password').fill('demo');
  await page.getByRole('button', { name: submit }).click();
}

/**
 * The inbox's row of a ticket, found by its number (other tests' tickets fill the first pages): the
 * number is typed into the filter again while the row is not there, because the ticket's task may be
 * created a moment after the ticket under load, and a filter typed while the page re-rendered is lost.
 */
export async function inboxRow(page, number, { attempts = 6, each = 10_000 } = {}) {
  const row = page.locator(`tr[data-ticket="${number}"]`);
  for (let attempt = 1; ; attempt++) {
    await page.locator('#filter-number').fill(number);
    await page.locator('#filter-number').press('Enter');
    try {
      await row.first().waitFor({ timeout: each });
      return row;
    } catch (error) {
      if (attempt >= attempts) throw new Error(`${error.message}\n${await inboxState(page, number)}`);
    }
  }
}

/** What the inbox page shows and what the server answers for the number: said when a row never came. */
async function inboxState(page, number) {
  const rows = await page.locator('tr[data-ticket]').count();
  const alerts = await page.getByRole('alert').allTextContents();
  let answer;
  try {
    const url = new URL(`/api/inbox?page=0&size=25&number=${encodeURIComponent(number)}`, page.url());
    const response = await page.request.get(url.href);
    answer = `${response.status()} ${(await response.text()).slice(0, 300)}`;
  } catch (failure) {
    answer = `no answer (${failure.message})`;
  }
  return `inbox page: ${rows} rows shown, alerts ${JSON.stringify(alerts)}; GET /api/inbox?number=${number}: ${answer}`;
}
