// The chat widget (issue 21): one script tag on any page,
//   <script src="https://<service>/chat/widget.js" data-lang="it" defer></script>
// A button opens a panel: the privacy notice first, then the chat. Messages arrive over a WebSocket
// (/api/public/chat/socket) and, when none gets through, by polling "messages after N"; the
// conversation token and the last number seen are kept for the tab (sessionStorage), so a reload
// or a reconnection resumes without losing a message. Texts come from the locale files.
import { texts, type WidgetTexts } from './texts';

type Message = {
  seq: number;
  authorKind: 'CITIZEN' | 'BOT' | 'OPERATOR' | 'SYSTEM';
  body: string;
  articles: { id: number; title: string; url: string }[];
  sentAt: string;
  attachment?: { documentId: number; fileName: string; mediaType: string; size: number } | null;
};

type Option = { value: string; label: string };

/** The guided path's question (a user task's form field), rendered as buttons or a field. */
type Prompt = {
  path: string;
  key: string;
  type: string;
  label: string;
  options: Option[];
  min: number | null;
  max: number | null;
  maxLength: number | null;
};

type State = {
  status: 'BOT' | 'QUEUED' | 'ACTIVE' | 'CLOSED';
  position: number;
  operatorsAvailable: boolean;
  requestFormPath: string;
  privacyAccepted: boolean;
  awaitingFeedback: boolean;
  lastSeq: number;
  ticketNumber: string | null;
  estimatedWaitMinutes?: number | null;
  operatorsAnswering?: number;
  prompt?: Prompt | null;
  paths?: { key: string; title: string }[];
};

/** A field of the satisfaction questionnaire (a form-js component, in the chat's language). */
type SurveyComponent = {
  type: string;
  key?: string;
  label?: string;
  text?: string;
  values?: { value: string; label: string }[];
};

/** The satisfaction questionnaire at the end of the chat (issue 23 item 3). */
type Survey = {
  status: 'NONE' | 'PENDING' | 'SENT' | 'ANSWERED' | 'EXPIRED';
  language: string;
  schema: { components?: SurveyComponent[] } | null;
  questionnaireTitle: string | null;
};

const STORAGE = 'sportello-chat';
/** While the survey process prepares the questionnaire: ask again every 3 s, for about a minute. */
const SURVEY_RETRY_MS = 3000;
const SURVEY_ATTEMPTS = 20;
const POLL_MS = 3000;

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/**
 * What the page embedding the widget adds: in the citizens' area, {@code identify} makes the chat
 * the logged-in citizen's once the privacy notice is accepted (their name and e-mail are then not
 * asked).
 */
export type WidgetOptions = { identify?: (token: string) => Promise<unknown> };

/** The chat widget on the page: {@code base} is the service's address (the script's origin). */
export class ChatWidget {
  private readonly t: WidgetTexts;
  private token: string | null = null;
  private lastSeq = 0;
  private state: State | null = null;
  private socket: WebSocket | null = null;
  private poller: number | null = null;
  private retry = 0;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly status: HTMLElement;
  private readonly privacy: HTMLFormElement;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly feedback: HTMLElement;
  private readonly operatorButton: HTMLButtonElement;
  private readonly attach: HTMLFormElement;
  private readonly guide: HTMLElement;
  private readonly survey: HTMLElement;
  private surveyAsked = false;
  private shownPrompt = '';

