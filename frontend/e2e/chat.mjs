// The chat in two browser contexts (Debian's Chromium, playwright-core): a citizen opens the widget on a
// plain HTML page of another origin (one script tag), accepts the privacy notice, follows the guided path
// "TARI payment not registered" with its buttons and fields until it hands the chat to an operator, and
// sees their place in the queue; operator1 takes the chat in the console (/chats), sees the data the path
// collected, answers, and closes it with a solution; the citizen sees the answer and the closure. Both
// pages are scanned with axe-core.
// Usage: CHAT_NAME=<citizen's name> node e2e/chat.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { browserLocale, checkPage, exitOnProblems, fillLogin } from './support.mjs';
import { chatJourney } from './chat-site.mjs';

const journey = await chatJourney('chat.mjs');
const { baseUrl, shots, language, t, name, browser } = journey;
const problems = [];

try {
  const citizen = await journey.citizen();
  // the guided path (BPMN chat-path-tari): its title is the process's chatTitle.<lang>
  const tari = { it: 'Pagamento TARI non registrato', en: 'TARI payment not registered' }[language] ?? 'TARI';
  await citizen
    .getByRole('group', { name: t('chatWidget.paths') })
    .getByRole('button', { name: tari })
    .click();
  await citizen
    .getByRole('group', { name: t('forms.chat-tari-method.paymentMethod.label') })
    .getByRole('button', { name: t('forms.chat-tari-method.paymentMethod.values.PAGOPA') })
    .click();
  await citizen.getByLabel(t('forms.chat-tari-date.paymentDate.label')).fill('2026-05-31');
  await citizen.getByRole('button', { name: t('chatWidget.answer') }).click();
  await citizen
    .getByRole('group', { name: t('forms.chat-tari-receipt.hasReceipt.label') })
    .getByRole('button', { name: t('chatWidget.pathYes') })
    .click();
  await citizen.getByLabel(t('forms.chat-tari-notice.noticeCode.label')).fill('301000000012345678');
  await citizen.getByRole('button', { name: t('chatWidget.answer') }).click();
  await citizen
    .getByRole('status')
    .filter({ hasText: t.like('chatWidget.queued') })
    .waitFor({ timeout: 30000 });
  await checkPage(citizen, `${shots}/chat-widget-${language}.png`, 'widget', problems);

  const operatorContext = await browser.newContext({ locale: browserLocale(language) });
  const operator = await operatorContext.newPage();
  await operator.goto(baseUrl + '/login');
  await fillLogin(operator, 'operator1', t('login.submit'));
  await operator.waitForURL((url) => !url.pathname.startsWith('/login'));
  await operator.goto(baseUrl + '/chats');
  const waiting = operator.getByRole('listitem').filter({ hasText: name });
  await waiting.getByRole('button', { name: t('chats.take') }).click();
  const reply = operator.getByRole('textbox', { name: t('chats.reply') });
  await reply.waitFor({ timeout: 30000 });
  await operator.getByRole('log').getByText('301000000012345678').first().waitFor({ timeout: 30000 });
  // the data the guided path collected, next to the transcript
  const collected = operator.getByRole('region', { name: t('chats.pathData.title') });
  await collected.getByText(t('forms.chat-tari-notice.noticeCode.label')).waitFor({ timeout: 30000 });
  assert.ok((await collected.textContent()).includes('301000000012345678'), 'the notice code is shown');
  await reply.fill('Buongiorno, sono un operatore.');
  // the reply's own button (the console's file form has a send button too)
  await reply
    .locator('xpath=ancestor::form')
    .getByRole('button', { name: t('chats.send'), exact: true })
    .click();
  await citizen.getByRole('log').getByText('Buongiorno, sono un operatore.').waitFor({ timeout: 30000 });
  await checkPage(operator, `${shots}/chat-console-${language}.png`, 'console', problems);

  await operator.getByRole('textbox', { name: t('chats.solution') }).fill('Risposto in chat.');
  await operator.getByRole('button', { name: t('chats.solve') }).click();
  const closed = operator.getByRole('status').filter({ hasText: t.like('chats.closedWith') });
  await closed.waitFor({ timeout: 30000 });
  const number = /\S+$/.exec((await closed.textContent()).trim())[0];
  await citizen
    .getByRole('status')
    .filter({ hasText: t('chatWidget.closed') })
    .waitFor({ timeout: 30000 });
  console.log(`TICKET ${number}`);
} finally {
  await journey.close();
}
exitOnProblems(problems);
