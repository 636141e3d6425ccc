// Journey (c) of issue 20 in a real browser (Debian's Chromium, driven by playwright-core): every
// citizen page in one language, chosen with the pages' own language switch: the public request form
// (sent, so that the tracking page has a request), the tracking page, the public knowledge base and
// an article, the personal area after SPID login through the tests' identity provider, and the area's
// page of the request waiting for the citizen. The words checked come from src/locales/<language>.json
// (never written here); on every page <html lang> is the language, no translation key shows through,
// axe-core (WCAG 2.1 A/AA) finds no serious or critical violation and, at 320 px, nothing scrolls
// sideways.
// Usage: CITIZEN_WAITING=<subject> node e2e/citizen-languages.mjs <base-url> <screenshot-dir> <language>
import { existsSync, mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale, pattern } from './locale.mjs';
import { axeViolations, launch } from './support.mjs';

const [baseUrl, shots, language] = process.argv.slice(2);
assert.ok(baseUrl && shots && language, 'usage: citizen-languages.mjs <base-url> <screenshot-dir> <language>');
if (!existsSync(new URL(`../src/locales/${language}.json`, import.meta.url))) {
  console.log(`citizen-languages ${language}: src/locales/${language}.json is absent, nothing to check`);
  process.exit(3);
}
mkdirSync(shots, { recursive: true });
const t = locale(language);
const waiting = process.env.CITIZEN_WAITING;
assert.ok(waiting, 'CITIZEN_WAITING (the subject of the request waiting for the citizen) is needed');

const browser = await launch();
const problems = [];
const checked = [];

/** The page as a citizen sees it: in the language, accessible, 320 px wide without sideways scrolling. */
async function check(page, name) {
  await page.screenshot({
    path: `${shots}/${language}-citizen-languages-${String(checked.length + 1).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== language) problems.push(`${name}: <html lang="${lang}">, not ${language}`);
  problems.push(...(await axeViolations(page, name)));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) problems.push(`${name}: ${overflow} px of sideways scrolling at 320 px`);
  // a key without a text in this language shows as the key itself
  const keys = (await page.locator('body').innerText()).match(
    /\b(citizen|citizenRequest|citizenTracking|kb|language|errors|app)\.[a-zA-Z_.]+/g,
  );
  if (keys) problems.push(`${name}: untranslated keys ${keys.join(', ')}`);
  checked.push(name);
}

function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error "${message.text()}" on ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error ${error.message}`));
}

