// The reviewer sees the change (issue 24, item 3): analyst renames a user task of the ticket procedure,
// saves and asks to deploy; analyst2 opens the request's changes and finds the task marked as changed
// on the diagram and listed with its old and new name; then rejects it (nothing is deployed). The
// page with the diff is scanned with axe-core. Texts come from src/locales/<language>.json.
// Usage: node e2e/studio-diff.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { checkPage, journeyArgs, launch, loginPage } from './support.mjs';

const args = journeyArgs('studio-diff.mjs');
const { baseUrl, shots, t } = args;

const browser = await launch();
const problems = [];
const note = `Etichetta rinominata ${Date.now()}`;
const label = `Gestisci ${Date.now() % 100000}`;

async function loginAs(user) {
  const { page, consoleErrors } = await loginPage(browser, args, user);
  await page.goto(baseUrl + '/studio');
  return { page, consoleErrors };
}

try {
  // the author: rename a user task, save, ask to deploy
  const author = await loginAs('analyst');
  const row = author.page.locator('tr[data-model="ticket"]');
  await row.waitFor({ timeout: 60_000 });
  await row.getByRole('button', { name: t('studio.open') }).click();
  const task = author.page.locator('.studio-canvas .djs-shape[data-element-id^="userTask_"]').first();
  await task.waitFor({ timeout: 60_000 });
  const taskId = await task.getAttribute('data-element-id');
  await task.dblclick();
  const editing = author.page.locator('.djs-direct-editing-parent');
  await editing.waitFor();
  await editing.press('Control+A');
  await editing.pressSequentially(label);
  await author.page
    .locator('.studio-canvas svg')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await author.page.getByLabel(t('studio.note')).fill(note);
  await author.page.getByRole('button', { name: t('studio.save') }).click();
  const draftRow = author.page.locator('tr[data-draft]', { hasText: note });
  await draftRow.waitFor({ timeout: 60_000 });
  const draftId = await draftRow.getAttribute('data-draft');
  await author.page.getByRole('button', { name: t('studio.askDeploy') }).click();
  await author.page.locator(`tr[data-request-draft="${draftId}"]`).waitFor({ timeout: 60_000 });
  assert.deepEqual(author.consoleErrors, []);

  // the reviewer: the request's changes, on the diagram and in the list
  const reviewer = await loginAs('analyst2');
  const request = reviewer.page.locator(`tr[data-request-draft="${draftId}"]`);
  await request.waitFor({ timeout: 60_000 });
  await request.getByRole('button', { name: t('studio.diff.show') }).click();
  const marked = reviewer.page.locator(
    `[data-diff-view] .studio-diff-canvas .djs-element.studio-diff-changed[data-element-id="${taskId}"]`,
  );
  await marked.first().waitFor({ timeout: 60_000 });
  const listed = reviewer.page.locator(`[data-diff-view] li[data-element="${taskId}"][data-change="CHANGED"]`);
  const text = await listed.innerText();
  assert.ok(text.includes(label), `the new name is listed: ${text}`);
  await checkPage(reviewer.page, `${shots}/studio-diff.png`, 'studio diff', problems, { fullPage: false });

  // rejected: the shipped procedure stays as it is
  await request.getByLabel(t('studio.comment')).fill('Solo una prova del confronto');
  await request.getByRole('button', { name: t('studio.reject') }).click();
  await request.getByText(t('studio.decided.REJECT', { user: 'analyst2' })).waitFor({ timeout: 30_000 });
  assert.deepEqual(reviewer.consoleErrors, []);
  assert.deepEqual(problems, []);
  console.log(`studio diff it: ${taskId} marked as changed for the reviewer (draft ${draftId})`);
} finally {
  await browser.close();
}