  constructor(
    private readonly base: string,
    readonly language: string,
    host: HTMLElement = document.body,
    private readonly options: WidgetOptions = {},
  ) {
    this.t = texts(language);
    const t = this.t;
    const saved = sessionStorage.getItem(STORAGE);
    if (saved) {
      const parsed = JSON.parse(saved) as { token: string };
      this.token = parsed.token;
    }
    this.root = el('div', { class: 'sp-chat', lang: language });
    this.root.append(style());
    this.launcher = el('button', {
      type: 'button',
      class: 'sp-chat-launcher',
      'aria-expanded': 'false',
      'aria-controls': 'sp-chat-panel',
    }) as HTMLButtonElement;
    this.launcher.textContent = t.open;
    this.panel = el('section', {
      id: 'sp-chat-panel',
      class: 'sp-chat-panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'sp-chat-title',
      hidden: '',
    });
    const header = el('div', { class: 'sp-chat-header' });
    const title = el('h2', { id: 'sp-chat-title' });
    title.textContent = t.title;
    const close = el('button', { type: 'button', class: 'sp-chat-close' });
    close.textContent = t.close;
    header.append(title, close);
    this.log = el('div', {
      class: 'sp-chat-log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': t.title,
      tabindex: '0',
    });
    this.status = el('p', { class: 'sp-chat-status', role: 'status' });

    this.privacy = el('form', { class: 'sp-chat-privacy' }) as HTMLFormElement;
    const notice = el('p');
    notice.textContent = t.privacyText;
    this.privacy.append(notice, field('sp-chat-accept', t.privacyAccept, 'checkbox'));
    if (!options.identify) {
      this.privacy.append(
        field('sp-chat-name', t.name, 'text', 'name'),
        field('sp-chat-email', t.email, 'email', 'email'),
      );
    }
    const start = el('button', { type: 'submit', class: 'sp-chat-primary' });
    start.textContent = t.start;
    this.privacy.append(start);

    this.form = el('form', { class: 'sp-chat-form', hidden: '' }) as HTMLFormElement;
    const label = el('label', { for: 'sp-chat-input' });
    label.textContent = t.message;
    this.input = el('input', {
      id: 'sp-chat-input',
      type: 'text',
      maxlength: '2000',
      autocomplete: 'off',
    }) as HTMLInputElement;
    const send = el('button', { type: 'submit', class: 'sp-chat-primary' });
    send.textContent = t.send;
    this.form.append(label, this.input, send);

    this.feedback = el('div', { class: 'sp-chat-feedback', hidden: '' });
    const yes = el('button', { type: 'button' });
    yes.textContent = t.yes;
    const no = el('button', { type: 'button' });
    no.textContent = t.no;
    this.feedback.append(yes, no);
    this.operatorButton = el('button', {
      type: 'button',
      class: 'sp-chat-operator',
      hidden: '',
    }) as HTMLButtonElement;
    this.operatorButton.textContent = t.operator;

    // a file for the operator (the documents module's limits, checked by the service)
    this.attach = el('form', { class: 'sp-chat-form sp-chat-attach', hidden: '' }) as HTMLFormElement;
    const fileLabel = el('label', { for: 'sp-chat-file' });
    fileLabel.textContent = t.attach;
    const file = el('input', { id: 'sp-chat-file', type: 'file' }) as HTMLInputElement;
    const upload = el('button', { type: 'submit', class: 'sp-chat-operator' });
    upload.textContent = t.attachSend;
    this.attach.append(fileLabel, file, upload);
    this.attach.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.sendFile(file);
    });
    this.guide = el('div', { class: 'sp-chat-guide', hidden: '' });
    this.survey = el('section', {
      class: 'sp-chat-survey',
      'aria-labelledby': 'sp-chat-survey-title',
      hidden: '',
    });

    this.panel.append(
      header,
      this.log,
      this.status,
      this.privacy,
      this.feedback,
      this.form,
      this.attach,
      this.guide,
      this.survey,
      this.operatorButton,
    );
    this.root.append(this.launcher, this.panel);
    host.append(this.root);

    this.launcher.addEventListener('click', () => this.toggle(true));
    close.addEventListener('click', () => this.toggle(false));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.toggle(false);
    });
    this.privacy.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.acceptPrivacy();
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.say();
    });
    yes.addEventListener('click', () => void this.answer(true));
    no.addEventListener('click', () => void this.answer(false));
    this.operatorButton.addEventListener(
      'click',
      () => void this.call('POST', '/api/public/chat/operator').then((s) => this.show(s as State)),
    );
  }

  /** Removes the widget from the page (the citizens' area when it unmounts). */
  destroy() {
    this.stopPolling();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.root.remove();
  }

  private toggle(open: boolean) {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      void this.begin();
    } else {
      this.launcher.focus();
    }
  }

  /** The conversation being started: the privacy notice's answer waits for it (a slow first answer). */
  private starting: Promise<void> | null = null;

  private begin(): Promise<void> {
    this.starting ??= this.open().finally(() => (this.starting = null));
    return this.starting;
  }

  private async open() {
    if (!this.token) {
      const started = (await this.call('POST', '/api/public/chat/conversations', {
        language: this.language,
        page: location.pathname,
      })) as { token: string; state: State };
      this.token = started.token;
      sessionStorage.setItem(STORAGE, JSON.stringify({ token: this.token }));
      this.show(started.state);
    } else {
      this.show((await this.call('GET', '/api/public/chat/state')) as State);
    }
    this.connect();
    this.focusFirst();
  }

  private focusFirst() {
    const target = this.privacy.hidden ? this.input : this.privacy.querySelector<HTMLInputElement>('input');
    target?.focus();
  }

  private async acceptPrivacy() {
    const accept = this.privacy.querySelector<HTMLInputElement>('#sp-chat-accept');
    if (!accept?.checked) {
      this.status.textContent = this.t.privacyRequired;
      accept?.focus();
      return;
    }
    const value = (id: string) => this.privacy.querySelector<HTMLInputElement>('#' + id)?.value || null;
    if (!this.token) await this.begin();
    const state = (await this.call('POST', '/api/public/chat/privacy', {
      accepted: true,
      name: value('sp-chat-name'),
      email: value('sp-chat-email'),
    })) as State;
    this.show(state);
    if (this.options.identify && this.token) await this.options.identify(this.token);
    this.input.focus();
  }

  private async say() {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = '';
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ type: 'say', text }));
    } else {
      this.show((await this.call('POST', '/api/public/chat/messages', { text })) as State);
      await this.poll();
    }
  }

  private async answer(answered: boolean) {
    this.show((await this.call('POST', '/api/public/chat/feedback', { answered })) as State);
    await this.poll();
    this.input.focus();
  }

  /** The WebSocket; when it fails, polling until it comes back. */
  private connect() {
    if (this.socket || !this.token) return;
    const url = this.base.replace(/^http/, 'ws') + '/api/public/chat/socket';
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.fallback();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.retry = 0;
      this.stopPolling();
      socket.send(JSON.stringify({ type: 'hello', token: this.token, after: this.lastSeq }));
    };
    socket.onmessage = (event) => {
      const frame = JSON.parse(String(event.data)) as { type: string } & Message & State;
      if (frame.type === 'message') this.append(frame);
      else if (frame.type === 'state') this.show(frame);
    };
    socket.onclose = () => {
      this.socket = null;
      if (this.state?.status === 'CLOSED') return;
      this.fallback();
      this.retry = Math.min(this.retry + 1, 5);
      window.setTimeout(() => this.connect(), 1000 * 2 ** this.retry);
    };
  }

  private fallback() {
    if (this.poller === null) {
      this.poller = window.setInterval(() => void this.poll(), POLL_MS);
    }
  }

  private stopPolling() {
    if (this.poller !== null) {
      window.clearInterval(this.poller);
      this.poller = null;
    }
  }

  private async poll() {
    const messages = (await this.call('GET', '/api/public/chat/messages?after=' + this.lastSeq)) as Message[];
    messages.forEach((message) => this.append(message));
    this.show((await this.call('GET', '/api/public/chat/state')) as State);
  }

  private append(message: Message) {
    if (message.seq <= this.lastSeq) return;
    this.lastSeq = message.seq;
    const t = this.t;
    const item = el('div', { class: 'sp-chat-message sp-chat-' + message.authorKind.toLowerCase() });
    const who = el('span', { class: 'sp-chat-author' });
    who.textContent =
      {
        CITIZEN: t.you,
        BOT: t.bot,
        OPERATOR: t.operatorName,
        SYSTEM: t.system,
      }[message.authorKind] + ': ';
    const body = el('span');
    body.textContent = message.body;
    item.append(who, body);
    if (message.articles.length > 0) {
      const list = el('ul');
      for (const article of message.articles) {
        const link = el('a', { href: this.base + article.url, target: '_blank', rel: 'noopener' });
        link.textContent = article.title;
        const entry = el('li');
        entry.append(link);
        list.append(entry);
      }
      item.append(list);
    }
    if (message.attachment) {
      const download = el('button', { type: 'button', class: 'sp-chat-file' });
      download.textContent = fill(this.t.file, {
        name: message.attachment.fileName,
        size: Math.max(1, Math.round(message.attachment.size / 1024)),
      });
      const seq = message.seq;
      const name = message.attachment.fileName;
      download.addEventListener('click', () => void this.download(seq, name));
      item.append(' ', download);
    }
    this.log.append(item);
    this.log.scrollTop = this.log.scrollHeight;
  }

  private show(state: State) {
    this.state = state;
    const t = this.t;
    this.privacy.hidden = state.privacyAccepted;
    const closed = state.status === 'CLOSED';
    this.form.hidden = !state.privacyAccepted || closed;
    this.attach.hidden = !state.privacyAccepted || closed || state.status === 'BOT';
    this.feedback.hidden = !state.awaitingFeedback || closed;
    this.operatorButton.hidden = !state.privacyAccepted || state.status !== 'BOT' || !state.operatorsAvailable;
    this.renderGuide(state);
    this.status.replaceChildren();
    let text = '';
    if (state.status === 'QUEUED') {
      text = fill(t.queued, { position: state.position });
      text +=
        ' ' +
        (state.estimatedWaitMinutes != null
          ? fill(t.wait, { minutes: Math.max(1, state.estimatedWaitMinutes) })
          : t.waitUnknown);
    } else if (state.status === 'ACTIVE') text = t.active;
    else if (closed) text = t.closed + (state.ticketNumber ? ' ' + fill(t.ticket, { number: state.ticketNumber }) : '');
    if (text) this.status.append(text);
    if (!state.operatorsAvailable && !closed) {
      this.status.append(t.outsideHours + ' ');
      const link = el('a', { href: this.base + state.requestFormPath });
      link.textContent = t.requestForm;
      this.status.append(link);
    }
    if (closed) {
      this.stopPolling();
      sessionStorage.removeItem(STORAGE);
      if (!this.surveyAsked) {
        this.surveyAsked = true;
        void this.loadSurvey(1);
      }
    }
  }

  /**
   * The satisfaction questionnaire once the chat is closed: shown when the service has one for this
   * chat (closed with a solution or answered by the bot alone, the survey on for the channel).
   */
  private async loadSurvey(attempt: number) {
    let survey: Survey;
    try {
      survey = (await this.call('GET', '/api/public/chat/survey?lang=' + this.language)) as Survey;
    } catch {
      return;
    }
    if (survey.status === 'PENDING' && attempt < SURVEY_ATTEMPTS) {
      window.setTimeout(() => void this.loadSurvey(attempt + 1), SURVEY_RETRY_MS);
    } else if (survey.status === 'SENT' && survey.schema) {
      this.renderSurvey(survey.schema.components ?? []);
    }
  }

  /** The questionnaire as native fields: choices as radio buttons or checkboxes in fieldsets. */
  private renderSurvey(components: SurveyComponent[]) {
    const t = this.t;
    const heading = el('h3', { id: 'sp-chat-survey-title', tabindex: '-1' });
    heading.textContent = t.surveyTitle;
    const intro = el('p');
    intro.textContent = t.surveyIntro;
    const form = el('form', { class: 'sp-chat-survey-form', novalidate: '' }) as HTMLFormElement;
    const labels: Record<string, string> = {};
    for (const component of components) {
      const key = component.key;
      const label = component.label ?? key ?? '';
      if (key) labels[key] = label;
      if (component.type === 'text' && component.text) {
        const text = el('p');
        text.textContent = component.text;
        form.append(text);
      } else if (key && (component.type === 'radio' || component.type === 'checklist')) {
        const set = el('fieldset', { class: 'sp-chat-survey-choices' });
        const legend = el('legend');
        legend.textContent = label;
        set.append(legend);
        (component.values ?? []).forEach((value, index) => {
          const id = 'sp-chat-survey-' + key + '-' + index;
          const option = el('div', { class: 'sp-chat-check' });
          const input = el('input', {
            id,
            name: key,
            value: value.value,
            type: component.type === 'radio' ? 'radio' : 'checkbox',
          });
          const text = el('label', { for: id });
          text.textContent = value.label;
          option.append(input, text);
          set.append(option);
        });
        form.append(set);
      } else if (key && ['textfield', 'textarea', 'number'].includes(component.type)) {
        const wrapper = el('div', { class: 'sp-chat-field' });
        const text = el('label', { for: 'sp-chat-survey-' + key });
        text.textContent = label;
        const input =
          component.type === 'textarea'
            ? el('textarea', { id: 'sp-chat-survey-' + key, name: key, rows: '2', maxlength: '2000' })
            : el('input', {
                id: 'sp-chat-survey-' + key,
                name: key,
                type: component.type === 'number' ? 'number' : 'text',
              });
        wrapper.append(text, input);
        form.append(wrapper);
      }
    }
    const send = el('button', { type: 'submit', class: 'sp-chat-primary' });
    send.textContent = t.surveySend;
    form.append(send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.sendSurvey(form, labels);
    });
    this.survey.replaceChildren(heading, intro, form);
    this.survey.hidden = false;
    this.status.append(' ' + t.surveyTitle);
    heading.focus();
  }

  private async sendSurvey(form: HTMLFormElement, labels: Record<string, string>) {
    const answers: Record<string, string | string[]> = {};
    for (const input of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))) {
      const key = input.name;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        if (input.checked) answers[key] = [...((answers[key] as string[] | undefined) ?? []), input.value];
      } else if (input instanceof HTMLInputElement && input.type === 'radio') {
        if (input.checked) answers[key] = input.value;
      } else if (input.value.trim()) {
        answers[key] = input.value.trim();
      }
    }
    const response = await fetch(this.base + '/api/public/chat/survey', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Chat-Token': this.token ?? '' },
      body: JSON.stringify({ answers }),
      credentials: 'omit',
    });
    if (response.status === 400) {
      const problem = (await response.json().catch(() => ({}))) as { errors?: { field: string }[] };
      const fields = (problem.errors ?? []).map(
        (error) => labels[error.field.replace(/^answers\./, '')] ?? error.field,
      );
      this.status.textContent = fill(this.t.surveyInvalid, { fields: fields.join(', ') });
      return;
    }
    // answered now, or before (409): either way the answer is recorded
    const thanks = el('p');
    thanks.textContent = this.t.surveyThanks;
    this.survey.replaceChildren(thanks);
    this.status.textContent = this.t.surveyThanks;
  }

  /** Sends the chosen file; a refusal (type, size) is said in the status line. */
  private async sendFile(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    if (!chosen || !this.token) return;
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    const response = await fetch(this.base + '/api/public/chat/attachments', {
      method: 'POST',
      headers: { 'X-Chat-Token': this.token },
      body,
      credentials: 'omit',
    });
    if (!response.ok) {
      this.status.textContent = response.status === 413 ? this.t.fileTooLarge : this.t.fileRefused;
      return;
    }
    input.value = '';
    const sent = (await response.json()) as Message;
    this.append(sent);
  }

  private async download(seq: number, name: string) {
    if (!this.token) return;
    const response = await fetch(this.base + '/api/public/chat/attachments/' + seq, {
      headers: { 'X-Chat-Token': this.token },
      credentials: 'omit',
    });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  /**
   * The guided paths: the bot's menu (a button per path), or the current question of a path as
   * buttons (choices, yes/no) or a labelled field with its own send button (text, number, date).
   */
  private renderGuide(state: State) {
    const t = this.t;
    const prompt = state.status === 'BOT' ? (state.prompt ?? null) : null;
    const paths = state.status === 'BOT' && !prompt ? (state.paths ?? []) : [];
    const signature = prompt
      ? 'q:' + prompt.path + ':' + prompt.key + ':' + state.lastSeq
      : 'p:' + paths.map((p) => p.key).join(',');
    const fieldPrompt = prompt !== null && !['radio', 'select', 'checkbox'].includes(prompt.type);
    if (fieldPrompt) this.form.hidden = true;
    if (signature === this.shownPrompt) return;
    this.shownPrompt = signature;
    this.guide.replaceChildren();
    this.guide.hidden = !prompt && paths.length === 0;
    if (this.guide.hidden) return;
    const heading = el('p', { id: 'sp-chat-guide-label', class: 'sp-chat-guide-label' });
    heading.textContent = prompt ? prompt.label : t.paths;
    const group = el('div', { role: 'group', 'aria-labelledby': 'sp-chat-guide-label', class: 'sp-chat-choices' });
    this.guide.append(heading, group);
    const button = (text: string, onClick: () => void) => {
      const b = el('button', { type: 'button' });
      b.textContent = text;
      b.addEventListener('click', onClick);
      group.append(b);
    };
    if (!prompt) {
      paths.forEach((path) => button(path.title, () => void this.act('/api/public/chat/path', { path: path.key })));
    } else if (prompt.type === 'checkbox') {
      button(t.pathYes, () => void this.reply('true'));
      button(t.pathNo, () => void this.reply('false'));
    } else if (prompt.type === 'radio' || prompt.type === 'select') {
      prompt.options.forEach((option) => button(option.label, () => void this.reply(option.value)));
    } else {
      const form = el('form', { class: 'sp-chat-form' }) as HTMLFormElement;
      const label = el('label', { for: 'sp-chat-answer' });
      label.textContent = prompt.label;
      const type = prompt.type === 'number' ? 'number' : prompt.type === 'datetime' ? 'date' : 'text';
      const input = el('input', { id: 'sp-chat-answer', type, required: '', autocomplete: 'off' }) as HTMLInputElement;
      if (prompt.min !== null) input.min = String(prompt.min);
      if (prompt.max !== null) input.max = String(prompt.max);
      if (prompt.maxLength !== null) input.maxLength = prompt.maxLength;
      const send = el('button', { type: 'submit', class: 'sp-chat-primary' });
      send.textContent = t.answer;
      form.append(label, input, send);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (input.value.trim()) void this.reply(input.value.trim());
      });
      heading.hidden = true;
      group.replaceWith(form);
      input.focus();
      return;
    }
    group.querySelector('button')?.focus();
  }

  private async reply(value: string) {
    await this.act('/api/public/chat/path/answer', { value });
  }

  private async act(path: string, body: unknown) {
    try {
      this.show((await this.call('POST', path, body)) as State);
      await this.poll();
    } catch {
      this.status.textContent = this.t.invalidAnswer;
    }
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (this.token) headers['X-Chat-Token'] = this.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // never the service's cookies: the token is what authorizes
      credentials: 'omit',
    });
    if (!response.ok) {
      throw new Error(method + ' ' + path + ': ' + response.status);
    }
    return response.json();
  }
}

