/**
 * What the component tests share: the API's answers stubbed at `fetch`, and the browser features
 * jsdom lacks. Every stub here is undone by `vi.unstubAllGlobals()` (each test file's afterEach).
 */

/** An answer of the API: the body as JSON, with this status. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A request a component made, as the stubbed fetch saw it. */
export interface Call {
  method: string;
  url: string;
  /** The body when it is text (JSON); see `init` for a form's. */
  body?: string;
  init?: RequestInit;
}

/**
 * Stubs fetch: every request is recorded, in order, in the list returned, and answered by
 * `answer`, with its Response or a body to send as JSON with 200 (`{}` when it gives nothing).
 */
export function stubFetch(answer: (call: Call) => unknown): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | Request, init?: RequestInit) => {
      const request = typeof input === 'string' ? undefined : input;
      const body = init?.body ?? (request ? await request.clone().text() : undefined);
      const call: Call = {
        method: init?.method ?? request?.method ?? 'GET',
        url: request?.url ?? (input as string),
        body: typeof body === 'string' && body !== '' ? body : undefined,
        init,
      };
      calls.push(call);
      const answered = await answer(call);
      return answered instanceof Response ? answered : json(answered === undefined ? {} : answered);
    }),
  );
  return calls;
}

/** The calls as lines `METHOD url` (and ` body` after, if asked), for assertions on what was asked. */
export const lines = (calls: Call[], withBody = false) =>
  calls.map((call) => `${call.method} ${call.url}${withBody && call.body ? ` ${call.body}` : ''}`);

/** Stubs ResizeObserver, which jsdom lacks and the charts (recharts) use. */
export function stubResizeObserver() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}
