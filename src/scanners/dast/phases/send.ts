import { type HttpClient, isFailure } from '../http/client.js';
import type { Scope } from '../scope.js';

/** A sender for probes and active checks: within the scope, a failure is `undefined`. */
export function sender(client: HttpClient, scope: Scope, kind: 'probe' | 'active') {
  return async (req: { method: string; url: string; headers?: Record<string, string>; body?: string }) => {
    if (!scope.allows(req.url)) return undefined;
    const res = await client.send(req, kind);
    return isFailure(res) ? undefined : res;
  };
}