const regions = { it: 'it-IT', en: 'en-GB', de: 'de-IT', fr: 'fr-FR' };
// the form is rate-limited per address: this run has an address of its own (a documentation range)
const address = `198.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
let number;
let status;
try {
  const context = await browser.newContext({
    // the browser asks for Italian: the language comes from the switch, not from the browser
    locale: regions.it,
    viewport: { width: 320, height: 640 },
    isMobile: true,
    extraHTTPHeaders: { 'X-Forwarded-For': address },
  });
  const page = await context.newPage();
  watch(page);

  // the request form, its language chosen with the switch (which names the language in itself)
  await page.goto(`${baseUrl}/self-service/request?page=/servizi/anagrafe&errorCode=A-17`);
  await page.locator('#language').waitFor();
  const offered = await page.locator(`#language option[value="${language}"]`).textContent();
  assert.equal(offered.trim(), t(`language.${language}`), 'the switch offers the language by its own name');
  await page.selectOption('#language', language);
  await page.getByRole('heading', { level: 1, name: t('citizenRequest.title') }).waitFor();
  for (const legend of ['aboutTitle', 'contactTitle', 'privacyTitle']) {
    await page.getByRole('group', { name: t(`citizenRequest.${legend}`) }).waitFor();
  }
  await page.locator('#request-topic option[value="tributi"]').waitFor({ state: 'attached' });
  await page.selectOption('#request-topic', 'tributi');
  await page.locator('#request-reason option[value="tari"]').waitFor({ state: 'attached' });
  await page.selectOption('#request-reason', 'tari');
  const fields = { subject: 'subject', description: 'description', name: 'requester.name', email: 'requester.email' };
  for (const [id, key] of Object.entries(fields)) {
    const label = (await page.locator(`label[for="request-${id}"]`).textContent()).trim();
    assert.ok(label.startsWith(t(`citizenRequest.fields.${key}`)), `the label of ${id} is "${label}"`);
  }
  await page.locator('#request-subject').fill(`TARI ${language} ${Date.now()}`);
  await page.locator('#request-description').fill('Test in più lingue.');
  await page.locator('#request-name').fill('Anna Gruber');
  await page.locator('#request-email').fill('anna.gruber@example.it');
  await page.locator('label[for="request-consent"]').click();
  assert.ok(await page.locator('#request-consent').isChecked(), 'the consent is given');
  await check(page, 'form');
  await page.getByRole('button', { name: t('citizenRequest.send') }).click();
  await page.getByRole('heading', { level: 1, name: t('citizenRequest.sentTitle') }).waitFor({ timeout: 30_000 });
  number = (await page.locator('[data-field="request-number"]').textContent()).trim();
  await page.getByText(t('citizenRequest.sentNumber')).waitFor();
  await check(page, 'sent');

  // the tracking page
  await page.getByRole('link', { name: t('citizenRequest.trackLink') }).click();
  await page.getByRole('heading', { level: 1, name: t('citizenTracking.title') }).waitFor();
  await page.locator('[data-field="request-status"]').waitFor();
  assert.equal((await page.locator('[data-field="request-number"]').textContent()).trim(), number);
  status = await page.locator('[data-field="request-status"]').getAttribute('data-code');
  assert.equal(
    (await page.locator('[data-field="request-status"]').textContent()).trim(),
    t(`citizenTracking.statuses.${status}`),
  );
  await page.getByText(t('citizenTracking.receivedAt'), { exact: true }).waitFor();
  await check(page, 'tracking');

  // the public knowledge base and, when the search finds one, an article
  await page.goto(`${baseUrl}/self-service/kb`);
  await page.getByRole('heading', { level: 1, name: t('kb.selfServiceTitle') }).waitFor();
  await page.getByLabel(t('kb.query')).fill('TARI');
  await page.getByRole('button', { name: t('kb.search') }).click();
  const counted = (key) => pattern(t(key, { count: '#' })).source.replace('#', '\\d+');
  const results = page.locator('[aria-live="polite"] > p').first();
  await results.waitFor({ timeout: 20_000 });
  assert.match(
    (await results.textContent()).trim(),
    new RegExp(`^(${counted('kb.foundMany')}|${counted('kb.foundOne')})$`),
  );
  await check(page, 'kb');
  // an article (in Italian when none is written in this language: the page around it is in the language)
  const article = page.locator('main ol a').first();
  assert.ok((await article.count()) > 0, 'the public knowledge base finds an article about the TARI');
  await article.click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText(t('kb.feedback.question')).waitFor();
  await check(page, 'kb-article');

  // the personal area: SPID through the tests' provider, back to the area logged in
  await page.goto(`${baseUrl}/self-service/area`);
  await page.getByRole('heading', { level: 1, name: t('citizen.title') }).waitFor();
  await check(page, 'area-welcome');
  await page.getByRole('link', { name: t('citizen.login') }).click();
  await page.waitForURL((url) => url.pathname === '/self-service/area' && url.search === '');
  await page.getByRole('heading', { name: t('citizen.requests') }).waitFor();
  await page.getByRole('link', { name: waiting }).waitFor();
  await page.getByText(t('citizen.status.WAITING_FOR_YOU')).first().waitFor();
  await check(page, 'area');

  await page.getByRole('link', { name: waiting }).click();
  await page.getByRole('heading', { name: t('citizen.question') }).waitFor();
  await page.getByLabel(t('citizen.replyLabel')).waitFor();
  await page.getByRole('button', { name: t('citizen.send') }).waitFor();
  await check(page, 'area-request');
  await page.getByRole('link', { name: t('citizen.back') }).click();
  await page.getByRole('heading', { level: 1, name: t('citizen.title') }).waitFor();
} catch (error) {
  problems.push(`citizen-languages ${language}: ${error.stack ?? error}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(
  `citizen-languages ${language}: request ${number} tracked as ${status}; pages checked: ${checked.join(', ')}`,
);
