/**
 * What the scan may request. Without include patterns, the target's origin; with them, exactly
 * what they match. Exclude patterns always win, and so does the built-in exclusion of log-out
 * links: following one with the user's session cookie would end the session the scan runs in.
 */
export interface ScopeOptions {
  include?: RegExp[];
  exclude?: RegExp[];
}

const LOGOUT = /\/(?:log-?out|sign-?out|logoff)\b/i;

export class Scope {
  readonly origin: string;
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];
  /** Distinct URLs seen and left alone, for the summary. */
  readonly skipped = new Set<string>();

  constructor(target: URL, options: ScopeOptions = {}) {
    this.origin = target.origin;
    this.include = options.include ?? [];
    this.exclude = options.exclude ?? [];
  }

  allows(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    const included =
      this.include.length > 0 ? this.include.some((re) => re.test(url)) : parsed.origin === this.origin;
    const ok =
      included &&
      !this.exclude.some((re) => re.test(url)) &&
      !(LOGOUT.test(parsed.pathname) && !this.include.some((re) => re.test(url)));
    if (!ok && this.skipped.size < 10_000) this.skipped.add(url);
    return ok;
  }
}

/** `--include`/`--exclude` values as regular expressions, with the flag named when one is invalid. */
export function patterns(values: string[] | undefined, flag: string): RegExp[] {
  return (values ?? []).map((v) => {
    try {
      return new RegExp(v);
    } catch (e) {
      throw new Error(`${flag} ${v}: not a regular expression (${(e as Error).message})`);
    }
  });
}
