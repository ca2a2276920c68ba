import { execFileSync } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';

/**
 * A token service as the distribution spec describes one: GET realm?service=…&scope=… with basic
 * credentials, answered with a JWT (RS256) granting the scope. The registry checks the signature
 * against `rootcertbundle`, through the certificate in the token's `x5c` header.
 */
export interface TokenService {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  /** Every request the service received: what scope was asked, whether credentials came. */
  requests: { scope: string | null; authorized: boolean }[];
  close(): Promise<void>;
}

export async function startTokenService(
  dir: string,
  user: { username: string; password: string },
): Promise<TokenService> {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=gatehouse-test-token',
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(keyFile, 'utf8');
  const certDer = pemBody(readFileSync(certFile, 'utf8'));
  const service = 'gatehouse-test-registry';
  const issuer = 'gatehouse-test-issuer';
  const requests: TokenService['requests'] = [];
  const expected = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const authorized = req.headers.authorization === expected;
    requests.push({ scope: url.searchParams.get('scope'), authorized });
    if (req.headers.authorization && !authorized) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    // Anonymous callers get a token with no access, as public registries do for private repositories.
    const access = authorized ? grants(url.searchParams.get('scope')) : [];
    const token = sign(
      { iss: issuer, sub: authorized ? user.username : '', aud: service, access },
      key,
      certDer,
    );
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function grants(scope: string | null): { type: string; name: string; actions: string[] }[] {
  const m = /^repository:([^:]+):(.+)$/.exec(scope ?? '');
  return m ? [{ type: 'repository', name: m[1]!, actions: m[2]!.split(',') }] : [];
}

function sign(claims: Record<string, unknown>, key: string, certDer: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
  const body = { ...claims, iat: now, nbf: now - 10, exp: now + 300, jti: randomUUID() };
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part(header)}.${part(body)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}
