// Aware of others, with two operators in two browser contexts (Debian's Chromium, playwright-core):
// operator1 opens a ticket's task and starts writing the reply; operator3 opens the same task and
// sees, before typing anything, that operator1 is replying; a supervisor assigns the task to
// operator3 and the citizen writes again, and operator3's bell count rises without reloading; the
// inbox row carries the badge; when operator1 leaves, the warning goes. axe (WCAG 2.1 A/AA) on the
// task page with the warning and on the open bell.
// Usage: node e2e/aware.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { apiAs, checkPage, inboxRow, journeyArgs, launch, logIn } from './support.mjs';

const journey = journeyArgs('aware.mjs');
const { baseUrl, shots, language, t } = journey;
const text = {
  replying: t.like('collision.REPLYING', { user: 'operator1 (demo)' }),
  // the bell's name in the singular and the plural, the count captured
  bell: [1, 2].map(
    (count) => new RegExp(`^${t.like('notifications.bell', { count }).source.replace(count, '(\\d+)')}$`),
  ),
  assigned: t.like('notifications.kind.ASSIGNED'),
  replied: t.like('notifications.kind.REQUESTER_REPLIED'),
  badge: new RegExp(
    `${t.like('notifications.badge.ASSIGNED').source}|${t.like('notifications.badge.REQUESTER_REPLIED').source}`,
  ),
};

const apiCall = apiAs(baseUrl);
const browser = await launch();
const problems = [];

const axe = (page, name) => checkPage(page, `${shots}/${language}-aware-${name}.png`, name, problems);

async function bellCount(page) {
  const name = await page.locator('[aria-controls="notifications-panel"]').getAttribute('aria-label');
  const match = text.bell.map((bell) => bell.exec(name ?? '')).find(Boolean);
  assert.ok(match, `the bell is named with the unread count, not "${name}"`);
  return Number(match[1]);
}

try {
  const opened = await apiCall('POST', '/api/tickets', 'api-client', {
    channel: 'WEB',
    subject: `Collisione ${language} ${Date.now()}`,
    description: 'Due operatori sulla stessa pratica.',
    language: 'it',
    requester: { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi', email: 'mario.rossi@example.it' },
  });
  const number = opened.number;
  const tasks = await apiCall('GET', `/api/tasks?businessKey=${number}`, 'operator1');
  assert.equal(tasks.items.length, 1, 'one open task');
  const taskId = tasks.items[0].id;

  // operator1 opens the task and starts writing to the citizen
  const { page: first } = await logIn(browser, journey, 'operator1', { problems });
  await first.goto(`${baseUrl}/tasks/${taskId}`);
  const reply = first.locator('main textarea').first();
  await reply.waitFor();
  await reply.click();
  await reply.fill('Gentile cittadino, ');

  // operator3 opens the same task: the warning is there before they type anything
  const { page: second } = await logIn(browser, journey, 'operator3', { problems });
  const before = await bellCount(second);
  await second.goto(`${baseUrl}/tasks/${taskId}`);
  const status = second.getByTestId('collision');
  await second.getByText(text.replying).waitFor({ timeout: 20_000 });
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  const typed = await second.locator('main textarea').evaluateAll((boxes) => boxes.map((box) => box.value).join(''));
  assert.equal(typed, '', 'operator3 has typed nothing yet');
  await axe(second, 'warning');

  // a supervisor hands the task to operator3, then the citizen writes: the bell counts up live
  await apiCall('POST', `/api/tasks/${taskId}/assign`, 'supervisor', { userId: 'operator3' });
  await apiCall('POST', `/api/tickets/${number}/messages`, 'api-client', { text: 'Ecco la ricevuta.' });
  const deadline = Date.now() + 45_000;
  let after = await bellCount(second);
  while (after < before + 2 && Date.now() < deadline) {
    await second.waitForTimeout(500);
    after = await bellCount(second);
  }
  assert.ok(after >= before + 2, `operator3's bell went from ${before} to ${after}`);

  await second.locator('[aria-controls="notifications-panel"]').click();
  const panel = second.locator('#notifications-panel');
  await panel.getByText(`${number}`, { exact: false }).first().waitFor();
  assert.match(await panel.textContent(), text.assigned, 'the assignment is in the bell');
  assert.match(await panel.textContent(), text.replied, "the citizen's reply is in the bell");
  await axe(second, 'bell');
  await second.keyboard.press('Escape');

  // operator1 leaves: the warning goes away without reloading
  await first.goto(`${baseUrl}/inbox`);
  await second.getByText(text.replying).waitFor({ state: 'detached', timeout: 45_000 });

  // the inbox row of the ticket carries the badge
  await second.goto(`${baseUrl}/inbox`);
  const row = await inboxRow(second, number);
  await row.first().getByText(text.badge).first().waitFor();
  await axe(second, 'inbox');
} catch (error) {
  problems.push(`aware ${language}: ${error.stack ?? error}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(`aware ${language}: the second operator was warned, the bell counted up`);
