import { UserError } from '../../../core/errors.js';
import type { Platform } from './model.js';

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** `linux/arm64/v8` as given on the command line. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant, extra] = text.split('/');
  if (!os || !architecture || extra !== undefined || variant === '') {
    throw new UserError(
      `platform "${text}" is not of the form os/architecture[/variant], e.g. linux/arm64/v8`,
    );
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(p: Partial<Platform>): string {
  return [p.os ?? '?', p.architecture ?? '?', ...(p.variant ? [p.variant] : [])].join('/');
}

/** A wanted platform without a variant takes any variant; `arm64` manifests often omit `v8`. */
export function platformMatches(candidate: Partial<Platform>, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (!wanted.variant) return true;
  return candidate.variant === wanted.variant || (wanted.variant === 'v8' && candidate.variant === undefined);
}

/** The platform, when both os and architecture are known. */
export function completePlatform(p: Partial<Platform>): Platform | undefined {
  if (!p.os || !p.architecture) return undefined;
  return p.variant
    ? { os: p.os, architecture: p.architecture, variant: p.variant }
    : { os: p.os, architecture: p.architecture };
}
