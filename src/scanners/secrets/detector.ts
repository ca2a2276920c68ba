import type { Confidence, Severity } from '../../core/severity.js';

/**
 * One provider credential format. The engine finds the keywords in one pass over the bytes
 * and only then runs `pattern` on the line(s) around each hit, so a detector costs nothing
 * on files that never mention its keywords.
 */
export interface Detector {
  /** Rule id without the scanner prefix: the rule is `secrets/<id>`. Lower-case, dashes. */
  id: string;
  title: string;
  /** What the credential grants and why a leak matters (one paragraph). */
  description: string;
  /** Provider family, for grouping in docs (e.g. `AWS`, `GitHub`, `Stripe`). */
  provider: string;
  severity: Severity;
  confidence?: Confidence;
  /**
   * Literals, matched case-insensitively. The pattern runs only where one occurs, so choose
   * distinctive ones (token prefixes like `ghp_`, `xoxb-`, `sk_live_`), at least 3 characters.
   */
  keywords: readonly string[];
  /**
   * Must have a named group `secret` (the value to redact and fingerprint). Runs with the `g`
   * flag on the keyword's line; keep it linear (no nested quantifiers) and bound every
   * repetition (`{20,64}`, not `+`).
   */
  pattern: RegExp;
  /** The pattern also sees up to this many bytes after the keyword's line (PEM blocks, JSON). */
  multiline?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  /**
   * Structural check on the secret (checksum, decodes as JSON, ...): false drops the match,
   * a confidence overrides the detector's (a checksum that fails: probably a made-up example).
   */
  verify?: (secret: string, groups: Readonly<Record<string, string | undefined>>) => boolean | Confidence;
  /**
   * Breaks ties when two detectors match the same bytes (default 0): formats that merely hold
   * a credential (URLs, connection strings, config files) use -1 so the provider format of
   * what they hold wins; detectors that need their provider's name beside a prefix another
   * provider shares (`sk_live_`) use 1.
   */
  priority?: number;
  /** Generic (name-based) detectors get stricter placeholder filtering and are off in tests. */
  generic?: boolean;
  remediation: string;
  references: readonly string[];
  /** Defaults to CWE-798. */
  cwe?: readonly string[];
  /**
   * Strings the detector must find (positive) and must not (negative). Tests run each through
   * the whole engine; a detector without both does not ship.
   */
  examples: { positive: readonly string[]; negative: readonly string[] };
}
