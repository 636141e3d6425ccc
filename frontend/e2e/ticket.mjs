// The ticket page in a real browser (Debian's Chromium, driven by playwright-core): level 1 opens a
// ticket's page from the inbox, reads its conversation, adds an internal note and a public reply
// with an article's answer inserted from the knowledge-base panel, and sees both in the
// conversation; a closed ticket's page opens by its number; an unknown number and a role that may
// not read tickets get a clear message; at phone width the page does not overflow. Every page is
// scanned with axe-core (WCAG 2.1 A/AA): a serious or critical violation fails.
// Usage: node e2e/ticket.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { apiAs, checkPage, inboxRow, journeyArgs, launch, logIn } from './support.mjs';

const journey = journeyArgs('ticket.mjs');
const { baseUrl, shots, language, t } = journey;
const startsWith = (key) => new RegExp(`^${t.like(key).source}`);
const text = {
  inbox: t('inbox.title'),
  conversation: t('conversation.title'),
  note: t('reply.noteTitle'),
  public: t('reply.public'),
  noteText: startsWith('reply.noteLabel'),
  replyText: startsWith('reply.label'),
  addNote: t('reply.addNote'),
  send: t('reply.send'),
  insertAnswer: startsWith('kbSuggest.insertLabel'),
  inserted: t.like('kbSuggest.done.INSERTED'),
  suggestions: t('kbSuggest.title'),
  closed: t('status.CLOSED'),
  notFound: t.like('ticketPage.notFound'),
  forbidden: t.like('ticketPage.forbidden'),
  solved: t('event.SOLVED'),
  kbSearch: t('kbPanel.searchTitle'),
};

const apiCall = apiAs(baseUrl);

const browser = await launch();
let step = 0;
const violations = [];
const problems = [];

const check = (page, name) =>
  checkPage(page, `${shots}/${language}-ticket-${String(++step).padStart(2, '0')}-${name}.png`, name, violations);

const entry = (page, kind, words) => page.locator(`[data-entry="${kind}"]`).filter({ hasText: words });

