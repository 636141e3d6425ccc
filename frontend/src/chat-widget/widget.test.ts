import { screen, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget, fill } from './widget';
import it_ from '../locales/it.json';
import en from '../locales/en.json';

class FakeSocket {
  static last: FakeSocket | undefined;
  static readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const state = (overrides: object = {}) => ({
  status: 'BOT',
  position: 0,
  operatorsAvailable: true,
  requestFormPath: '/self-service/request',
  privacyAccepted: false,
  awaitingFeedback: false,
  lastSeq: 1,
  ticketNumber: null,
  ...overrides,
});

describe('chat widget', () => {
  let widget: ChatWidget;
  const calls: { url: string; init: RequestInit }[] = [];

  beforeEach(() => {
    sessionStorage.clear();
    calls.length = 0;
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, init });
        const body = url.endsWith('/conversations')
          ? { token: 'token-of-the-test-chat-000000', state: state() }
          : state({ privacyAccepted: true });
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      }),
    );
  });

  afterEach(() => {
    widget.destroy();
    vi.unstubAllGlobals();
  });

  /** Opens a new widget in English and its socket, connected. */
  async function openEnglishChat() {
    FakeSocket.last = undefined;
    widget = new ChatWidget('https://comune.example', 'en');
    screen.getByRole('button', { name: en.chatWidget.open }).click();
    await vi.waitFor(() => expect(FakeSocket.last).toBeDefined());
    const socket = FakeSocket.last!;
    socket.open();
    return socket;
  }

  it('asks for the privacy notice first, then announces messages in a labelled log', async () => {
    widget = new ChatWidget('https://comune.example', 'en');
    const open = screen.getByRole('button', { name: en.chatWidget.open });
    open.click();
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const accept = await screen.findByRole('checkbox', { name: en.chatWidget.privacyAccept });
    await vi.waitFor(() => expect(document.activeElement).toBe(accept));
    expect(screen.getByRole('textbox', { name: en.chatWidget.name })).toBeTruthy();

    // the privacy notice must be accepted: nothing is sent without it
    screen.getByRole('button', { name: en.chatWidget.start }).click();
    expect(screen.getByRole('status').textContent).toContain(en.chatWidget.privacyRequired);
    accept.click();
    screen.getByRole('button', { name: en.chatWidget.start }).click();
    await vi.waitFor(() => expect(calls.some((call) => call.url.endsWith('/privacy'))).toBe(true));
    const privacy = calls.find((call) => call.url.endsWith('/privacy'))!;
    expect(privacy.init.credentials).toBe('omit');
    expect((privacy.init.headers as Record<string, string>)['X-Chat-Token']).toBe('token-of-the-test-chat-000000');

    const socket = FakeSocket.last!;
    expect(socket.url).toBe('wss://comune.example/api/public/chat/socket');
    socket.open();
    expect(JSON.parse(socket.sent[0])).toEqual({ type: 'hello', token: 'token-of-the-test-chat-000000', after: 0 });
    socket.receive({
      type: 'message',
      seq: 1,
      authorKind: 'BOT',
      body: 'I found this:',
      articles: [{ id: 7, title: 'How to pay the TARI waste tax', url: '/self-service/kb/7' }],
      sentAt: '2026-12-07T09:00:00Z',
    });
    const log = screen.getByRole('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
    const link = within(log).getByRole('link', { name: 'How to pay the TARI waste tax' });
    expect(link.getAttribute('href')).toBe('https://comune.example/self-service/kb/7');
    // a message seen twice (a reconnection) is shown once
    socket.receive({ type: 'message', seq: 1, authorKind: 'BOT', body: 'I found this:', articles: [], sentAt: '' });
    expect(within(log).getAllByText('I found this:')).toHaveLength(1);

    socket.receive({ type: 'state', ...state({ privacyAccepted: true, status: 'QUEUED', position: 2 }) });
    expect(screen.getByRole('status').textContent).toBe(
      fill(en.chatWidget.queued, { position: 2 }) + ' ' + en.chatWidget.waitUnknown,
    );
    // the estimated wait, updated as the queue moves
    socket.receive({
      type: 'state',
      ...state({ privacyAccepted: true, status: 'QUEUED', position: 1, estimatedWaitMinutes: 4 }),
    });
    expect(screen.getByRole('status').textContent).toBe(
      fill(en.chatWidget.queued, { position: 1 }) + ' ' + fill(en.chatWidget.wait, { minutes: 4 }),
    );
    // a file can be sent once the queue or an operator has the chat, and one received is a button
    expect(screen.getByLabelText(en.chatWidget.attach)).toBeTruthy();
    socket.receive({
      type: 'message',
      seq: 2,
      authorKind: 'OPERATOR',
      body: 'modulo.pdf',
      articles: [],
      sentAt: '2026-12-07T09:01:00Z',
      attachment: { documentId: 3, fileName: 'modulo.pdf', mediaType: 'application/pdf', size: 20480 },
    });
    expect(
      within(log).getByRole('button', { name: fill(en.chatWidget.file, { name: 'modulo.pdf', size: 20 }) }),
    ).toBeTruthy();
  });

  it('outside the service hours offers the web request form, in Italian by default', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          new Response(
            JSON.stringify(
              url.endsWith('/conversations')
                ? { token: 'token-of-the-test-chat-000000', state: state({ operatorsAvailable: false }) }
                : state(),
            ),
            { status: 200 },
          ),
        ),
      ),
    );
    widget = new ChatWidget('https://comune.example', 'xx');
    screen.getByRole('button', { name: it_.chatWidget.open }).click();
    const form = await screen.findByRole('link', { name: it_.chatWidget.requestForm });
    expect(form.getAttribute('href')).toBe('https://comune.example/self-service/request');
  });
  it('offers the guided paths as buttons and renders each question of a path as buttons or a field', async () => {
    const socket = await openEnglishChat();
    const paths = [{ key: 'chat-path-tari', title: 'TARI payment not registered' }];
    socket.receive({ type: 'state', ...state({ privacyAccepted: true, paths }) });
    const menu = screen.getByRole('group', { name: en.chatWidget.paths });
    within(menu).getByRole('button', { name: 'TARI payment not registered' }).click();
    await vi.waitFor(() => expect(calls.some((call) => call.url.endsWith('/api/public/chat/path'))).toBe(true));
    const chosen = calls.find((call) => call.url.endsWith('/api/public/chat/path'))!;
    expect(JSON.parse(String(chosen.init.body))).toEqual({ path: 'chat-path-tari' });

    const prompt = (overrides: object) => ({
      path: 'chat-path-tari',
      key: 'paymentMethod',
      type: 'radio',
      label: 'How did you pay the TARI?',
      options: [
        { value: 'PAGOPA', label: 'pagoPA notice' },
        { value: 'F24', label: 'F24 form' },
      ],
      min: null,
      max: null,
      maxLength: null,
      ...overrides,
    });
    socket.receive({ type: 'state', ...state({ privacyAccepted: true, lastSeq: 3, prompt: prompt({}) }) });
    const choices = screen.getByRole('group', { name: 'How did you pay the TARI?' });
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('pagoPA notice'));
    within(choices).getByRole('button', { name: 'F24 form' }).click();
    await vi.waitFor(() => expect(calls.some((call) => call.url.endsWith('/path/answer'))).toBe(true));
    expect(JSON.parse(String(calls.find((call) => call.url.endsWith('/path/answer'))!.init.body))).toEqual({
      value: 'F24',
    });

    socket.receive({
      type: 'state',
      ...state({
        privacyAccepted: true,
        lastSeq: 5,
        prompt: prompt({ key: 'hasReceipt', type: 'checkbox', label: 'Receipt?', options: [] }),
      }),
    });
    const yesNo = screen.getByRole('group', { name: 'Receipt?' });
    expect(
      within(yesNo)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([en.chatWidget.pathYes, en.chatWidget.pathNo]);

    socket.receive({
      type: 'state',
      ...state({
        privacyAccepted: true,
        lastSeq: 7,
        prompt: prompt({ key: 'paymentDate', type: 'datetime', label: 'On what date did you pay?', options: [] }),
      }),
    });
    const date = screen.getByLabelText('On what date did you pay?') as HTMLInputElement;
    expect(date.type).toBe('date');
    expect(screen.getByRole('button', { name: en.chatWidget.answer })).toBeTruthy();
  });

  it('shows the satisfaction questionnaire in the chat once it is closed, and sends the answer once', async () => {
    const schema = {
      components: [
        {
          type: 'radio',
          key: 'score',
          label: 'How satisfied are you?',
          values: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
        },
        { type: 'textarea', key: 'comment', label: 'Would you like to add a comment?' },
      ],
    };
    let surveyStatus = 'PENDING';
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, init });
        if (url.includes('/api/public/chat/survey') && init.method === 'POST') {
          const answers = (JSON.parse(String(init.body)) as { answers: Record<string, string> }).answers;
          if (answers.score === undefined) {
            return Promise.resolve(
              new Response(JSON.stringify({ status: 400, errors: [{ field: 'answers.score', message: 'required' }] }), {
                status: 400,
              }),
            );
          }
          return Promise.resolve(new Response(null, { status: 204 }));
        }
        if (url.includes('/api/public/chat/survey')) {
          const body = { status: surveyStatus, language: 'en', schema: surveyStatus === 'SENT' ? schema : null };
          surveyStatus = 'SENT';
          return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
        }
        const body = url.endsWith('/conversations')
          ? { token: 'token-of-the-test-chat-000000', state: state() }
          : state({ privacyAccepted: true });
        return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
      }),
    );
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const socket = await openEnglishChat();
      socket.receive({
        type: 'state',
        ...state({ privacyAccepted: true, status: 'CLOSED', ticketNumber: 'T-2026-000123' }),
      });
      // the survey is being prepared: asked again a few seconds later
      await vi.waitFor(() => expect(calls.filter((call) => call.url.includes('/chat/survey?lang=en'))).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(3000);
      const region = await screen.findByRole('region', { name: en.chatWidget.surveyTitle });
      await vi.waitFor(() => expect(document.activeElement?.textContent).toBe(en.chatWidget.surveyTitle));
      expect(screen.getByRole('status').textContent).toContain(en.chatWidget.surveyTitle);
      const score = within(region).getByRole('group', { name: 'How satisfied are you?' });
      expect(within(score).getAllByRole('radio')).toHaveLength(5);

      // without a score: the field is named in the status line
      within(region).getByRole('button', { name: en.chatWidget.surveySend }).click();
      await vi.waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          fill(en.chatWidget.surveyInvalid, { fields: 'How satisfied are you?' }),
        ),
      );

      within(score).getByRole('radio', { name: '2' }).click();
      (within(region).getByLabelText('Would you like to add a comment?') as HTMLTextAreaElement).value = ' Too slow ';
      within(region).getByRole('button', { name: en.chatWidget.surveySend }).click();
      await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(en.chatWidget.surveyThanks));
      const sent = calls.filter((call) => call.url.endsWith('/api/public/chat/survey') && call.init.method === 'POST');
      expect(JSON.parse(String(sent[sent.length - 1].init.body))).toEqual({
        answers: { score: '2', comment: 'Too slow' },
      });
      expect(within(region).queryByRole('button', { name: en.chatWidget.surveySend })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
