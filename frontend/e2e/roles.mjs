// Every demo role in a real browser (Debian's Chromium, driven by playwright-core): it logs in, lands
// on the page it works on, and every tab it is offered opens without an error banner, a console error
// or a serious accessibility violation (axe-core, WCAG 2.1 A/AA); at phone width (390 px) the tabs fold
// into a menu and the landing page does not overflow sideways.
// Usage: node e2e/roles.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale, pattern } from './locale.mjs';
import { browserLocale, checkPage, fillLogin, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: roles.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const t = locale(language);
const ERRORS = [
  'errors.generic',
  'errors.forbidden',
  'contact.denied',
  'contact.sectionDenied',
  'ticketPage.forbidden',
  'canned.page.forbidden',
];
const text = {
  login: t('login.title'),
  submit: t('login.submit'),
  navigation: t('nav.label'),
  menu: t('nav.menu'),
  errors: new RegExp(ERRORS.map((key) => pattern(t(key)).source).join('|')),
};

/** Each demo user, the page it lands on, and the tabs it must be offered (frontend/src/navigation.ts). */
const ROLES = [
  ['operator1', '/inbox', ['/inbox', '/tickets', '/tickets/new', '/kb', '/canned-replies', '/chats']],
  ['operator2', '/inbox', ['/inbox', '/tickets', '/tickets/new', '/kb', '/canned-replies', '/chats']],
  [
    'supervisor',
    '/supervisor',
    [
      '/inbox',
      '/tickets',
      '/supervisor',
      '/correspondence',
      '/complaints',
      '/kb',
      '/service-levels',
      '/activity',
      '/canned-replies',
      '/notices',
      '/surveys',
      '/distribution',
      '/chats',
      '/staffing',
      '/recording-samples',
    ],
  ],
  ['auditor', '/service-levels', ['/service-levels', '/activity', '/audit', '/recording-samples']],
  ['office1', '/inbox', ['/inbox', '/tickets', '/correspondence', '/complaints', '/kb']],
  ['secretariat1', '/inbox', ['/inbox', '/correspondence', '/complaints', '/kb']],
  ['headoffice1', '/inbox', ['/inbox', '/tickets', '/correspondence', '/complaints', '/kb']],
  [
    'manager1',
    '/service-levels',
    ['/inbox', '/correspondence', '/complaints', '/kb', '/service-levels', '/activity', '/surveys', '/staffing'],
  ],
  ['kbeditor', '/kb', ['/inbox', '/kb', '/canned-replies']],
  ['kbreviewer', '/kb', ['/inbox', '/kb']],
  ['analyst', '/procedures', ['/procedures', '/studio']],
  [
    'admin',
    '/service-levels',
    ['/kb', '/service-levels', '/activity', '/procedures', '/canned-replies', '/retention', '/users'],
  ],
  ['api-client', '/no-workspace', []],
  ['dpo', '/audit', ['/inbox', '/audit', '/data-subjects', '/retention']],
  ['communications1', '/notices', ['/notices']],
];

const browser = await launch();
const problems = [];

/** The page has settled: a level-1 heading, and a moment for its first calls to answer. */
async function settled(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForTimeout(1_200);
}

async function inspect(page, user, name) {
  await checkPage(
    page,
    `${shots}/${language}-role-${user}-${name.replaceAll('/', '_') || 'root'}.png`,
    `${user} ${name}`,
    problems,
  );
  // the shared Message keeps its live regions on the page, empty until they speak
  const banners = (await page.getByRole('alert').allTextContents()).filter((text) => text.trim());
  if (banners.length > 0) problems.push(`${user} ${name}: error banner "${banners.join(' | ')}"`);
  if (await page.getByText(text.errors).count()) problems.push(`${user} ${name}: an error message is shown`);
}

async function logIn(context, user) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${user}: console error "${message.text()}" on ${page.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`${user}: page error ${error.message}`));
  await page.goto(baseUrl + '/login');
  if (language !== 'it') await page.selectOption('#language', language);
  await page.getByRole('heading', { name: text.login }).waitFor();
  await fillLogin(page, user, text.submit);
  return page;
}

try {
  for (const [user, landing, tabs] of ROLES) {
    const context = await browser.newContext({
      locale: browserLocale(language),
      viewport: { width: 1366, height: 768 },
    });
    const page = await logIn(context, user);
    await page.waitForURL((url) => url.pathname === landing);
    await settled(page);
    await inspect(page, user, landing);
    const nav = page.getByRole('navigation', { name: text.navigation });
    const offered =
      tabs.length === 0 && (await nav.count()) === 0
        ? []
        : await nav.getByRole('link').evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
    assert.deepEqual(offered, tabs, `${user}'s tabs`);
    for (const tab of tabs.filter((each) => each !== landing)) {
      await nav.locator(`a[href="${tab}"]`).click();
      await page.waitForURL((url) => url.pathname === tab);
      await settled(page);
      await inspect(page, user, tab);
    }
    // a page the role may not use sends it back to its landing instead of an error
    if (!tabs.includes('/inbox')) {
      await page.goto(baseUrl + '/inbox');
      await page.waitForURL((url) => url.pathname === landing);
    }
    await context.close();

    // phone width: the tabs fold into a menu, the landing page does not overflow sideways
    const phone = await browser.newContext({
      locale: browserLocale(language),
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const small = await logIn(phone, user);
    await small.waitForURL((url) => url.pathname === landing);
    await settled(small);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${user} ${landing} at 390 px: ${overflow} px wider than the screen`);
    if (tabs.length > 0) {
      const menu = small.getByRole('button', { name: text.menu });
      assert.equal(
        await small.getByRole('navigation', { name: text.navigation }).getByRole('link').first().isVisible(),
        false,
        `${user}: the tabs are folded at 390 px`,
      );
      await menu.click();
      await small.getByRole('navigation', { name: text.navigation }).getByRole('link').first().waitFor();
      await small.screenshot({ path: `${shots}/${language}-role-${user}-phone-menu.png` });
    }
    await phone.close();
    // progress: a run cut off by its time limit still says how far it got
    console.log(`roles ${language}: ${user} done (${tabs.length} tabs)`);
  }
  assert.deepEqual(problems, [], 'every role lands on a usable page');
  console.log(`roles ${language}: ${ROLES.length} roles landed and opened their tabs`);
} finally {
  await browser.close();
}
