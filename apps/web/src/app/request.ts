import type { ErrorBody } from '@jsga/contracts';
import { feedback } from './feedback';

/**
 * The ONE fetch layer of the web app. Every server call goes through `api.*`:
 * - adds `Authorization: Bearer <token>` (token kept in localStorage under `jsga.token`);
 * - JSON in / JSON out;
 * - maps the error body `{code, message, details?, traceId}` to an {@link ApiError} and shows it
 *   the way the platform agreed on (auth → back to login; INVALID_INPUT with field errors → left
 *   to the form; other 4xx → message; 5xx → notification with the trace id).
 *
 * Error codes are `<MODULE>_<NAME>`; the HTTP status carries the category (400 = INVALID_INPUT,
 * 401 = UNAUTHENTICATED, 403 = FORBIDDEN, …). Not every AUTH_ code ends the session: a wrong old
 * password (AUTH_PASSWORD_WRONG, 400) or a position not held (AUTH_POSITION_NOT_HELD, 403) must
 * not log the user out, so the session ends on 401 and on the account-level AUTH_ codes below.
 */

export const TOKEN_KEY = 'jsga.token';

// ---------------------------------------------------------------- token store

type TokenListener = (token: string | null) => void;
const tokenListeners = new Set<TokenListener>();

export function getToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  window.localStorage.setItem(TOKEN_KEY, token);
  tokenListeners.forEach((l) => l(token));
}

export function clearToken(): void {
  window.localStorage.removeItem(TOKEN_KEY);
  tokenListeners.forEach((l) => l(null));
}

// ---------------------------------------------------------------- citizen realm

/**
 * Citizens (公众, signed in through 苏证通) hold their own token, separate from an officer's: the
 * server accepts it on `/api/citizen/…` only, and the request layer sends it there only.
 */
export const CITIZEN_TOKEN_KEY = 'jsga.citizen.token';
const CITIZEN_PREFIX = '/api/citizen/';
export const isCitizenUrl = (url: string) => url.startsWith(CITIZEN_PREFIX);
const citizenListeners = new Set<TokenListener>();

export function getCitizenToken(): string | null {
  try {
    return window.localStorage.getItem(CITIZEN_TOKEN_KEY);
  } catch {
    return null;
  }
}
export function setCitizenToken(token: string): void {
  window.localStorage.setItem(CITIZEN_TOKEN_KEY, token);
  citizenListeners.forEach((l) => l(token));
}
export function clearCitizenToken(): void {
  window.localStorage.removeItem(CITIZEN_TOKEN_KEY);
  citizenListeners.forEach((l) => l(null));
}
export function subscribeCitizenToken(listener: TokenListener): () => void {
  citizenListeners.add(listener);
  return () => {
    citizenListeners.delete(listener);
  };
}
const tokenFor = (url: string) => (isCitizenUrl(url) ? getCitizenToken() : getToken());

/** A citizen whose session ended goes to the portal login, back to where they were afterwards. */
function citizenUnauthorized(): void {
  clearCitizenToken();
  const { pathname, search } = window.location;
  if (pathname !== '/portal/login') window.location.assign(`/portal/login?redirect=${encodeURIComponent(pathname + search)}`);
}
let citizenUnauthorizedHandler: () => void = citizenUnauthorized;
/** The portal installs a router-aware handler; returns a function restoring the default. */
export function setCitizenUnauthorizedHandler(handler: () => void): () => void {
  citizenUnauthorizedHandler = handler;
  return () => {
    if (citizenUnauthorizedHandler === handler) citizenUnauthorizedHandler = citizenUnauthorized;
  };
}

export function subscribeToken(listener: TokenListener): () => void {
  tokenListeners.add(listener);
  return () => {
    tokenListeners.delete(listener);
  };
}

