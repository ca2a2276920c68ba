import type { PassiveContext } from '../../types.js';

export interface CorsGrant {
  /** The single Access-Control-Allow-Origin value, trimmed. */
  allowOrigin: string;
  credentials: boolean;
}

/**
 * What the response grants to other origins, or undefined when browsers would refuse it anyway:
 * several Access-Control-Allow-Origin values (or a comma list) fail the CORS check. Credentials
 * count only for the exact, case-sensitive `true` the Fetch standard requires.
 */
export function corsGrant(ctx: PassiveContext): CorsGrant | undefined {
  const values = ctx.headers('access-control-allow-origin');
  if (values.length !== 1) return undefined;
  const allowOrigin = values[0]!.trim();
  if (!allowOrigin || allowOrigin.includes(',')) return undefined;
  return { allowOrigin, credentials: ctx.header('access-control-allow-credentials')?.trim() === 'true' };
}

export function corsEvidence(grant: CorsGrant): string {
  const line = `Access-Control-Allow-Origin: ${grant.allowOrigin.slice(0, 120)}`;
  return grant.credentials ? `${line} / Access-Control-Allow-Credentials: true` : line;
}

export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
