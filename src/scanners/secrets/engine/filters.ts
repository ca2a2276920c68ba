import { shannonEntropy } from './entropy.js';

/**
 * Values that look like a secret's shape but are documentation, templates or references.
 * Provider detectors use `isPlaceholder`; generic (name-based) detectors also use
 * `isNotAGenericSecret`, which knows what ordinary configuration values look like.
 */

const WORDS =
  'example|sample|dummy|placeholder|changeme|change_me|replace_?me|your|my[_-]?(?:secret|token|key|password)|insert|redacted|fake|foobar|lorem|xxxx|test[_-]?(?:key|token|secret|password)|secret[_-]?here|token[_-]?here|key[_-]?here|here[_-]?is|not[_-]?a[_-]?real|notreal|invalid|todo|fixme';

/**
 * A placeholder word counts when it stands as a word (no letter on either side), so the same
 * letters turning up by chance inside a long random key (`…xFaKe9…`) do not drop a real secret.
 */
const BOUNDED_WORD = new RegExp(`(?<![a-z])(?:${WORDS})(?![a-z])`, 'i');
const ANY_WORD = new RegExp(`(?:${WORDS})`, 'i');
const LETTERS_ONLY = /^[A-Za-z_-]+$/;

/** Test-mode keys (`sk_test_…`) reach no real data. */
const TEST_MODE = /^[a-z]{2,4}_test_/;

/** Known documentation values published by providers. */
const DOC_VALUES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  // GitHub's REST API documentation example token.
  'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
]);

/** `***`, `xxxxxxxx`, `00000000`, `abcabcabc`: a run of one to three characters. */
function isRepetitive(v: string): boolean {
  if (/^(.)\1+$/.test(v)) return true;
  return v.length >= 8 && new Set(v).size <= 3;
}

/** The value without provider prefixes and separators: `pat-na1-0000-…` → `0000…`. */
function body(v: string): string {
  return v.replace(/^(?:[A-Za-z0-9]{1,20}[_.$-]){1,3}/, '').replace(/[-_.]/g, '');
}

/** Sequential runs such as `1234567890` or `abcdefghijkl` dominate fake keys in docs. */
function isSequential(v: string): boolean {
  const seqs = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const core = body(v);
  return core.length >= 8 && seqs.some((s) => s.includes(core.slice(0, 8)));
}

const MASKS = /(?:\*{3,}|•{3,}|x{6,}|X{6,}|\.{3}|…|<[A-Za-z][\w .-]{0,38}>|\[[A-Z _-]{3,30}\])/;

export function isPlaceholder(value: string): boolean {
  if (DOC_VALUES.has(value) || TEST_MODE.test(value) || MASKS.test(value)) return true;
  if (BOUNDED_WORD.test(value) || (LETTERS_ONLY.test(value) && ANY_WORD.test(value))) return true;
  const core = body(value);
  return isRepetitive(value) || (core.length >= 8 && isRepetitive(core)) || isSequential(value);
}

/** `${VAR}`, `$VAR`, `{{ .Values.x }}`, `%(x)s`, `process.env.X`, `os.environ[...]`, `@Value(...)`. */
const REFERENCE =
  /^(?:\$\{[^}]*\}?|\$\(|\$[A-Za-z_][A-Za-z0-9_]*$|\{\{.*\}?\}?|%\(|%[A-Z_]+%$|<%|#\{|process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|env\(|ENV\[|secrets\.|vars\.|var\.|local\.|data\.|module\.|config\.|settings\.|self\.|this\.|request\.|req\.|params\.|args\.|ctx\.|vault:|arn:aws[a-z-]*:|ssm:|secretsmanager:|projects\/[^/]+\/secrets\/|azurekeyvault:|sm:\/\/)/i;

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

const HEX_HASH = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{56}|[a-f0-9]{64}|[a-f0-9]{96}|[a-f0-9]{128})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGRITY = /^(?:sha(?:1|256|384|512)-[A-Za-z0-9+/=]{20,}|[a-z0-9]+:[A-Za-z0-9+/=]{20,})$/;
const IDENTIFIER =
  /^[a-z]+(?:[A-Z][a-z0-9]+)+$|^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const PATH_OR_URL = /^(?:\.{0,2}\/|[a-z]+:\/\/|~\/|[A-Za-z]:\\)/;
/** A path relative to a filesystem root or an app folder: `etc/passwd`, `run/secrets/db_password`. */
const ROOTED_PATH =
  /^(?:etc|usr|var|opt|home|tmp|lib|lib64|bin|sbin|srv|run|root|proc|sys|dev|mnt|app|data|conf|config|secrets?)\/[\w./-]+$/;
const FUNCTION_CALL = /^[A-Za-z_$][\w$.]*\(/;
/** Publishable keys (`pk_live_…`, Mapbox `pk.eyJ…`) are public by design. */
const PUBLISHABLE = /^pk[._]/;
/** `m.groups?.secret`, `keys.rsa`, `cfg.db.password`: code reading a value, not the value. */
const MEMBER_ACCESS = /^[a-z_$][\w$]{0,24}(?:\??\.[A-Za-z_$][\w$]{0,40}){1,6}$/;

/**
 * For name-based detection (`password = "..."`): ordinary values that sit next to such names
 * and are not secrets — identifiers, paths, URLs without credentials, hashes, UUIDs, lockfile
 * integrity strings and calls.
 */
export function isNotAGenericSecret(raw: string, minEntropy: number): boolean {
  // Text quoted inside a source string ends in escapes: `"X = cfg.db.arn\n"` holds `cfg.db.arn`.
  const value = raw.replace(/(?:\\[nrt])+$/, '');
  if (isPlaceholder(value) || isReference(value)) return true;
  if (HEX_HASH.test(value) || UUID.test(value) || INTEGRITY.test(value) || PUBLISHABLE.test(value))
    return true;
  if (
    IDENTIFIER.test(value) ||
    PATH_OR_URL.test(value) ||
    ROOTED_PATH.test(value) ||
    FUNCTION_CALL.test(value) ||
    MEMBER_ACCESS.test(value)
  )
    return true;
  if (/\s/.test(value)) return true;
  if (!/[0-9]/.test(value) && !/[^A-Za-z]/.test(value)) return true;
  return shannonEntropy(value) < minEntropy;
}

/**
 * Tests, fixtures, examples and documentation hold fake credentials far more often than real
 * ones; findings there are kept but their confidence lowered.
 */
const TEST_PATH =
  /(?:^|\/)(?:tests?|testing|__tests__|spec|specs|fixtures?|testdata|test-data|__mocks__|mocks?|examples?|samples?|docs?)(?:\/|$)|(?:^|[._-])(?:test|spec|mock|fixture|example|sample)s?\.[a-z0-9]+$|\.(?:md|rst|adoc)$/i;

export function isTestLikePath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** A comment with this marker on a line suppresses secret findings on that line only. */
export const ALLOW_MARKER = 'gatehouse:allow';
