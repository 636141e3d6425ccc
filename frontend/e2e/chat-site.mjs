// The chat journeys' shared start: a plain HTML page of another site that embeds the widget with one
// script tag, and the citizen's first steps in it (open, privacy notice, name).
import { createServer } from 'node:http';
import { browserLocale, journeyArgs, launch } from './support.mjs';

/**
 * A chat journey's start: its arguments (see journeyArgs), the citizen's name (CHAT_NAME), the page
 * of another site embedding the widget, and the browser; `citizen()` opens the widget there and starts
 * the chat, `close()` closes the browser and the site.
 */
export async function chatJourney(script) {
  const args = journeyArgs(script);
  const name = process.env.CHAT_NAME ?? 'Cittadino di prova';
  const site = await widgetSite(args.baseUrl, args.language);
  const browser = await launch();
  return {
    ...args,
    name,
    browser,
    async citizen() {
      const context = await browser.newContext({ locale: browserLocale(args.language) });
      const page = await context.newPage();
      await startChat(page, site.url, args.t, name);
      return page;
    },
    async close() {
      await browser.close();
      site.close();
    },
  };
}

/** Serves the page on a free port; `close()` stops it. */
export async function widgetSite(baseUrl, language) {
  const site = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>Comune</title></head>` +
        `<body><main><h1>Comune di prova</h1><p>Una pagina qualsiasi.</p></main>` +
        `<script src="${baseUrl}/chat/widget.js" data-lang="${language}" defer></script></body></html>`,
    );
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${site.address().port}/`, close: () => site.close() };
}

/** Opens the widget on `url`, accepts the privacy notice and starts the chat under `name`. */
export async function startChat(page, url, t, name) {
  await page.goto(url);
  await page.getByRole('button', { name: t('chatWidget.open') }).click();
  await page.getByRole('checkbox', { name: t('chatWidget.privacyAccept') }).check();
  await page.getByRole('textbox', { name: t('chatWidget.name') }).fill(name);
  await page.getByRole('button', { name: t('chatWidget.start') }).click();
}