try {
  const opened = await apiCall('POST', '/api/tickets', 'api-client', {
    channel: 'WEB',
    subject: `Pagamento TARI con pagoPA (ticket page ${language})`,
    language: 'it',
    description: 'Il pagamento PagoPA della TARI risulta non registrato.',
    requester: { fiscalCode: 'TCKPGE80A01H501Z', name: 'Paola Conti', email: 'paola.conti@example.it' },
  });
  const number = opened.number;
  await apiCall('POST', `/api/tickets/${number}/messages`, 'api-client', {
    text: 'Allego la ricevuta del pagamento.',
    channel: 'WEB',
  });

  // from the inbox to the ticket's page
  const operator = await logIn(browser, journey, 'operator1', { problems, console: false });
  await operator.page.getByRole('heading', { name: text.inbox }).waitFor();
  const row = await inboxRow(operator.page, number);
  // the subject links to the ticket's page (the number to the task)
  await row.locator(`a[href="/tickets/${number}"]`).click();
  await operator.page.waitForURL((url) => url.pathname === `/tickets/${number}`);
  await operator.page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
  await operator.page.getByRole('heading', { name: text.conversation }).waitFor();
  await entry(operator.page, 'REQUEST', 'Il pagamento PagoPA della TARI risulta non registrato.').waitFor();
  await entry(operator.page, 'MESSAGE', 'Allego la ricevuta del pagamento.').waitFor();
  const conversationText = await operator.page.locator('ol.conversation').textContent();
  assert.doesNotMatch(
    conversationText,
    /[a-zA-Z]+=\S|\d{4}-\d{2}-\d{2}T\d{2}|sha256:/,
    'the conversation is in plain words',
  );
  await check(operator.page, 'opened');

  // an internal note
  // the toggle's radios are drawn as buttons: their labels take the click
  await operator.page.getByText(text.note, { exact: true }).click();
  await operator.page.getByLabel(text.noteText).fill(`**Verificare** il versamento con i tributi (${language}).`);
  await operator.page.getByRole('button', { name: text.addNote }).click();
  await entry(operator.page, 'NOTE', `il versamento con i tributi (${language})`).waitFor();

  // a public reply with an article's answer inserted from the knowledge-base panel
  await operator.page.getByText(text.public, { exact: true }).click();
  const box = operator.page.getByLabel(text.replyText);
  await box.fill('Gentile Paola Conti,\n');
  await operator.page.getByRole('heading', { name: text.suggestions }).waitFor();
  await operator.page.getByRole('heading', { name: text.kbSearch }).waitFor();
  const suggestion = operator.page.locator('[data-suggestion]').first();
  await suggestion.waitFor({ timeout: 30_000 });
  const articleId = await suggestion.getAttribute('data-suggestion');
  await suggestion.getByRole('button', { name: text.insertAnswer }).click();
  await operator.page.getByText(text.inserted).first().waitFor();
  const written = await box.inputValue();
  assert.ok(
    written.startsWith('Gentile Paola Conti,') && written.length > 'Gentile Paola Conti,\n'.length + 20,
    'the answer is inserted into the reply after what was typed',
  );
  await check(operator.page, 'reply-written');
  await operator.page.getByRole('button', { name: text.send }).click();
  await entry(operator.page, 'REPLY', 'Gentile Paola Conti,').waitFor();
  await check(operator.page, 'replied');

  const conversation = await apiCall('GET', `/api/tickets/${number}/conversation`, 'supervisor');
  const kinds = conversation.map((each) => each.kind);
  assert.ok(kinds.includes('NOTE') && kinds.includes('REPLY'), `note and reply in the conversation: ${kinds}`);
  assert.ok(kinds.indexOf('NOTE') < kinds.lastIndexOf('REPLY'), 'the note before the reply');
  const learned = await apiCall('GET', `/api/kb/articles/${articleId}/learned`, 'kbeditor');
  assert.ok(
    learned.some((each) => each.ticketNumber === number),
    'the insert is recorded as a use of the article',
  );
  await operator.context.close();

  // a closed ticket's page, by its number
  const call = await apiCall('POST', '/api/tickets', 'operator1', {
    channel: 'PHONE',
    subject: `Orari dello sportello (ticket page ${language})`,
    language: 'it',
    description: 'Chiede gli orari di apertura.',
    requester: { fiscalCode: 'TCKCLS80A01H501Z', name: 'Franco Neri' },
    firstContactAnswer: 'Dal lunedì al venerdì, 8:30-12:30.',
  });
  const closed = await logIn(browser, journey, 'operator2', { problems, console: false });
  await closed.page.goto(`${baseUrl}/tickets/${call.number}`);
  await closed.page.getByRole('heading', { level: 1, name: new RegExp(call.number) }).waitFor();
  assert.equal((await closed.page.locator('[data-field="status"]').textContent()).trim(), text.closed);
  await entry(closed.page, 'EVENT', text.solved).first().waitFor();
  assert.equal(
    await closed.page.getByLabel(text.public, { exact: true }).count(),
    0,
    'no public reply to a closed ticket',
  );
  await closed.page.getByLabel(text.noteText).waitFor();
  await check(closed.page, 'closed');
  // an unknown number
  await closed.page.goto(`${baseUrl}/tickets/RS-1999-999999`);
  await closed.page.getByRole('alert').filter({ hasText: text.notFound }).waitFor();
  await check(closed.page, 'not-found');
  await closed.context.close();

  // a role that may not read tickets
  const auditor = await logIn(browser, journey, 'auditor', { problems, console: false });
  await auditor.page.goto(`${baseUrl}/tickets/${number}`);
  await auditor.page.getByRole('alert').filter({ hasText: text.forbidden }).waitFor();
  await auditor.context.close();

  // phone width: the knowledge-base panel folds under the conversation, nothing overflows sideways
  const phone = await logIn(browser, journey, 'operator1', {
    problems,
    console: false,
    viewport: { width: 390, height: 844 },
  });
  await phone.page.goto(`${baseUrl}/tickets/${number}`);
  await entry(phone.page, 'REPLY', 'Gentile Paola Conti,').waitFor();
  await phone.page.getByRole('heading', { name: text.suggestions }).waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the ticket page at 390 px is ${overflow} px wider than the screen`);
  const [conversationBox, panelBox] = await Promise.all([
    phone.page.locator('ol.conversation').boundingBox(),
    phone.page.getByRole('heading', { name: text.suggestions }).boundingBox(),
  ]);
  assert.ok(panelBox.y > conversationBox.y + conversationBox.height, 'the panel is under the conversation');
  await check(phone.page, 'phone');
  await phone.context.close();

  assert.deepEqual(problems, [], 'no page errors');
  assert.deepEqual(violations, [], 'accessibility violations');
  console.log(
    `ticket ${language}: conversation of ${number} with a note and a reply, closed ${call.number}, after ${step} checked pages`,
  );
} finally {
  await browser.close();
}