function el(tag: string, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

function field(id: string, text: string, type: string, autocomplete?: string): HTMLElement {
  const wrapper = el('div', { class: 'sp-chat-field' + (type === 'checkbox' ? ' sp-chat-check' : '') });
  const label = el('label', { for: id });
  label.textContent = text;
  const input = el('input', { id, type, ...(autocomplete ? { autocomplete } : {}) });
  if (type === 'checkbox') wrapper.append(input, label);
  else wrapper.append(label, input);
  return wrapper;
}

function style(): HTMLStyleElement {
  const css = document.createElement('style');
  css.textContent = `
.sp-chat{font-family:"Titillium Web",system-ui,sans-serif;font-size:16px;color:#1a1a1a}
.sp-chat-launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;background:#0066cc;color:#fff;border:0;border-radius:2rem;padding:.75rem 1.25rem;font-weight:600;cursor:pointer}
.sp-chat button:focus-visible,.sp-chat input:focus-visible,.sp-chat a:focus-visible,.sp-chat-log:focus-visible{outline:3px solid #ff9900;outline-offset:2px}
.sp-chat-panel{position:fixed;right:1rem;bottom:4.5rem;z-index:2147483000;width:min(24rem,calc(100vw - 2rem));max-height:min(36rem,calc(100vh - 6rem));display:flex;flex-direction:column;background:#fff;border:1px solid #5c6f82;border-radius:.5rem;box-shadow:0 .5rem 2rem rgba(0,0,0,.25);padding:.75rem;gap:.5rem}
.sp-chat-panel[hidden],.sp-chat [hidden]{display:none!important}
.sp-chat-header{display:flex;justify-content:space-between;align-items:center}
.sp-chat-header h2{font-size:1.1rem;margin:0}
.sp-chat-close,.sp-chat-feedback button,.sp-chat-operator{background:#fff;color:#0066cc;border:2px solid #0066cc;border-radius:.25rem;padding:.25rem .75rem;cursor:pointer}
.sp-chat-primary{background:#0066cc;color:#fff;border:0;border-radius:.25rem;padding:.4rem .9rem;cursor:pointer}
.sp-chat-log{overflow-y:auto;flex:1;min-height:8rem;border:1px solid #d9dadb;padding:.5rem}
.sp-chat-message{margin:.25rem 0}.sp-chat-author{font-weight:600}
.sp-chat-citizen{text-align:right}
.sp-chat-log a{color:#0059b3}
.sp-chat-field{display:flex;flex-direction:column;margin:.25rem 0}.sp-chat-check{flex-direction:row;gap:.5rem;align-items:center}
.sp-chat input[type=text],.sp-chat input[type=email]{border:1px solid #5c6f82;border-radius:.25rem;padding:.35rem}
.sp-chat-form{display:flex;flex-wrap:wrap;gap:.25rem;align-items:center}.sp-chat-form label{width:100%}.sp-chat-form input{flex:1}
.sp-chat-feedback{display:flex;gap:.5rem}
.sp-chat-guide-label{margin:0;font-weight:600}
.sp-chat-choices{display:flex;flex-wrap:wrap;gap:.35rem}
.sp-chat-choices button{background:#fff;color:#0066cc;border:2px solid #0066cc;border-radius:.25rem;padding:.25rem .75rem;cursor:pointer;text-align:left}
.sp-chat input[type=number],.sp-chat input[type=date]{border:1px solid #5c6f82;border-radius:.25rem;padding:.35rem}
.sp-chat-status{margin:0;font-size:.9rem}
.sp-chat-survey{max-height:20rem;overflow-y:auto}
.sp-chat-survey h3{font-size:1rem;margin:.25rem 0}.sp-chat-survey p{margin:.25rem 0}
.sp-chat-survey fieldset{border:0;padding:0;margin:.25rem 0}.sp-chat-survey legend{font-weight:600}
.sp-chat-survey textarea{border:1px solid #5c6f82;border-radius:.25rem;padding:.35rem;font:inherit}
.sp-chat-file{background:none;border:0;color:#0059b3;text-decoration:underline;cursor:pointer;padding:0}
`;
  return css;
}
