// The one way the web application calls the backend's /api: a client typed by the committed OpenAPI
// document (paths, parameters, bodies and answers from src/openapi.d.ts, generated at every build), the
// same headers on every call (session cookie, CSRF token, no Basic challenge, the reader's language) and
// every answer other than 2xx turned into an ApiError with its RFC 9457 problem details.
import createClient from 'openapi-fetch';
import type { paths } from './openapi';
import i18n from './i18n';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The type with the named fields nullable: the generated types make every field required and not
 * null (`--properties-required-by-default`), where the API answers null for some.
 */
export type NullableIn<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

/** An answer other than 2xx, with its RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

const XSRF_COOKIE = 'SPORTELLO-XSRF-TOKEN=';

/** The CSRF token the server handed the browser (a cookie), '' before it has; for forms posted by the browser. */
export function csrfToken(): string {
  const cookie = document.cookie.split('; ').find((each) => each.startsWith(XSRF_COOKIE));
  return cookie ? decodeURIComponent(cookie.substring(XSRF_COOKIE.length)) : '';
}

/** The headers of every call: the CSRF token on every call that may change something. */
function headers(method: string): Record<string, string> {
  const all: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    // no Basic challenge (and no browser login dialog) for the web application's calls
    'X-Requested-With': 'XMLHttpRequest',
    // the API's messages (validation included) in the language the user reads
    'Accept-Language': i18n.language,
  };
  const token = csrfToken();
  if (token && method !== 'GET') all['X-XSRF-TOKEN'] = token;
  return all;
}

/** The problem details of a refused call (a body that is not JSON, or none, gives the status text). */
function apiError(response: Response, problem: unknown): ApiError {
  const details = (typeof problem === 'object' && problem !== null ? problem : {}) as {
    detail?: string;
    errors?: FieldError[];
  };
  return new ApiError(response.status, details.detail ?? response.statusText, details.errors ?? []);
}

/**
 * openapi-fetch builds a Request and hands it to fetch. Ours keeps the path and the init instead and
 * hands fetch those, as the application always called it: the same request on the wire, no origin
 * needed to build a URL, and the tests' fetch stubs see the path.
 */
class PlainRequest {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method ?? 'GET';
  }
}

/** The typed client: `client.GET('/api/tickets/{number}', { params: { path: { number } } })`. */
export const client = createClient<paths>({
  credentials: 'same-origin',
  Request: PlainRequest as unknown as typeof Request,
  fetch: (request) => {
    const { url, init, method } = request as unknown as PlainRequest;
    return globalThis.fetch(url, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init.headers).entries()), ...headers(method) },
    });
  },
});

/** The body of a 2xx answer (undefined for one without a body); otherwise throws the ApiError. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw apiError(response, error);
  return data as T;
}

/**
 * A call by a path of its own: for the calls not yet moved to {@link client} and for uploads. Same
 * headers, same errors.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const all = headers(method);
  if (body !== undefined && !(body instanceof FormData)) all['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers: all,
    credentials: 'same-origin',
    body: body === undefined || body instanceof FormData ? body : JSON.stringify(body),
  });
  // 202 and 204 may come without a body
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch (notJson) {
    if (response.ok) throw notJson;
  }
  if (!response.ok) throw apiError(response, parsed);
  return parsed as T;
}

/** The one multipart upload: each field a text, a file or several files (repeated under the same name). */
export function upload<T>(path: string, fields: Record<string, string | Blob | Blob[]>): Promise<T> {
  const body = new FormData();
  Object.entries(fields).forEach(([name, value]) =>
    (Array.isArray(value) ? value : [value]).forEach((each) => body.append(name, each)),
  );
  return api<T>('POST', path, body);
}
