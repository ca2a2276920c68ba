import { UserError } from '../../../core/errors.js';
import { type Challenge, parseChallenges } from './challenge.js';
import type { Credential, FoundCredential } from './credentials.js';
import { apiHost, type ImageReference, isLoopbackHost } from './reference.js';
import { httpError, networkError } from './registry-error.js';

export interface ClientOptions {
  /** Talk HTTP, not HTTPS, to a registry that is not on this machine. */
  plainHttp?: boolean;
  /** How long to wait for a response to start. */
  timeoutMs?: number;
  /** The access asked of the token service: `pull`, or `pull,push` for the test helper. */
  actions?: string;
}

interface Request {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

const MAX_REDIRECTS = 5;
const MAX_SMALL_BODY = 1024 * 1024;

/**
 * Speaks the OCI distribution API to one repository: answers a 401 with the scheme the registry
 * asks for (a bearer token from its token service, or basic credentials), follows redirects to
 * blob storage without carrying our credentials to another host, and turns failures into
 * messages that name the registry and where the credentials came from, never the credentials.
 */
export class RegistryClient {
  readonly base: string;
  private authorization: string | undefined;
  private readonly timeoutMs: number;

  constructor(
    readonly ref: ImageReference,
    private readonly found: FoundCredential,
    private readonly options: ClientOptions = {},
  ) {
    const host = apiHost(ref);
    const scheme = options.plainHttp || isLoopbackHost(host) ? 'http' : 'https';
    this.base = `${scheme}://${host}/v2/${ref.repository}/`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    if (found.credential?.kind === 'bearer') this.authorization = `Bearer ${found.credential.token}`;
  }

  get host(): string {
    return apiHost(this.ref);
  }

  /** A request under the repository (`manifests/1.0`, `blobs/sha256:…`), authenticated as needed. */
  async send(path: string, request: Request = {}, signal?: AbortSignal): Promise<Response> {
    const url = new URL(path, this.base).toString();
    let res = await this.fetchFollowing(url, request, signal);
    if (res.status !== 401) return res;
    const challenge = pickChallenge(res.headers.get('www-authenticate'));
    await res.body?.cancel();
    const before = this.authorization;
    await this.authenticate(challenge);
    if (this.authorization === before) throw this.denied(401);
    res = await this.fetchFollowing(url, request, signal);
    if (res.status === 401) {
      await res.body?.cancel();
      throw this.denied(401);
    }
    return res;
  }

  private denied(status: number): UserError {
    const who = this.found.credential ? `with the credentials from ${this.found.from}` : 'anonymously';
    return httpError(
      `pulling ${this.ref.repository} from ${this.host} ${who}`,
      status,
      '',
      this.found.credential
        ? 'check that these credentials may pull this repository'
        : 'log in with `docker login`, or set GATEHOUSE_REGISTRY_USERNAME and GATEHOUSE_REGISTRY_PASSWORD',
    );
  }

  private async authenticate(challenge: Challenge | undefined): Promise<void> {
    const cred = this.found.credential;
    if (challenge?.scheme === 'basic') {
      if (cred?.kind === 'basic')
        this.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
      return;
    }
    if (challenge?.scheme === 'bearer' && cred?.kind !== 'bearer') {
      this.authorization = `Bearer ${await this.token(challenge, cred)}`;
    }
  }

  /** Asks the realm of a bearer challenge for a token to this repository. */
  private async token(challenge: Challenge, cred: Credential | undefined): Promise<string> {
    const realm = parseRealm(challenge.params.realm, this.host);
    const scope = `repository:${this.ref.repository}:${this.options.actions ?? 'pull'}`;
    const service = challenge.params.service;
    let res: Response;
    if (cred?.kind === 'identity') {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.token,
        client_id: 'gatehouse',
        scope,
      });
      if (service) form.set('service', service);
      res = await this.fetchFollowing(realm.toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString()),
      });
    } else {
      if (service) realm.searchParams.set('service', service);
      realm.searchParams.set('scope', scope);
      const headers: Record<string, string> = {};
      if (cred?.kind === 'basic')
        headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
      res = await this.fetchFollowing(realm.toString(), { headers });
    }
    const body = await readSmall(res, `the token service ${realm.host}`);
    if (!res.ok)
      throw httpError(
        `getting a token from ${realm.host} (credentials from ${this.found.from})`,
        res.status,
        body,
      );
    let parsed: { token?: unknown; access_token?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      throw new UserError(`the token service ${realm.host} answered with something that is not JSON`);
    }
    const token = typeof parsed.token === 'string' && parsed.token ? parsed.token : parsed.access_token;
    if (typeof token !== 'string' || !token)
      throw new UserError(`the token service ${realm.host} gave no token`);
    return token;
  }

  /** Follows redirects by hand: our Authorization goes only to the origin it was meant for. */
  private async fetchFollowing(url: string, request: Request, signal?: AbortSignal): Promise<Response> {
    const origin = new URL(url).origin;
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sameOrigin = new URL(current).origin === origin;
      const headers: Record<string, string> = { ...request.headers };
      if (sameOrigin && this.authorization && !headers.authorization)
        headers.authorization = this.authorization;
      const res = await this.fetchOnce(current, { ...request, headers }, signal);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) return res;
      await res.body?.cancel();
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.protocol !== 'http:')
        throw new UserError(`${this.host} redirected to a ${next.protocol} address`);
      if (next.protocol === 'http:' && new URL(current).protocol === 'https:' && !isLoopbackHost(next.host))
        throw new UserError(`${this.host} redirected from HTTPS to plain HTTP (${next.host}); refused`);
      current = next.toString();
    }
    throw new UserError(`${this.host} redirected more than ${MAX_REDIRECTS} times`);
  }

  /** The timeout covers the wait for the response to start; the caller's signal covers the body. */
  private async fetchOnce(url: string, request: Request, signal?: AbortSignal): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('timeout', 'TimeoutError')),
      this.timeoutMs,
    );
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await fetch(url, {
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
        ...(request.body ? { body: request.body } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (e) {
      throw networkError(new URL(url).host, controller.signal.reason ?? e);
    } finally {
      clearTimeout(timer);
    }
  }
}

function pickChallenge(header: string | null): Challenge | undefined {
  const all = parseChallenges(header ?? '');
  return all.find((c) => c.scheme === 'bearer') ?? all.find((c) => c.scheme === 'basic');
}

/** The realm must be a web address; credentials never go to one over plain HTTP off this machine. */
function parseRealm(realm: string | undefined, host: string): URL {
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    throw new UserError(`${host} asked for a token without a valid realm address`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host)))
    throw new UserError(`${host} asked for a token from ${url.protocol}//${url.host}: refused (not HTTPS)`);
  return url;
}

/** A body that should be small (tokens, errors, manifests), read up to a cap. */
export async function readSmall(res: Response, what: string, max = MAX_SMALL_BODY): Promise<string> {
  return (await readCapped(res, what, max)).toString('utf8');
}

export async function readCapped(res: Response, what: string, max: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new UserError(`${what} sent ${declared} bytes, more than the ${max} allowed`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > max) {
      await res.body.cancel().catch(() => {});
      throw new UserError(`${what} sent more than the ${max} bytes allowed`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
