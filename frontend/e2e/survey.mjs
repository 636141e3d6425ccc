// The satisfaction survey in a real browser (Debian's Chromium, driven by playwright-core), in two
// phases that the Java test (SatisfactionSurveyWebIT) separates by closing a ticket and reading the
// requester's mail:
//   PHASE=setup   a supervisor creates a questionnaire (code SURVEY_CODE) with form-js's editor on
//                 /surveys, saves it and chooses it as the satisfaction questionnaire, switched on;
//   PHASE=answer  the requester opens the personal link (SURVEY_LINK), answers with form-js's viewer,
//                 then the supervisor finds the answer of ticket SURVEY_TICKET on the activity page.
// Texts come from src/locales/<language>.json; every page is checked with axe-core (WCAG 2.1 A/AA).
// Usage: PHASE=... node e2e/survey.mjs <base-url> <screenshot-dir> [language]
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { locale } from './locale.mjs';
import { browserLocale, checkPage, fillLogin, launch } from './support.mjs';

const [baseUrl, shots, language = 'it'] = process.argv.slice(2);
assert.ok(baseUrl && shots, 'usage: survey.mjs <base-url> <screenshot-dir> [language]');
mkdirSync(shots, { recursive: true });
const t = locale(language);
const phase = process.env.PHASE;
const problems = [];

const browser = await launch();
try {
  const context = await browser.newContext({ locale: browserLocale(language) });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  // the browser's own messages go to the test's output: an editor that fails to mount says why there
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.log(`browser ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.log(`browser page error: ${error.message}`));

  // Bootstrap Italia draws a checkbox with its label, which takes the click: click the label, as a user does
  async function tick(id) {
    const box = page.locator(`#${id}`);
    if (!(await box.isChecked())) await page.locator(`label[for="${id}"]`).click();
    assert.ok(await box.isChecked(), `${id} is checked`);
  }

  async function login(user, path) {
    await page.goto(`${baseUrl}/login?lang=${language}`);
    await fillLogin(page, user, t('login.submit'));
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${baseUrl}${path}`);
  }

  if (phase === 'setup') {
    const code = process.env.SURVEY_CODE;
    assert.ok(code, 'SURVEY_CODE is needed');
    await login('supervisor', '/surveys');
    await page.getByRole('heading', { name: t('surveys.title') }).waitFor();
    await page.getByRole('button', { name: t('surveys.new') }).click();
    await page.locator('#questionnaire-code').fill(code);
    await page.locator('#questionnaire-title').fill(`CSAT ${code}`);
    // the editor shows the starter's score question on its canvas
    await page.locator('.questionnaire-editor .fjs-palette-container').waitFor();
    await page.locator('.questionnaire-editor').getByText('Quanto è soddisfatto? (1-5)').first().waitFor();
    await page.getByRole('button', { name: t('surveys.save') }).click();
    await page.getByText(t('surveys.saved', { version: 1 })).waitFor();
    await checkPage(page, `${shots}/${language}-survey-01-editor.png`, 'surveys editor', problems);

    await tick('satisfaction-enabled');
    await page.locator('#satisfaction-questionnaire').selectOption({ label: `CSAT ${code}` });
    await tick('satisfaction-channel-WEB');
    await page.getByRole('button', { name: t('surveys.saveSettings') }).click();
    await page.getByText(t('surveys.settingsSaved')).waitFor();
    console.log(`survey setup: questionnaire ${code} saved and chosen as the satisfaction questionnaire`);
  } else if (phase === 'answer') {
    const link = process.env.SURVEY_LINK;
    const ticket = process.env.SURVEY_TICKET;
    assert.ok(link && ticket, 'SURVEY_LINK and SURVEY_TICKET are needed');
    await page.goto(`${baseUrl}${link}${link.includes('?') ? '&' : '?'}lang=${language}`);
    await page.getByRole('button', { name: t('publicSurvey.send') }).waitFor();
    await checkPage(page, `${shots}/${language}-survey-02-questionnaire.png`, 'public survey', problems);
    await page.getByLabel('4', { exact: true }).check();
    await page.getByRole('button', { name: t('publicSurvey.send') }).click();
    await page.getByText(t('publicSurvey.outcomes.answered')).waitFor();
    await checkPage(page, `${shots}/${language}-survey-03-thanks.png`, 'public survey answered', problems);

    await login('supervisor', '/activity');
    const section = page.locator('[data-section="satisfaction"]');
    await section.getByRole('heading', { name: t('satisfaction.title') }).waitFor();
    await section.locator('summary').click();
    // the answers' table heads each row with its ticket's number
    await section.getByRole('rowheader', { name: ticket, exact: true }).waitFor();
    await checkPage(page, `${shots}/${language}-survey-04-activity.png`, 'activity with satisfaction', problems);
    console.log(`survey answer: the answer of ${ticket} shows on the activity page`);
  } else {
    throw new Error(`PHASE must be setup or answer, not ${phase}`);
  }
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
