// The supervisor's board and the requester page in a real browser (Debian's Chromium, driven by
// playwright-core): the supervisor sees a ticket waiting at an office on the board (not only the
// level-1 queues) and assigns it to one of the office's staff; an operator opens the requester's page
// from a task, changes the phone number and sees the change traced. Every page is scanned with
// axe-core (WCAG 2.1 A/AA) and checked at phone width (390 px) for sideways overflow.
// Usage: node e2e/requester.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { apiAs, checkPage, journeyArgs, launch, logIn } from './support.mjs';

const journey = journeyArgs('requester.mjs');
const { baseUrl, shots, language, t } = journey;
const text = {
  show: new RegExp(`^${t.like('board.showWaiting', { group: 'Ufficio Tributi' }).source}`),
  assignTo: (number) => t('colleagues.open', { action: t('board.assign'), number }),
  confirm: t('colleagues.confirm'),
  assigned: t.like('bulk.assigned', { user: 'office1' }),
  requesterPage: new RegExp(`^${t.like('contact.openNamed').source}`),
  phone: t('contact.fields.phone'),
  save: t('contact.save'),
  changes: t('contact.changes'),
  colleague: new RegExp(`^${t.like('colleagues.label').source}`),
};

const apiCall = apiAs(baseUrl);

const letters = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');

/** A new ticket of a new requester, opened by level 1; its number and its requester's name. */
async function openTicket(subject) {
  const name = `Requester ${letters()}`;
  const ticket = await apiCall('POST', '/api/tickets', 'operator1', {
    channel: 'WEB',
    subject,
    description: 'Ho pagato la TARI ma risulto ancora debitore.',
    language: 'it',
    requester: {
      fiscalCode: `${letters()}80A01H501Z`,
      name,
      email: `${name.replace(' ', '.').toLowerCase()}@example.it`,
    },
  });
  return { number: ticket.number, name };
}

const taskOf = async (number, user) => (await apiCall('GET', `/api/tasks?businessKey=${number}`, user)).items[0].id;

const browser = await launch();
const problems = [];
let step = 0;

const check = (page, name) =>
  checkPage(page, `${shots}/${language}-requester-${String(++step).padStart(2, '0')}-${name}.png`, name, problems);

async function noOverflow(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`${name} at 390 px: ${overflow} px wider than the screen`);
}

try {
  // a ticket that level 1 escalates and level 2 hands to the Tributi office
  const atOffice = await openTicket('Bacheca: pratica in ufficio');
  await apiCall('POST', `/api/tasks/${await taskOf(atOffice.number, 'operator1')}/complete`, 'operator1', {
    decision: 'ESCALATE',
  });
  await apiCall('POST', `/api/tasks/${await taskOf(atOffice.number, 'operator2')}/complete`, 'operator2', {
    decision: 'INVOLVE_OFFICE',
    office: 'office-tributi',
  });

  // the supervisor finds it on the board under the office and assigns it to office1
  {
    const { context, page } = await logIn(browser, journey, 'supervisor', { problems });
    await page.waitForURL((url) => url.pathname === '/supervisor');
    const office = page.locator('tr[data-group="office-tributi"]');
    await office.waitFor();
    assert.ok(
      Number(await office.locator('td[data-figure="waiting"]').textContent()) >= 1,
      'the office has waiting work',
    );
    await check(page, 'board');
    await office.getByRole('button', { name: text.show }).click();
    const task = page.locator(`li[data-task="${atOffice.number}"]`);
    await task.waitFor();
    assert.equal(
      await task.getByRole('link', { name: atOffice.number }).getAttribute('href'),
      `/tickets/${atOffice.number}`,
    );
    await task.getByRole('button', { name: text.assignTo(atOffice.number) }).click();
    await task.getByLabel(text.colleague).selectOption('office1');
    await check(page, 'board-assign');
    await task.getByRole('button', { name: text.confirm }).click();
    await page.getByRole('status').filter({ hasText: text.assigned }).waitFor();
    await page.locator(`li[data-task="${atOffice.number}"]`).waitFor({ state: 'detached' });
    const holder = await apiCall('GET', `/api/tasks?businessKey=${atOffice.number}`, 'office1');
    assert.equal(holder.items[0].assignee, 'office1', "the office task is office1's now");
    await context.close();

    const phone = await logIn(browser, journey, 'supervisor', { problems, viewport: { width: 390, height: 844 } });
    await phone.page.locator('tr[data-group="office-tributi"]').waitFor();
    await noOverflow(phone.page, 'supervisor board');
    await phone.context.close();
  }

  // an operator opens the requester's page from a task, changes the phone and sees it traced
  {
    const ticket = await openTicket('Pagina del richiedente');
    const taskId = await taskOf(ticket.number, 'operator1');
    const { context, page } = await logIn(browser, journey, 'operator1', { problems });
    await page.goto(`${baseUrl}/tasks/${taskId}`);
    await page.getByRole('link', { name: text.requesterPage }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/contacts/'));
    await page.getByRole('heading', { level: 1, name: ticket.name }).waitFor();
    await check(page, 'contact');
    await page.getByLabel(text.phone, { exact: true }).fill('+39 06 555 0101');
    await page.getByRole('button', { name: text.save }).click();
    const trail = page.getByRole('table', { name: text.changes });
    await trail.getByRole('row', { name: new RegExp(`${text.phone}.*\\+39065550101`) }).waitFor();
    assert.match(await trail.textContent(), /operator1/, 'the change names who made it');
    await check(page, 'contact-traced');
    // the same page at phone width
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: ticket.name }).waitFor();
    await page.screenshot({
      path: `${shots}/${language}-requester-${String(++step).padStart(2, '0')}-contact-phone.png`,
      fullPage: true,
    });
    await noOverflow(page, 'requester page');
    await context.close();
  }

  assert.deepEqual(problems, [], 'no accessibility violation, console error or overflow');
  console.log(`requester ${language}: board assignment and requester edit done`);
} finally {
  await browser.close();
}
