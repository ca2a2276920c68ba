import { formatBytes } from '../../../core/size.js';
import { BEST_PRACTICES } from '../../iac/rules/dockerfile/refs.js';
import type { FsEntry, LayeredFs } from '../image/index.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { baseName } from './programs.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/package-cache',
  title: 'Package manager cache left in the image',
  description:
    'A package manager’s download cache or package index stayed in the image: apt’s `.deb` archives and ' +
    'lists, apk’s cache, yum/dnf metadata, pip’s, npm’s or yarn’s cache. It is dead weight in every pull, and ' +
    'a stale package index lets whoever runs apt or apk in the container install outdated packages without ' +
    'fetching fresh metadata. Deleting it in a later layer does not help: it has to go in the layer that made ' +
    'it. Caches under 64 KiB (lock files, empty indexes) are not reported.',
  severity: 'info',
  cis: [],
  nist: ['CM-7'],
  remediation:
    'Clean up in the same RUN that installs, or keep the cache out of the image with a cache mount:\n\n' +
    '```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n' +
    '  && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl\nRUN pip install --no-cache-dir -r requirements.txt\n' +
    'RUN --mount=type=cache,target=/root/.npm npm ci\n```',
  references: [`${BEST_PRACTICES}#apt-get`, 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts'],
});

const MIN_BYTES = 64 * 1024;

/** Where caches live; `~` is every home directory (`root` and `home/*`). */
const CACHES: { name: string; dir: string }[] = [
  { name: 'apt package cache', dir: 'var/cache/apt' },
  { name: 'apt package lists', dir: 'var/lib/apt/lists' },
  { name: 'apk cache', dir: 'var/cache/apk' },
  { name: 'yum cache', dir: 'var/cache/yum' },
  { name: 'dnf cache', dir: 'var/cache/dnf' },
  { name: 'pip cache', dir: '~/.cache/pip' },
  { name: 'npm cache', dir: '~/.npm/_cacache' },
  { name: 'yarn cache', dir: '~/.cache/yarn' },
  { name: 'yarn cache', dir: 'usr/local/share/.cache/yarn' },
];

function cacheDirs(fs: LayeredFs, dir: string): string[] {
  if (!dir.startsWith('~/')) return [dir];
  const homes = ['root', ...fs.children('home').map((h) => h.path)];
  return homes.map((h) => `${h}/${dir.slice(2)}`);
}

/** Regular files under `dir`, lock files aside: apt keeps an empty `lock` in clean images. */
function filesUnder(fs: LayeredFs, dir: string): FsEntry[] {
  return fs.children(dir).flatMap((e) => {
    if (e.type === 'dir') return filesUnder(fs, e.path);
    return e.type === 'file' && baseName(e.path) !== 'lock' ? [e] : [];
  });
}

/** The layer that wrote most of the bytes: the RUN to change. */
function mainLayer(files: FsEntry[]): number {
  const bytes = new Map<number, number>();
  for (const f of files) bytes.set(f.layer, (bytes.get(f.layer) ?? 0) + f.size);
  return [...bytes].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

interface Cache {
  name: string;
  dir: string;
  files: FsEntry[];
  bytes: number;
}

function result(input: HardeningInput, { name, dir, files, bytes }: Cache): HardeningResult {
  const origin = layerOrigin(input, mainLayer(files));
  return {
    ruleId: rule.id,
    message: `${dir} (${name}) holds ${formatBytes(bytes)} in ${files.length} files, mostly written by ${describeOrigin(origin)}`,
    location: dir,
    key: dir,
    properties: { bytes, files: files.length },
    ...origin,
  };
}

export const packageCache: HardeningCheck = {
  rule,
  check(input) {
    const out: HardeningResult[] = [];
    for (const { name, dir: pattern } of CACHES)
      for (const dir of cacheDirs(input.fs, pattern)) {
        const files = filesUnder(input.fs, dir);
        const bytes = files.reduce((n, f) => n + f.size, 0);
        if (bytes >= MIN_BYTES) out.push(result(input, { name, dir, files, bytes }));
      }
    return out;
  },
};
