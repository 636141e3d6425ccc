// Ticket search in a real browser (Debian's Chromium, playwright-core): an operator finds a ticket by
// its number and by a word of its subject, opens a built-in view, saves the current search as a
// personal view and finds it again after going elsewhere; every state is axe clean (WCAG 2.1 A/AA);
// at 1366×768 at least 12 result rows are in view; at 390 px the table scrolls inside its container.
// Usage: node e2e/search.mjs <base-url> <screenshot-dir> [language]
// Environment: SEARCH_NUMBER (a ticket's number), SEARCH_WORD (a word only that ticket's subject has).
import assert from 'node:assert/strict';
import { checkPage, journeyArgs, launch, logIn } from './support.mjs';

const journey = journeyArgs('search.mjs');
const { baseUrl, shots, language, t } = journey;
const number = process.env.SEARCH_NUMBER;
const word = process.env.SEARCH_WORD;
assert.ok(number && word, 'usage: SEARCH_NUMBER=… SEARCH_WORD=… search.mjs <base-url> <screenshot-dir> [language]');
const text = {
  title: t('ticketSearch.title'),
  number: t('ticketSearch.filters.number'),
  words: t('ticketSearch.filters.q'),
  search: t('ticketSearch.search'),
  reset: t('ticketSearch.reset'),
  mine: t.like('ticketSearch.views.mine'),
  viewName: t('ticketSearch.viewName'),
  save: t('ticketSearch.saveView'),
  inbox: t('nav.inbox'),
  navigation: t('nav.label'),
};

const browser = await launch();
const problems = [];

const axe = (page, name) => checkPage(page, `${shots}/${language}-search-${name}.png`, name, problems);

const results = (page) => page.locator('tbody tr');

try {
  const { context, page } = await logIn(browser, journey, 'operator1', { problems });
  await page.getByRole('navigation', { name: text.navigation }).locator('a[href="/tickets"]').click();
  await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
  await results(page).first().waitFor();
  await axe(page, 'first');
  // compact: at least 12 rows (or all of them, if fewer) inside the 768 px window
  const inView = await page.evaluate(
    () =>
      [...document.querySelectorAll('tbody tr')].filter(
        (row) => row.getBoundingClientRect().bottom <= window.innerHeight,
      ).length,
  );
  const rows = await results(page).count();
  if (inView < Math.min(12, rows)) problems.push(`only ${inView} of ${rows} rows visible at 1366×768`);

  // by number
  await page.getByLabel(text.number, { exact: true }).fill(number);
  await page.getByRole('button', { name: text.search, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('number') === number);
  await page.locator(`tbody tr[data-ticket="${number}"]`).waitFor();
  assert.equal(await results(page).count(), 1, 'the number finds one ticket');
  assert.equal(await page.getByRole('link', { name: number }).getAttribute('href'), `/tickets/${number}`);

  // by a word of its subject
  await page.getByRole('button', { name: text.reset }).click();
  await page.getByLabel(text.words).fill(word);
  await page.getByRole('button', { name: text.search, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === word);
  await page.locator(`tbody tr[data-ticket="${number}"]`).waitFor();
  await axe(page, 'word');

  // sorting by a header with the keyboard
  const header = page.getByRole('columnheader', { name: text.number, exact: false }).first();
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('sort') === 'number');
  assert.equal(
    await page.getByRole('columnheader', { name: text.number, exact: false }).first().getAttribute('aria-sort'),
    'ascending',
  );

  // a built-in view
  await page.getByRole('button', { name: text.mine }).click();
  await page.waitForURL((url) => url.searchParams.get('mine') === 'true');
  assert.equal(await page.getByRole('button', { name: text.mine }).getAttribute('aria-current'), 'true');
  await page
    .getByText(/pratic|ticket/i)
    .first()
    .waitFor();
  await axe(page, 'view-mine');

  // save the word search as a personal view, go elsewhere, come back
  await page.getByRole('button', { name: text.reset }).click();
  await page.getByLabel(text.words).fill(word);
  await page.getByRole('button', { name: text.search, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === word);
  const viewName = `Ricerca ${word}`;
  await page.getByLabel(text.viewName).fill(viewName);
  await page.getByRole('button', { name: text.save }).click();
  await page.getByRole('status').filter({ hasText: viewName }).waitFor();
  await page.getByRole('navigation', { name: text.navigation }).locator('a[href="/inbox"]').click();
  await page.waitForURL((url) => url.pathname === '/inbox');
  await page.getByRole('navigation', { name: text.navigation }).locator('a[href="/tickets"]').click();
  await page.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('q') === word);
  assert.equal(await page.getByLabel(text.words).inputValue(), word, 'the search is kept when coming back');
  const saved = page.getByRole('button', { name: new RegExp(`^${viewName}`) });
  await saved.waitFor();
  await page.getByRole('button', { name: text.reset }).click();
  await page.waitForURL((url) => !url.searchParams.has('q'));
  await saved.click();
  await page.waitForURL((url) => url.searchParams.get('q') === word);
  await page.locator(`tbody tr[data-ticket="${number}"]`).waitFor();
  await axe(page, 'saved-view');
  await context.close();

  // phone width: the page does not overflow, the table scrolls inside its container
  const { context: phone, page: small } = await logIn(browser, journey, 'operator1', {
    problems,
    viewport: { width: 390, height: 844 },
  });
  await small.goto(baseUrl + '/tickets');
  await results(small).first().waitFor();
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`/tickets at 390 px: ${overflow} px wider than the screen`);
  await axe(small, 'phone');
  await phone.close();

  assert.deepEqual(problems, [], 'the search is usable and accessible');
  console.log(`search ${language}: number, word, view and saved view found`);
} finally {
  await browser.close();
}
