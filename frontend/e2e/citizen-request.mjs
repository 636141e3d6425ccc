// Journey (a) of issue 20 in a real browser (Debian's Chromium, driven by playwright-core): a citizen
// without login opens the request form from a service's page with ?page=/tributi/tari&errorCode=E-402,
// fills it and sends it; the page shows the number and the tracking link, which shows the status;
// operator1 opens the ticket and sees the browser, the operating system, the page and the error code.
// axe-core (WCAG 2.1 A/AA) on every page; at 320 px the form does not overflow sideways.
// Usage: node e2e/citizen-request.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { browserLocale, checkPage, fillLogin, inboxRow, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: citizen-request.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const t = locale(language);
const text = {
  login: t('login.title'),
  submitLogin: t('login.submit'),
  form: t('citizenRequest.title'),
  send: t('citizenRequest.send'),
  sent: t('citizenRequest.sentTitle'),
  track: t('citizenRequest.trackLink'),
  status: t('citizenTracking.title'),
  context: t('ticketContext.title'),
};

const browser = await launch();
const problems = [];

const axe = (page, name) => checkPage(page, `${shots}/${language}-citizen-request-${name}.png`, name, problems);

function watch(page, who) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${who}: console error "${message.text()}" on ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`${who}: page error ${error.message}`));
}

// the form is rate-limited per address: this run has an address of its own (a documentation range),
// whatever other tests sent from this machine before
const address = `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function newPage(width, citizen = true) {
  const context = await browser.newContext({
    locale: browserLocale(language),
    viewport: { width, height: 800 },
    extraHTTPHeaders: citizen ? { 'X-Forwarded-For': address } : {},
  });
  await context.addInitScript((lang) => localStorage.setItem('sportello.language', lang), language);
  return context.newPage();
}

// second step of the journey: the link of the receipt mail (the test reads it from the mail outbox
// and passes it with the request's number): the citizen follows it and sees the request's status
const mailedLink = process.env.CITIZEN_TRACKING_LINK;
if (mailedLink) {
  let followed;
  try {
    const page = await newPage(1280);
    watch(page, 'citizen (mailed link)');
    await page.goto(mailedLink.replace(/^https?:\/\/[^/]+/, baseUrl));
    await page.getByRole('heading', { level: 1, name: text.status }).waitFor();
    await page.locator('[data-field="request-status"]').waitFor();
    followed = (await page.locator('[data-field="request-number"]').textContent()).trim();
    assert.equal(followed, process.env.CITIZEN_TRACKING_NUMBER);
    await axe(page, 'mailed-link');
  } catch (error) {
    problems.push(`citizen ${language}: ${error.stack ?? error}`);
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  console.log(`citizen ${language}: followed the mailed link of ${followed}`);
  process.exit(0);
}

let number;
let status;
let seen;
try {
  // the citizen, at phone width first: the form fits
  const narrow = await newPage(320);
  watch(narrow, 'citizen 320px');
  await narrow.goto(`${baseUrl}/self-service/request?page=/tributi/tari&errorCode=E-402`);
  await narrow.getByRole('heading', { level: 1, name: text.form }).waitFor();
  const overflow = await narrow.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) problems.push(`form at 320 px: ${overflow} px of sideways scrolling`);
  await axe(narrow, 'form-320');
  await narrow.context().close();

  const page = await newPage(1280);
  watch(page, 'citizen');
  await page.goto(`${baseUrl}/self-service/request?page=/tributi/tari&errorCode=E-402`);
  await page.getByRole('heading', { level: 1, name: text.form }).waitFor();
  await page.locator('#request-topic option[value="tributi"]').waitFor({ state: 'attached' });
  await page.selectOption('#request-topic', 'tributi');
  await page.locator('#request-reason option[value="tari"]').waitFor({ state: 'attached' });
  await page.selectOption('#request-reason', 'tari');
  const subject = `TARI: errore E-402 al pagamento ${Date.now()}`;
  await page.locator('#request-subject').fill(subject);
  await page
    .locator('#request-description')
    .fill('Il portale della TARI risponde con il codice E-402 quando provo a pagare.');
  await page.locator('#request-name').fill('Giulia Verdi');
  await page.locator('#request-email').fill('giulia.verdi@example.it');
  // Bootstrap Italia draws the checkbox with its label: the label takes the click
  await page.locator('label[for="request-consent"]').click();
  assert.ok(await page.locator('#request-consent').isChecked(), 'the consent is given');
  await axe(page, 'form');
  await page.getByRole('button', { name: text.send }).click();
  await page.getByRole('heading', { level: 1, name: text.sent }).waitFor({ timeout: 30_000 });
  number = (await page.locator('[data-field="request-number"]').textContent()).trim();
  await axe(page, 'sent');

  await page.getByRole('link', { name: text.track }).click();
  await page.getByRole('heading', { level: 1, name: text.status }).waitFor();
  await page.locator('[data-field="request-status"]').waitFor();
  assert.equal((await page.locator('[data-field="request-number"]').textContent()).trim(), number);
  status = await page.locator('[data-field="request-status"]').getAttribute('data-code');
  await axe(page, 'tracking');

  // operator1 sees the ticket with its context
  const staff = await newPage(1366, false);
  watch(staff, 'operator1');
  await staff.goto(baseUrl + '/login');
  await staff.getByRole('heading', { name: text.login }).waitFor();
  await fillLogin(staff, 'operator1', text.submitLogin);
  await staff.waitForURL((url) => url.pathname !== '/login');
  // in the level-1 inbox (other tests' tickets fill it: found by its number)
  await staff.goto(`${baseUrl}/inbox`);
  await inboxRow(staff, number);
  await staff.goto(`${baseUrl}/tickets/${number}`);
  await staff.getByRole('heading', { name: text.context }).waitFor();
  const field = async (name) => ((await staff.locator(`[data-field="context-${name}"]`).textContent()) ?? '').trim();
  seen = {
    page: await field('page'),
    errorCode: await field('errorCode'),
    browser: await field('browser'),
    os: await field('os'),
  };
  assert.equal(seen.page, '/tributi/tari');
  assert.equal(seen.errorCode, 'E-402');
  assert.ok(seen.browser, 'a browser is shown');
  assert.ok(seen.os, 'an operating system is shown');
  await axe(staff, 'ticket');
} catch (error) {
  problems.push(`citizen ${language}: ${error.stack ?? error}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(`citizen ${language}: request ${number} tracked as ${status}; operator1 saw ${JSON.stringify(seen)}`);
