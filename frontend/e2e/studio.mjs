// The analysts' studio in a real browser: analyst opens the ticket procedure (ticket.bpmn) in bpmn-js,
// clears the label of a user task, saves, and sees the problem on the element (a marker on the
// diagram and an entry in the list, from bpmnlint and the house rules). Prints how long the editor
// took to load (measured, not asserted). The studio page is scanned with axe-core.
// Usage: node e2e/studio.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { checkPage, journeyArgs, launch, loginPage } from './support.mjs';

const args = journeyArgs('studio.mjs');
const { baseUrl, shots, t } = args;
const text = {
  open: t('studio.open'),
  note: t('studio.note'),
  save: t('studio.save'),
};

const browser = await launch();
const problems = [];
try {
  const { page, consoleErrors } = await loginPage(browser, args, 'analyst');

  await page.goto(baseUrl + '/studio');
  const row = page.locator('tr[data-model="ticket"]');
  await row.waitFor({ timeout: 60_000 });
  await checkPage(page, `${shots}/studio-list.png`, 'studio list', problems);

  const clicked = Date.now();
  await row.getByRole('button', { name: text.open }).click();
  const task = page.locator('.studio-canvas .djs-shape[data-element-id^="userTask_"]').first();
  await task.waitFor({ timeout: 60_000 });
  const shown = Date.now() - clicked;
  const loadMs = await page.locator('[data-load-ms]').getAttribute('data-load-ms', { timeout: 30_000 });
  const taskId = await task.getAttribute('data-element-id');
  assert.ok(await page.locator('.bjs-powered-by').count(), 'the bpmn.io watermark is shown');
  assert.ok(await page.locator('.studio-properties .bio-properties-panel').count(), 'the properties panel is shown');

  // clear the task's label by direct editing
  await task.dblclick();
  const editing = page.locator('.djs-direct-editing-parent');
  await editing.waitFor();
  await editing.press('Control+A');
  await editing.press('Delete');
  await page
    .locator('.studio-canvas svg')
    .first()
    .click({ position: { x: 5, y: 5 } });

  await page.getByLabel(text.note).fill('Etichetta tolta per prova');
  await page.getByRole('button', { name: text.save }).click();
  const problem = page.locator(`li[data-problem="${taskId}"]`);
  await problem.first().waitFor({ timeout: 60_000 });
  const texts = await problem.allInnerTexts();
  assert.ok(
    texts.some((text) => text.includes('label-required')),
    `a bpmnlint problem on ${taskId}: ${texts}`,
  );
  assert.ok(
    await page.locator(`.studio-canvas .djs-element.studio-problem[data-element-id="${taskId}"]`).count(),
    `${taskId} is marked on the diagram`,
  );
  await checkPage(page, `${shots}/studio-editor.png`, 'studio editor', problems, { fullPage: false });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(problems, []);
  console.log(
    `studio it: ${taskId} marked with a lint error; editor loaded in ${loadMs} ms (shown ${shown} ms after the click)`,
  );
} finally {
  await browser.close();
}
