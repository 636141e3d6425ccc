// Every demo role in a real browser (Debian's Chromium, driven by playwright-core): it logs in, lands
// on the page it works on, and every tab it is offered opens without an error banner, a console error
// or a serious accessibility violation (axe-core, WCAG 2.1 A/AA: every page in each language, each
// role's view of it in one of the two); at phone width (390 px) the tabs fold into a menu and the
// landing page does not overflow sideways. It ends by saying where its time went.
// Usage: node e2e/roles.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { pattern } from './locale.mjs';
import { axeViolations, browserLocale, journeyArgs, launch, logIn, watchErrors } from './support.mjs';

const journey = journeyArgs('roles.mjs');
const { baseUrl, shots, language, t } = journey;
const ERRORS = [
  'errors.generic',
  'errors.forbidden',
  'contact.denied',
  'contact.sectionDenied',
  'ticketPage.forbidden',
  'canned.page.forbidden',
];
const text = {
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

/**
 * The pages axe scans in this language (a scan is most of the run's time). Every page is scanned in
 * both languages, as the first role offering it sees it; each other role's view of it in one
 * language, Italian and English in turn, so that every role's page is scanned once. Every page is
 * still opened and checked for error banners and console errors in both languages.
 */
const scanned = new Set();
const offeredBefore = new Map();
for (const [user, landing, tabs] of ROLES) {
  for (const path of new Set([landing, ...tabs])) {
    const before = offeredBefore.get(path) ?? 0;
    offeredBefore.set(path, before + 1);
    if (before === 0 || before % 2 === (language === 'it' ? 1 : 0)) scanned.add(`${user} ${path}`);
  }
}

const browser = await launch();
const problems = [];
const started = Date.now();
/** Where the time goes, in ms per step (said at the end: the run is long, and CI time is counted). */
const spent = {};
async function timed(step, action) {
  const from = Date.now();
  try {
    return await action();
  } finally {
    spent[step] = (spent[step] ?? 0) + Date.now() - from;
  }
}
let pages = 0;
let scans = 0;

/** Each browser context's calls to `/api` in flight, and when one last started or ended. */
const callsOf = new WeakMap();

/** Counts the context's calls to `/api` in flight (the event stream aside: it stays open). */
function trackCalls(context) {
  const calls = { open: new Set(), last: Date.now() };
  const counted = (request) =>
    request.resourceType() !== 'eventsource' && new URL(request.url()).pathname.startsWith('/api/');
  context.on('request', (request) => {
    if (counted(request)) {
      calls.open.add(request);
      calls.last = Date.now();
    }
  });
  for (const event of ['requestfinished', 'requestfailed']) {
    context.on(event, (request) => {
      if (calls.open.delete(request)) calls.last = Date.now();
    });
  }
  callsOf.set(context, calls);
  return context;
}

/**
 * The page has settled: a level-1 heading, then its calls have answered and none started for a
 * moment (an answer may lead to the next call, an error answer to a banner). It replaces a fixed
 * wait: as long as the calls take, no longer.
 */
async function settled(page, quiet = 300) {
  await timed('heading', () => page.getByRole('heading', { level: 1 }).first().waitFor());
  await timed('calls', async () => {
    const calls = callsOf.get(page.context());
    // the page's first calls start as it renders: the quiet moment counts from the heading on
    calls.last = Date.now();
    const until = Date.now() + 30_000;
    while (calls.open.size > 0 || Date.now() - calls.last < quiet) {
      assert.ok(Date.now() < until, `${page.url()}: ${calls.open.size} calls still open after 30 s`);
      await page.waitForTimeout(50);
    }
  });
}

async function inspect(page, user, name) {
  pages++;
  if (scanned.has(`${user} ${name}`)) {
    await timed('screenshot', () =>
      page.screenshot({
        path: `${shots}/${language}-role-${user}-${name.replaceAll('/', '_') || 'root'}.png`,
        fullPage: true,
      }),
    );
    problems.push(...(await timed('axe', () => axeViolations(page, `${user} ${name}`))));
    scans++;
  }
  // the shared Message keeps its live regions on the page, empty until they speak
  const banners = (await page.getByRole('alert').allTextContents()).filter((text) => text.trim());
  if (banners.length > 0) problems.push(`${user} ${name}: error banner "${banners.join(' | ')}"`);
  if (await page.getByText(text.errors).count()) problems.push(`${user} ${name}: an error message is shown`);
}

try {
  for (const [user, landing, tabs] of ROLES) {
    const context = trackCalls(
      await browser.newContext({ locale: browserLocale(language), viewport: { width: 1366, height: 768 } }),
    );
    const { page } = await timed('login', () => logIn(browser, journey, user, { context, problems }));
    await timed('landing', () => page.waitForURL((url) => url.pathname === landing));
    await settled(page);
    await inspect(page, user, landing);
    const nav = page.getByRole('navigation', { name: text.navigation });
    const offered =
      tabs.length === 0 && (await nav.count()) === 0
        ? []
        : await nav.getByRole('link').evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
    assert.deepEqual(offered, tabs, `${user}'s tabs`);
    for (const tab of tabs.filter((each) => each !== landing)) {
      await timed('navigate', async () => {
        await nav.locator(`a[href="${tab}"]`).click();
        await page.waitForURL((url) => url.pathname === tab);
      });
      await settled(page);
      await inspect(page, user, tab);
    }
    // a page the role may not use sends it back to its landing instead of an error
    if (!tabs.includes('/inbox')) {
      await page.goto(baseUrl + '/inbox');
      await page.waitForURL((url) => url.pathname === landing);
    }
    // phone width, in the same session (and language): the tabs fold into a menu, the landing page
    // does not overflow sideways
    const phone = trackCalls(
      await browser.newContext({
        locale: browserLocale(language),
        viewport: { width: 390, height: 844 },
        isMobile: true,
        storageState: await context.storageState(),
      }),
    );
    await context.close();
    const small = await phone.newPage();
    watchErrors(small, user, problems);
    await timed('landing', async () => {
      await small.goto(baseUrl + '/');
      await small.waitForURL((url) => url.pathname === landing);
    });
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
  const steps = Object.entries(spent).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `roles ${language}: ${pages} pages (${scans} scanned by axe) in ${((Date.now() - started) / 1000).toFixed(1)} s (${steps.join(', ')})`,
  );
  console.log(`roles ${language}: ${ROLES.length} roles landed and opened their tabs`);
} finally {
  await browser.close();
}
