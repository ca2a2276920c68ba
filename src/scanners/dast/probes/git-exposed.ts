import { bodyText } from '../active/lib.js';
import { dastRule } from '../rule.js';
import type { FileProbe } from '../types.js';
import { probeAll } from './lib.js';

const rule = dastRule({
  id: 'dast/git-exposed',
  title: 'Git repository exposed',
  description:
    'The `.git` folder is served: from `HEAD`, `config` and the object store anyone can rebuild the source ' +
    'code and its history, with every credential ever committed. Confirmed only by content: `.git/HEAD` must ' +
    'be exactly a `ref: refs/…` line or a 40-hex commit id, `.git/config` must hold a `[core]` section with ' +
    'git settings. A "not found" page that repeats the path, a 401/403 or a plain 200 are not reported.',
  severity: 'high',
  cwe: ['CWE-527', 'CWE-538'],
  owasp: ['A05:2021'],
  nist: ['CM-7', 'AC-3'],
  mode: 'probe',
  remediation:
    'Do not deploy the `.git` folder (build an artifact, or copy with `--exclude .git`), and deny dot-folders ' +
    'in the web server: nginx `location ~ /\\.(?!well-known) { deny all; }`, Apache `RedirectMatch 404 /\\.git`. ' +
    'Rotate any secret the repository history holds.',
  references: [
    'https://cwe.mitre.org/data/definitions/527.html',
    'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information',
  ],
});

const HEAD = /^(?:ref: refs\/[\w./-]{1,200}|[0-9a-f]{40}|[0-9a-f]{64})\s*$/;
const CONFIG_SETTING = /^\s*(?:repositoryformatversion|filemode|bare|logallrefupdates)\s*=/m;

/** Section names only: a remote URL can carry a token (`https://user:token@host`). */
function sections(text: string): string {
  return [...text.matchAll(/^\[[^\]\n]{1,80}\]/gm)]
    .slice(0, 6)
    .map((m) => m[0])
    .join(' ');
}

/** Two requests. */
export const gitExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(ctx, ['.git/HEAD', '.git/config'], (ex, path) => {
      const text = bodyText(ex);
      if (path === '.git/HEAD' && HEAD.test(text))
        return { message: '`.git/HEAD` is served: the repository can be downloaded', evidence: text.trim() };
      if (path === '.git/config' && /^\[core\]/m.test(text) && CONFIG_SETTING.test(text))
        return {
          message: '`.git/config` is served: the repository can be downloaded',
          evidence: sections(text),
        };
      return undefined;
    }),
};
