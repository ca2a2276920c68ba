import { redactLine } from '../../../core/redact.js';
import type { Severity } from '../../../core/severity.js';
import { isSecretName, isSecretValue } from '../../iac/rules/dockerfile/secret-name.js';
import type { Detector } from '../../secrets/detector.js';
import { isPlaceholder, isReference } from '../../secrets/engine/filters.js';
import { SecretMatcher } from '../../secrets/engine/matcher.js';
import { selectDetectors } from '../../secrets/select.js';

/**
 * Secrets in the image's text (Env values, history commands), recognised the way the rest of
 * Gatehouse recognises them: the secrets scanner's detectors for formats (AWS keys, tokens,
 * connection strings), and the Dockerfile rules' notion of a credential-named variable.
 */
export interface SecretValue {
  value: string;
  /** The detector's title (`AWS secret access key`), and where a name put it (`ENV DB_PASSWORD`). */
  what: string;
  /** The secrets detector that recognised the value; absent for a credential-named variable. */
  detector?: string;
  severity?: Severity;
}

let engine: { matcher: SecretMatcher; detectors: ReadonlyMap<string, Detector> } | undefined;

/** The secrets scanner's detectors, compiled once for everything an image scan searches. */
export function secretsEngine(): { matcher: SecretMatcher; detectors: ReadonlyMap<string, Detector> } {
  if (!engine) {
    const detectors = selectDetectors({ disable: [], generic: true });
    engine = { matcher: new SecretMatcher(detectors), detectors: new Map(detectors.map((d) => [d.id, d])) };
  }
  return engine;
}

export function detectedSecrets(text: string): SecretValue[] {
  const { matcher, detectors } = secretsEngine();
  return matcher.scan(Buffer.from(text, 'utf8')).map((m) => {
    const d = detectors.get(m.detectorId)!;
    return { value: m.secret, what: d.title, detector: d.id, severity: d.severity };
  });
}

const unquote = (v: string) => (/^(["']).*\1$/s.test(v) ? v.slice(1, -1) : v);

/** A literal given to a credential-named variable or flag: not empty, a reference, a path or a placeholder. */
export function namedSecret(name: string, raw: string, what: string): SecretValue | undefined {
  const value = unquote(raw);
  const literal =
    isSecretValue(value) && !isPlaceholder(value) && !isReference(value) && !value.startsWith('$');
  return isSecretName(name.replace(/-/g, '_')) && literal ? { value, what } : undefined;
}

/** `K=V K2="v 2"` from `start`, at most `max` pairs. */
function pairs(text: string, start: number, max = Number.POSITIVE_INFINITY): [string, string][] {
  const re = /\s*([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/y;
  re.lastIndex = start;
  const out: [string, string][] = [];
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) out.push([m[1]!, m[2]!]);
  return out;
}

/** Build arguments in effect for a RUN step, which both builders record before it: `|2 A=1 B=2 /bin/sh -c …`. */
const ARG_PREFIX = /^(?:RUN\s+)?\|(\d+)\s/;
const ENV_OR_ARG = /^(?:\/bin\/sh -c #\(nop\)\s+)?(ENV|ARG)\s/;
const FLAG = /(?:^|\s)--([A-Za-z][\w-]*)(?:=|\s+)("[^"]*"|'[^']*'|[^\s"'`;&|)]+)/g;
/** `curl -u user:password`; other tools' `-u` takes a uid (`-u 1000:1000`). */
const CURL_USER = /(?:^|\s)(?:-u\s*|--user(?:=|\s+))["']?[^\s:"']+:([^\s"']+?)["']?(?=\s|$)/g;

function namedSecrets(cmd: string): SecretValue[] {
  const found: (SecretValue | undefined)[] = [];
  const args = ARG_PREFIX.exec(cmd);
  if (args)
    for (const [k, v] of pairs(cmd, args[0].length, Number(args[1])))
      found.push(namedSecret(k, v, `build argument ${k}`));
  const instruction = ENV_OR_ARG.exec(cmd);
  if (instruction)
    for (const [k, v] of pairs(cmd, instruction[0].length))
      found.push(namedSecret(k, v, `${instruction[1]} ${k}`));
  for (const m of cmd.matchAll(FLAG)) found.push(namedSecret(m[1]!, m[2]!, `--${m[1]}`));
  if (/\bcurl\b/.test(cmd))
    for (const m of cmd.matchAll(CURL_USER))
      if (!/^\d+$/.test(m[1]!)) found.push(namedSecret('password', m[1]!, 'curl -u password'));
  return found.filter((s): s is SecretValue => s !== undefined);
}

/**
 * Every secret in a history command, each value once. A detector's match names what the value
 * is; the name it was given (`build argument NPM_TOKEN`) is kept beside it, since the Dockerfile
 * line shown for a RUN leaves the build arguments out.
 */
export function commandSecrets(cmd: string): SecretValue[] {
  const out: SecretValue[] = [];
  for (const s of [...detectedSecrets(cmd), ...namedSecrets(cmd)]) {
    const same = out.find((o) => o.value === s.value);
    if (!same) out.push(s);
    else if (same.detector && !s.detector)
      same.what += same.what.includes(', in ') ? ` and ${s.what}` : `, in ${s.what}`;
  }
  return out;
}

/** A history command safe to show: what the checks would call a secret, and any credential-like assignment, masked. */
export function redactCommand(cmd: string, known: readonly string[] = []): string {
  return redactLine(cmd, [...known, ...commandSecrets(cmd).map((s) => s.value)]);
}
