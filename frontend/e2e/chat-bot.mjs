// The chatbot alone, in a real browser (Debian's Chromium, playwright-core): a citizen opens the widget on
// a plain HTML page of another origin, accepts the privacy notice, asks in their own words, gets the
// knowledge base's articles cited and linked, answers "yes, it helped", and the chat closes with the
// reference of the ticket it became (type B, channel CHATBOT: the test checks it). The page is scanned
// with axe-core.
// Usage: CHAT_NAME=<citizen's name> CHAT_QUESTION=<text> CHAT_ARTICLE=<a cited title> \
//        node e2e/chat-bot.mjs <base-url> <screenshot-dir> [language]
import assert from 'node:assert/strict';
import { checkPage, exitOnProblems } from './support.mjs';
import { chatJourney } from './chat-site.mjs';

const question = process.env.CHAT_QUESTION ?? 'pagamento tassa rifiuti';
const article = process.env.CHAT_ARTICLE ?? 'Come pagare la TARI';
const journey = await chatJourney('chat-bot.mjs');
const { baseUrl, shots, language, t } = journey;
const problems = [];

try {
  const citizen = await journey.citizen();

  const message = citizen.getByRole('textbox', { name: t('chatWidget.message') });
  await message.fill(question);
  await message.press('Enter');
  // the bot cites and links the best public articles, then asks whether they answered the question
  const cited = citizen.getByRole('log').getByRole('link', { name: article });
  await cited.first().waitFor({ timeout: 30000 });
  const href = await cited.first().getAttribute('href');
  assert.ok(href.startsWith(baseUrl + '/self-service/kb/'), `the article links to the public KB: ${href}`);
  await checkPage(citizen, `${shots}/chat-bot-${language}.png`, 'widget with articles', problems);

  await citizen.getByRole('button', { name: t('chatWidget.yes') }).click();
  const closed = citizen.getByRole('status').filter({ hasText: t('chatWidget.closed') });
  await closed.waitFor({ timeout: 30000 });
  await citizen
    .getByRole('status')
    .filter({ hasText: t.like('chatWidget.ticket') })
    .waitFor({ timeout: 30000 });
  const number = /RS-\d{4}-\d+/.exec(await closed.textContent())?.[0];
  assert.ok(number, `the closed chat names its ticket: ${await closed.textContent()}`);
  console.log(`TICKET ${number}`);
} finally {
  await journey.close();
}
exitOnProblems(problems);
