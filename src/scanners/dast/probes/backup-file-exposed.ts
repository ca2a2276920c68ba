import { bodyText, mediaType } from '../active/lib.js';
import { dastRule } from '../rule.js';
import type { Exchange, FileProbe } from '../types.js';
import { looksLikeHtml, probeAll, startsWith } from './lib.js';

const rule = dastRule({
  id: 'dast/backup-file-exposed',
  title: 'Backup or source file exposed',
  description:
    'An archive, a database dump or a copy of server-side source is downloadable from a well-known name ' +
    '(`backup.zip`, `db.sql`, `index.php.bak`…): it hands out the code, data and credentials it contains. ' +
    "Confirmed only by the file's signature: zip (`PK\\x03\\x04`), gzip (`1f 8b`), tar (`ustar`), an SQL dump " +
    '(`CREATE TABLE` or `INSERT INTO` statements in a non-HTML answer), or PHP source starting with `<?php`. ' +
    'A "not found" page, an HTML page or a 401/403 at those names are not reported.',
  severity: 'high',
  cwe: ['CWE-530', 'CWE-538'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'AC-3'],
  mode: 'probe',
  remediation:
    'Keep backups and dumps outside the web root, do not edit files in place on the server (editors leave ' +
    '`.bak` and `~` copies), and deny archive and backup extensions in the web server. Rotate credentials the ' +
    'file contained.',
  references: [
    'https://cwe.mitre.org/data/definitions/530.html',
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information',
  ],
});

const PATHS = [
  'backup.zip',
  'backup.tar.gz',
  'backup.sql',
  'site.zip',
  'site.tar.gz',
  'www.zip',
  'db.sql',
  'dump.sql',
  'database.sql',
  'index.php.bak',
  'index.php~',
  'config.php.bak',
];

/** What the bytes are, and the little about them a finding may show. */
export function identify(ex: Exchange): { kind: string; detail: string } | undefined {
  const body = ex.response.body;
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) {
    const nameLength = body.length >= 30 ? body.readUInt16LE(26) : 0;
    const first = body.subarray(30, 30 + Math.min(nameLength, 200)).toString('utf8');
    return { kind: 'a zip archive', detail: first ? `zip archive, first entry ${first}` : 'zip archive' };
  }
  if (startsWith(body, [0x1f, 0x8b, 0x08])) return { kind: 'a gzip file', detail: 'gzip data (1f 8b 08)' };
  if (startsWith(body, [0x75, 0x73, 0x74, 0x61, 0x72], 257))
    return { kind: 'a tar archive', detail: 'tar archive (ustar)' };
  if (mediaType(ex).includes('html')) return undefined;
  const text = bodyText(ex);
  if (looksLikeHtml(text)) return undefined;
  if (/^\uFEFF?\s*<\?php\b/.test(text)) {
    const lines = text.split('\n').length;
    return { kind: 'PHP source', detail: `PHP source, ${lines} lines (starts with <?php)` };
  }
  const tables = [
    ...text.matchAll(/^\s*(?:CREATE TABLE|INSERT INTO)\s+(?:IF NOT EXISTS\s+)?[`"[]?([\w.]{1,64})/gim),
  ];
  if (tables.length > 0) {
    const names = [...new Set(tables.map((m) => m[1]!))].slice(0, 5).join(', ');
    return { kind: 'an SQL dump', detail: `SQL dump: ${tables.length} statements on ${names}` };
  }
  return undefined;
}

/** Twelve requests. */
export const backupFileExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(ctx, PATHS, (ex, path) => {
      const found = identify(ex);
      return found
        ? { message: `\`${path}\` is downloadable: ${found.kind}`, evidence: found.detail }
        : undefined;
    }),
};
