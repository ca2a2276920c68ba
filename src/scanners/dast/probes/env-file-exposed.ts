import { bodyText, mediaType } from '../active/lib.js';
import { redact } from '../passive/lib/text.js';
import { dastRule } from '../rule.js';
import type { FileProbe } from '../types.js';
import { looksLikeHtml, probeAll } from './lib.js';

const rule = dastRule({
  id: 'dast/env-file-exposed',
  title: 'Environment file (.env) exposed',
  description:
    'A `.env` file is served: it usually holds database passwords, API keys and session secrets. Confirmed ' +
    'only by content: at least two `KEY=VALUE` lines with upper-case keys making up most of the non-comment ' +
    'lines, in an answer that is not HTML. A "not found" page, an HTML page that mentions `.env`, or a 401/403 ' +
    'are not reported. Values are redacted in the finding: key names and at most four characters.',
  severity: 'high',
  cwe: ['CWE-538', 'CWE-200'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'AC-3', 'IA-5'],
  mode: 'probe',
  remediation:
    'Keep `.env` files out of the web root (the document root should be `public/`, not the project), deny ' +
    'dot-files in the web server, and rotate every secret the file held: it must be considered leaked.',
  references: [
    'https://cwe.mitre.org/data/definitions/538.html',
    'https://owasp.org/Top10/A05_2021-Security_Misconfiguration/',
  ],
});

const PATHS = [
  '.env',
  '.env.local',
  '.env.production',
  '.env.prod',
  '.env.development',
  '.env.backup',
  '.env.bak',
];

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Z][A-Z0-9_]{1,100})\s*=(.*)$/;
const SECRET_KEY = /PASS|SECRET|TOKEN|KEY|CREDENTIAL|PRIVATE|AUTH/;

export interface EnvEntry {
  key: string;
  value: string;
}

/** The assignments of a dotenv file, or undefined when the text is not one. */
export function parseEnv(text: string): EnvEntry[] | undefined {
  if (looksLikeHtml(text)) return undefined;
  const lines = text
    .split(/\r?\n/)
    .slice(0, 2000)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const entries = lines.flatMap((l) => {
    const m = ASSIGNMENT.exec(l);
    return m ? [{ key: m[1]!, value: m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2') }] : [];
  });
  return entries.length >= 2 && entries.length * 2 >= lines.length ? entries : undefined;
}

/** `DB_PASSWORD=exam…`: the key, and a value cut to what identifies it without giving it away. */
export function redactedEntry(e: EnvEntry): string {
  return `${e.key}=${e.value ? redact(e.value) : ''}`;
}

/** Seven requests. */
export const envFileExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(ctx, PATHS, (ex, path) => {
      if (mediaType(ex).includes('html')) return undefined;
      const entries = parseEnv(bodyText(ex));
      if (!entries) return undefined;
      const secrets = entries.filter((e) => SECRET_KEY.test(e.key)).map((e) => e.key);
      return {
        message:
          `\`${path}\` is served with ${entries.length} settings` +
          (secrets.length ? `, secrets among them (${secrets.slice(0, 5).join(', ')})` : ''),
        evidence: entries.slice(0, 8).map(redactedEntry).join('\n'),
      };
    }),
};
