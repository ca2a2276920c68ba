import type { Diagnostic } from '../../../core/diagnostic.js';
import { UserError } from '../../../core/errors.js';
import { diag } from '../diagnostics.js';
import { type Failure, type HttpClient, isFailure } from '../http/client.js';
import { type ApiRequest, apiRequests, readSpec } from '../openapi.js';
import type { Scope } from '../scope.js';
import type { Exchange } from '../types.js';

/** Reads the API document and turns it into requests; problems with single operations are warnings. */
export async function apiPhase(
  spec: string,
  target: URL,
  client: HttpClient,
  diagnostics: Diagnostic[],
): Promise<ApiRequest[]> {
  const doc = await readSpec(spec, async (url) => {
    const res = await client.send({ method: 'GET', url }, 'openapi');
    if (isFailure(res)) throw new UserError(`--openapi ${url}: ${res.error}`);
    if (res.response.status !== 200) throw new UserError(`--openapi ${url}: HTTP ${res.response.status}`);
    return res.response.body.toString('utf8');
  });
  const { requests, problems } = apiRequests(doc, target);
  for (const p of problems)
    diagnostics.push(diag('warning', 'openapi-operation', `--openapi ${spec}: ${p}; operation skipped`));
  return requests;
}

export async function sendApiRequests(
  requests: ApiRequest[],
  client: HttpClient,
  scope: Scope,
  observe: (ex: Exchange) => void,
  onFailure: (f: Failure) => void,
): Promise<void> {
  await Promise.all(
    requests
      .filter((r) => scope.allows(r.url))
      .map(async (r) => {
        const res = await client.send(
          {
            method: r.method,
            url: r.url,
            headers: r.headers,
            ...(r.body !== undefined ? { body: r.body } : {}),
          },
          'openapi',
        );
        if (isFailure(res)) onFailure(res);
        else observe(res);
      }),
  );
}
