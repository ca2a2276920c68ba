import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi';

/** An API answer that was not 2xx: the server's stable error code and its message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Signed-in requests that change something carry the session's CSRF token (docs/api.md). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken)
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** Typed against the server's OpenAPI document: a path, parameter or field that drifts fails `tsc`. */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
client.use(csrf);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a 2xx answer; anything else becomes an ApiError with the server's message. */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: string; message?: string } };
  throw new ApiError(
    response.status,
    body.error?.code ?? 'http',
    body.error?.message ?? `${response.status} ${response.statusText}`,
  );
}
