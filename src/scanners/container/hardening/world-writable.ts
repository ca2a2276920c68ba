import { BEST_PRACTICES } from '../../iac/rules/dockerfile/refs.js';
import type { FsEntry } from '../image/index.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/world-writable',
  title: 'World-writable file or directory in the image',
  description:
    'A file or directory in the image can be written by any user (mode `o+w`). Any process in the ' +
    'container, whatever user it runs as, can then replace a program, a library, a script or a config that ' +
    'another (possibly root) process trusts, or plant files in a directory others read from. Directories with ' +
    'the sticky bit (`/tmp`, `/var/tmp`) are shared on purpose and are not reported, symlinks (always 0777) ' +
    'are not files, and `/proc`, `/sys` and `/dev` belong to the runtime. A world-writable directory is ' +
    'reported once, with the number of world-writable entries under it.',
  severity: 'medium',
  cis: [],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-732'],
  remediation:
    'Give the application user ownership of what it writes, instead of opening it to everyone:\n\n' +
    '```dockerfile\nCOPY --chown=10001:10001 --chmod=0755 app/ /app/\nRUN install -d -o 10001 -g 10001 -m 0750 /app/data\n```',
  references: ['https://cwe.mitre.org/data/definitions/732.html', `${BEST_PRACTICES}#user`],
});

const RUNTIME = /^(proc|sys|dev)(\/|$)/;
const OTHERS_WRITE = 0o002;
const STICKY = 0o1000;

/** Shared on purpose: anyone may add files, only their owner may remove or rename them. */
const isSticky = (e: FsEntry) => e.type === 'dir' && (e.mode & STICKY) !== 0;

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

function reportedAncestor(path: string, open: Map<string, { count: number }>) {
  for (let p = parentOf(path); p !== ''; p = parentOf(p)) {
    const found = open.get(p);
    if (found) return found;
  }
  return undefined;
}

function result(input: HardeningInput, e: FsEntry, under: number): HardeningResult {
  const origin = layerOrigin(input, e.layer);
  const mode = (e.mode & 0o7777).toString(8).padStart(4, '0');
  const more = under === 0 ? '' : `, and so are ${under} entries under it`;
  return {
    ruleId: rule.id,
    message: `${e.path} is a world-writable ${e.type === 'dir' ? 'directory' : 'file'} (mode ${mode})${more}, written by ${describeOrigin(origin)}: any user in the container can change it`,
    location: e.path,
    key: e.path,
    ...origin,
  };
}

export const worldWritable: HardeningCheck = {
  rule,
  check(input) {
    const found = [...input.fs.entries()].filter(
      (e) => (e.mode & OTHERS_WRITE) !== 0 && e.type !== 'symlink' && !RUNTIME.test(e.path),
    );
    found.sort((a, b) => (a.path < b.path ? -1 : 1));
    const open = new Map<string, { count: number }>();
    const reported: FsEntry[] = [];
    for (const e of found) {
      const ancestor = reportedAncestor(e.path, open);
      if (ancestor) ancestor.count++;
      else if (!isSticky(e)) {
        reported.push(e);
        // What lies under a directory anyone may fill is counted with it, not reported again.
        if (e.type === 'dir') open.set(e.path, { count: 0 });
      }
    }
    return reported.map((e) => result(input, e, open.get(e.path)?.count ?? 0));
  },
};