// ---------------------------------------------------------------- errors

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never reached the server. */
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly traceId: string | null;
  /** True when the request layer already showed this error to the user. */
  readonly handled: boolean;

  constructor(init: { status: number; code: string; message: string; details?: unknown; traceId?: string | null; handled?: boolean }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.traceId = init.traceId ?? null;
    this.handled = init.handled ?? false;
  }

  /** `details.fields` of an INVALID_INPUT error (empty otherwise). */
  get fieldErrors(): FieldError[] {
    return readFieldErrors(this.details);
  }

  /** INVALID_INPUT category: HTTP 400 (codes such as COMMON_VALIDATION_FAILED, AUTH_PASSWORD_WRONG). */
  get isInvalidInput(): boolean {
    return this.status === 400 || this.code === 'INVALID_INPUT';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function readFieldErrors(details: unknown): FieldError[] {
  if (!details || typeof details !== 'object') return [];
  const fields = (details as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields
    .filter((f): f is { path: unknown; message: unknown } => !!f && typeof f === 'object')
    .map((f) => ({ path: typeof f.path === 'string' ? f.path : String(f.path ?? ''), message: String(f.message ?? '') }));
}

const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);

/**
 * A field-error path → antd NamePath: `positions.0.orgId` / `positions[0].orgId` →
 * `['positions', 0, 'orgId']`. The server prefixes where the field was (`body.username`); that
 * prefix is dropped.
 */
export function toNamePath(path: string): (string | number)[] {
  const parts = path
    .split(/[.[\]]+/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (parts.length > 1 && typeof parts[0] === 'string' && REQUEST_PARTS.has(parts[0])) parts.shift();
  return parts;
}

// ---------------------------------------------------------------- unauthorized handling

type UnauthorizedHandler = (error: ApiError) => void;

function defaultUnauthorizedHandler(): void {
  clearToken();
  const { pathname, search } = window.location;
  if (pathname !== '/login') {
    window.location.assign(`/login?redirect=${encodeURIComponent(pathname + search)}`);
  }
}

let unauthorizedHandler: UnauthorizedHandler = defaultUnauthorizedHandler;

/** The auth provider installs a router-aware handler; returns a function restoring the default. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = defaultUnauthorizedHandler;
  };
}

// ---------------------------------------------------------------- request

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * false: an authentication error does NOT log the user out; it is thrown to the caller
   * (used by the login call, whose errors are shown on the form).
   */
  authRedirect?: boolean;
  /** true: 4xx errors are not shown by the request layer; the caller displays them. */
  silent?: boolean;
}

export function buildUrl(url: string, query?: Record<string, QueryValue>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return url;
  return url + (url.includes('?') ? '&' : '?') + qs;
}

async function readErrorBody(res: Response): Promise<Partial<ErrorBody>> {
  try {
    const text = await res.text();
    if (!text) return {};
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<ErrorBody>) : {};
  } catch {
    return {};
  }
}

const AUTH_MESSAGE_KEY = 'jsga-auth-expired';

/** Account-level refusals that also end the current session (besides any 401). */
export const SESSION_ENDING_CODES: ReadonlySet<string> = new Set(['AUTH_ACCOUNT_LOCKED', 'AUTH_ACCOUNT_DISABLED', 'AUTH_SESSION_INVALID']);

async function request<T>(method: string, url: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = tokenFor(url);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(buildUrl(url, options.query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    feedback.notification.error({ key: 'jsga-network', message: '网络异常', description: '无法连接服务器，请检查网络后重试。' });
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络异常，无法连接服务器', handled: true });
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const errBody = await readErrorBody(res);
  const code = errBody.code ?? `HTTP_${res.status}`;
  const traceId = errBody.traceId ?? res.headers.get('x-trace-id');
  const messageText = errBody.message ?? (res.status >= 500 ? `服务异常（HTTP ${res.status}）` : `请求失败（HTTP ${res.status}）`);
  const make = (handled: boolean) =>
    new ApiError({ status: res.status, code, message: messageText, details: errBody.details, traceId, handled });

  const isAuthError = res.status === 401 || SESSION_ENDING_CODES.has(code);
  if (isAuthError) {
    if (options.authRedirect === false) throw make(false);
    const error = make(true);
    feedback.message.warning({ key: AUTH_MESSAGE_KEY, content: res.status === 401 ? '登录状态已失效，请重新登录' : messageText });
    if (isCitizenUrl(url)) citizenUnauthorizedHandler();
    else unauthorizedHandler(error);
    throw error;
  }

  if (res.status === 400 || code === 'INVALID_INPUT') {
    const error = make(false);
    // Field errors belong under the inputs: the form shows them (see showFormError).
    if (error.fieldErrors.length > 0 || options.silent) throw error;
    feedback.message.error(messageText);
    throw make(true);
  }

  if (res.status >= 500) {
    feedback.notification.error({
      message: messageText,
      description: traceId ? `追踪号: ${traceId}` : undefined,
      duration: 8,
    });
    throw make(true);
  }

  if (options.silent) throw make(false);
  feedback.message.error(messageText);
  throw make(true);
}

export const api = {
  get: <T>(url: string, query?: Record<string, QueryValue>, options?: Omit<RequestOptions, 'query'>) =>
    request<T>('GET', url, undefined, { ...options, query }),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) => request<T>('POST', url, body ?? {}, options),
  patch: <T>(url: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', url, body, options),
  put: <T>(url: string, body: unknown, options?: RequestOptions) => request<T>('PUT', url, body, options),
  delete: <T>(url: string, options?: RequestOptions) => request<T>('DELETE', url, undefined, options),
};

/**
 * Bearer-authenticated fetch outside the JSON request layer (multipart upload, binary download):
 * the response when it is OK, else the server's error as an ApiError (`failure` when it gave none).
 */
export async function fetchWithToken(url: string, init: RequestInit = {}, failure = '请求失败'): Promise<Response> {
  const token = tokenFor(url);
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络异常，无法连接服务器' });
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown; traceId?: string };
  throw new ApiError({
    status: res.status, code: body.code ?? `HTTP_${res.status}`, message: body.message ?? `${failure}（HTTP ${res.status}）`, details: body.details, traceId: body.traceId,
  });
}
