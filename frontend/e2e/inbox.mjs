// The inbox at work speed in a real browser (Debian's Chromium, driven by playwright-core): fourteen
// tickets opened through the API; at 1366x768 at least twelve rows fit in the window, one line each;
// two tickets taken at once with the bulk bar; a level-1 operator opens a ticket, takes it, fills and
// completes its form with the keyboard only; the shortcuts' help opens with "?"; at 390 px the page
// does not overflow sideways. Every state is scanned with axe-core (WCAG 2.1 A/AA).
// Usage: node e2e/inbox.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { apiAs, browserLocale, checkPage, fillLogin, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: inbox.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
// the application's own texts, in the language of the run
const t = locale(language);
const text = {
  login: t('login.submit'),
  inbox: t('inbox.title'),
  takeSelected: t('bulk.take'),
  help: t('shortcuts.title'),
  select: (number) => t('bulk.select', { number }),
  assignedTo: t('inbox.assignedTo', { user: 'operator1' }),
};

const apiCall = apiAs(baseUrl);
const browser = await launch();
let step = 0;
const violations = [];

const check = (page, name) =>
  checkPage(page, `${shots}/${language}-inbox-${String(++step).padStart(2, '0')}-${name}.png`, name, violations, {
    fullPage: false,
  });

/** Presses Tab until the focused element matches (keyboard only), at most `limit` times. */
async function tabTo(page, matches, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${matches}`);
}

/** Rows of the inbox table wholly inside the window. */
async function rowsInView(page) {
  return page.evaluate(() => {
    const height = window.innerHeight;
    return [...document.querySelectorAll('table tbody tr')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= height;
    }).length;
  });
}

try {
  // fourteen tickets of one requester, so that the test finds its own among other tests' tickets
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
  const fiscalCode = `${letters}80A01H501Z`;
  const numbers = [];
  for (let i = 0; i < 14; i++) {
    const opened = await apiCall('POST', '/api/tickets', 'api-client', {
      channel: i % 2 ? 'EMAIL' : 'WEB',
      language: 'it',
      subject: `Richiesta di prova ${i + 1} sulla tassa dei rifiuti con un oggetto piuttosto lungo (${language})`,
      description: 'Chiede informazioni sulla tassa dei rifiuti.',
      requester: { fiscalCode, name: 'Ilaria Veloce', email: 'ilaria.veloce@example.it' },
    });
    numbers.push(opened.number);
  }

  const context = await browser.newContext({
    locale: browserLocale(language),
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  const consoleErrors = [];
  // failed calls are judged by their address below; the articles suggested beside a ticket need the
  // search node, which this test does not wait for
  page.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      !/^Failed to load resource/.test(message.text()) &&
      consoleErrors.push(message.text()),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/api/kb/'))
      consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.login }).waitFor();
  await fillLogin(page, 'operator1', text.login);
  await page.waitForURL((url) => url.pathname === '/inbox');
  await page.getByRole('heading', { name: text.inbox }).waitFor();
  await page.locator('table tbody tr').nth(13).waitFor();

  // at 1366x768 a dozen tickets above the fold, each on one line
  const visible = await rowsInView(page);
  assert.ok(visible >= 12, `at least 12 rows visible at 1366x768, saw ${visible}`);
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('table tbody tr')].slice(0, 12).map((row) => ({
      row: row.getBoundingClientRect().height,
      number: row.querySelector('td:nth-child(2) a').getClientRects().length,
      button: row.querySelector('td:last-child .btn')?.getBoundingClientRect().height ?? 0,
    })),
  );
  for (const line of lines) {
    assert.equal(line.number, 1, 'the number does not wrap');
    assert.ok(line.button < 32, `the row's button is one line high (${line.button} px)`);
    assert.ok(line.row < 40, `one line per ticket (${line.row} px)`);
  }
  // every column inside the window: none cut at the right edge, no sideways scrolling to reach the
  // SLA or the actions
  const columns = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    scroll: document.querySelector('.inbox-scroll').scrollWidth - document.querySelector('.inbox-scroll').clientWidth,
    edges: [...document.querySelectorAll('table thead th')].map((th, index) => ({
      index,
      name: th.textContent.trim(),
      right: Math.ceil(th.getBoundingClientRect().right),
    })),
  }));
  for (const column of columns.edges) {
    assert.ok(
      column.right <= columns.width,
      `column ${column.index + 1} "${column.name}" ends at ${column.right} px, beyond the ${columns.width} px window`,
    );
  }
  assert.ok(columns.scroll <= 0, `the table scrolls sideways by ${columns.scroll} px at 1366 px`);
  await check(page, 'compact');
  console.log(
    `inbox ${language}: ${visible} rows visible at 1366x768, right edge of the last column at ${columns.edges.at(-1).right} of ${columns.width} px`,
  );

  // the requester's tickets only; two of them taken at once
  await page.locator('#filter-requester').fill(fiscalCode);
  await page.locator('#filter-requester').press('Enter');
  await page.locator(`tr[data-ticket="${numbers[13]}"]`).waitFor();
  await page.waitForFunction((count) => document.querySelectorAll('table tbody tr').length === count, 14);
  for (const number of numbers.slice(0, 2)) {
    await page.getByRole('checkbox', { name: text.select(number) }).check();
  }
  await page.getByRole('button', { name: text.takeSelected }).click();
  const results = page.locator('[data-bulk-results]');
  await results.locator('li[data-bulk-ok="true"]').nth(1).waitFor();
  assert.equal(await results.locator('li[data-bulk-ok="false"]').count(), 0, await results.textContent());
  for (const number of numbers.slice(0, 2)) {
    const [row] = (await apiCall('GET', `/api/inbox?number=${number}`, 'operator1')).items;
    assert.equal(row.assignee, 'operator1', `${number} taken by the bulk action`);
  }
  const [untouched] = (await apiCall('GET', `/api/inbox?number=${numbers[2]}`, 'operator1')).items;
  assert.equal(untouched.assignee ?? null, null, 'a ticket not selected stays in the queue');
  await check(page, 'bulk-taken');

  // the shortcuts' help, then the keyboard-only journey: find the ticket, open it, take it, solve it
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: text.help });
  await help.waitFor();
  await check(page, 'help');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  const number = numbers[2];
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, () => document.activeElement?.id === 'filter-number');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => {
    const rows = document.querySelectorAll('table tbody tr');
    return rows.length === 1 && rows[0].getAttribute('data-ticket') === n;
  }, number);
  // out of the text field (single keys do nothing while typing), then j to the first row, Enter to open
  await tabTo(page, () => document.activeElement?.getAttribute('type') === 'checkbox');
  await page.keyboard.press('j');
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('data-ticket')),
    number,
    'j focuses the row',
  );
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname.startsWith('/tasks/'));
  await page.getByRole('heading', { name: new RegExp(number) }).waitFor();
  await page.locator('.task-form input[type="radio"]').first().waitFor();
  await page.keyboard.press('t');
  await page.getByText(text.assignedTo).waitFor();
  // the form: the first outcome (solved at first contact) with Space, the answer typed, Ctrl+Enter
  await tabTo(page, () => document.activeElement?.matches('.task-form input[type="radio"]'));
  await page.keyboard.press('Space');
  // the answer is written in the page's one reply box (the form has no answer field of its own)
  await tabTo(page, () => document.activeElement?.matches('[data-reply-box]'));
  await page.keyboard.type("La tassa si paga con l'avviso pagoPA entro il 16 del mese.");
  await check(page, 'keyboard-form');
  await page.keyboard.press('Control+Enter');
  await page.waitForURL((url) => url.pathname === '/inbox');
  const solved = await apiCall('GET', `/api/tickets/${number}`, 'supervisor');
  assert.equal(solved.answer, "La tassa si paga con l'avviso pagoPA entro il 16 del mese.");
  assert.equal(solved.takenInChargeBy, 'operator1');
  await page.getByRole('heading', { name: text.inbox }).waitFor();

  // a phone: no sideways scrolling of the page (the table scrolls in its own box)
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(baseUrl + '/inbox');
  await page.locator('table tbody tr').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the inbox overflows by ${overflow} px at 390 px`);
  await check(page, 'phone');
  await context.close();

  assert.deepEqual(
    consoleErrors.filter((line) => !/favicon/.test(line)),
    [],
    'console errors',
  );
  assert.deepEqual(violations, [], 'accessibility violations');
  console.log(`inbox ${language}: bulk take and keyboard journey done after ${step} checked states`);
} finally {
  await browser.close();
}
