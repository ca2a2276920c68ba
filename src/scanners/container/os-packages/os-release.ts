import { distributionFacts, purlDistro } from './distributions.js';
import { DPKG_STATUS, DPKG_STATUS_DIR } from './dpkg-status.js';
import { decodeText, forEachLine } from './problems.js';
import type { DetectedOs, ImageFiles, OsInfo } from './types.js';

/** os-release(5): `/etc/os-release` wins; `/usr/lib/os-release` is read only when it is absent. */
export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const;
/** Older or minimal images without os-release still say what they are here. */
export const RELEASE_FILE_PATHS = [
  'etc/alpine-release',
  'etc/debian_version',
  'etc/redhat-release',
  'etc/system-release',
] as const;

/** The body of a double-quoted value: backslash escapes `"`, `\`, `$` and backquote, as in a shell. */
function unquoteDouble(body: string): string {
  return body.replace(/\\([\\"$`])/g, '$1');
}

/** One value as os-release(5) allows it: double- or single-quoted, or bare with backslash escapes. */
function parseValue(raw: string): string {
  const text = raw.trim();
  const double = /^"((?:[^"\\]|\\.)*)"/.exec(text);
  if (double) return unquoteDouble(double[1]!);
  const single = /^'([^']*)'/.exec(text);
  if (single) return single[1]!;
  return text.replace(/\\(.)/g, '$1');
}

/** The variables of an os-release file; lines that are not `KEY=value` are ignored, as the spec says. */
export function parseOsRelease(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  forEachLine(text, (line) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) vars.set(m[1]!, parseValue(m[2]!));
  });
  return vars;
}

function hasDistrolessStatus(files: ImageFiles): boolean {
  if (files.has(DPKG_STATUS)) return false;
  for (const path of files.keys()) if (path.startsWith(DPKG_STATUS_DIR)) return true;
  return false;
}

/** Google's distroless images say `PRETTY_NAME="Distroless"` over a Debian ID, and point home to the project. */
function isDistroless(vars: Map<string, string>, id: string, files: ImageFiles): boolean {
  if (id !== 'debian') return false;
  const named = /distroless/i.test(`${vars.get('PRETTY_NAME') ?? ''} ${vars.get('HOME_URL') ?? ''}`);
  return named || hasDistrolessStatus(files);
}

interface OsFields {
  id: string;
  idLike?: string[];
  versionId?: string;
  versionCodename?: string;
  prettyName: string;
  path: string;
  distroless?: boolean;
}

function osInfo(f: OsFields): OsInfo {
  const idLike = f.idLike ?? [];
  const facts = distributionFacts(f.id, idLike, f.versionId);
  const { id, prettyName, path } = f;
  const info: OsInfo = {
    known: true,
    id,
    idLike,
    prettyName,
    path,
    distroless: f.distroless ?? false,
    ...facts,
  };
  if (f.versionId !== undefined) info.versionId = f.versionId;
  if (f.versionCodename !== undefined) info.versionCodename = f.versionCodename;
  const distro = purlDistro(f.id, facts.family, f.versionId, f.versionCodename);
  if (distro !== undefined) info.purlDistro = distro;
  return info;
}

/** An empty value means unset, as in the shell the file is written for. */
function get(vars: Map<string, string>, key: string): string | undefined {
  const value = vars.get(key)?.trim();
  return value === '' ? undefined : value;
}

function fromOsRelease(path: string, content: Buffer, files: ImageFiles): OsInfo | undefined {
  const vars = parseOsRelease(decodeText(content));
  const id = get(vars, 'ID')?.toLowerCase();
  if (id === undefined) return undefined;
  const versionId = get(vars, 'VERSION_ID');
  const versionCodename = get(vars, 'VERSION_CODENAME');
  return osInfo({
    id,
    idLike: (get(vars, 'ID_LIKE') ?? '').toLowerCase().split(/\s+/).filter(Boolean),
    ...(versionId !== undefined && { versionId }),
    ...(versionCodename !== undefined && { versionCodename }),
    prettyName: get(vars, 'PRETTY_NAME') ?? get(vars, 'NAME') ?? id,
    path,
    distroless: isDistroless(vars, id, files),
  });
}

/** `12.5` is a stable point release; `trixie/sid` is testing or unstable, with no number yet. */
function fromDebianVersion(path: string, text: string, distroless: boolean): OsInfo {
  const base = { id: 'debian', prettyName: `Debian ${text}`, path, distroless };
  const m = /^(\d+)(?:\.\d+)*$/.exec(text);
  if (m) return osInfo({ ...base, versionId: m[1]! });
  const codename = /^([a-z]+)\/sid$/.exec(text)?.[1];
  return osInfo(codename === undefined ? base : { ...base, versionCodename: codename });
}

/** `Rocky Linux release 9.3 (Blue Onyx)`: the name before `release` and the version after it. */
const RELEASE_LINE: [RegExp, string][] = [
  [/^Red Hat Enterprise Linux/i, 'rhel'],
  [/^Rocky Linux/i, 'rocky'],
  [/^AlmaLinux/i, 'almalinux'],
  [/^Amazon Linux/i, 'amzn'],
  [/^CentOS/i, 'centos'],
  [/^Fedora/i, 'fedora'],
  [/^Oracle Linux/i, 'ol'],
];

function fromRedhatRelease(path: string, text: string): OsInfo | undefined {
  const id = RELEASE_LINE.find(([re]) => re.test(text))?.[1];
  if (id === undefined) return undefined;
  const versionId = /\brelease\s+(\d+(?:\.\d+)*)/i.exec(text)?.[1];
  return osInfo({ id, ...(versionId !== undefined && { versionId }), prettyName: text, path });
}

function fromReleaseFile(path: string, content: Buffer, files: ImageFiles): OsInfo | undefined {
  const text = decodeText(content).split('\n', 1)[0]!.trim();
  if (text === '') return undefined;
  if (path === 'etc/alpine-release') {
    return osInfo({ id: 'alpine', versionId: text, prettyName: `Alpine Linux ${text}`, path });
  }
  if (path === 'etc/debian_version') return fromDebianVersion(path, text, hasDistrolessStatus(files));
  return fromRedhatRelease(path, text);
}

/**
 * Debian testing has an os-release without VERSION_ID; its debian_version (`trixie/sid`) says
 * no more, but a stable image whose os-release lost the field still has `12.5` there.
 */
function withDebianVersion(os: OsInfo, files: ImageFiles): OsInfo {
  if (os.id !== 'debian' || os.versionId !== undefined) return os;
  const content = files.get('etc/debian_version');
  const text = content ? decodeText(content).split('\n', 1)[0]!.trim() : '';
  if (!/^\d+(\.\d+)*$/.test(text)) return os;
  const { path, prettyName, distroless, idLike, versionCodename } = os;
  const versionId = text.split('.')[0]!;
  return osInfo({
    id: 'debian',
    idLike,
    versionId,
    prettyName,
    path,
    distroless,
    ...(versionCodename && { versionCodename }),
  });
}

/** The OS of an image from its files (paths relative to the root), or `{ known: false }` when none says. */
export function detectOs(files: ImageFiles): DetectedOs {
  for (const path of OS_RELEASE_PATHS) {
    const content = files.get(path);
    if (content === undefined) continue;
    const os = fromOsRelease(path, content, files);
    if (os) return withDebianVersion(os, files);
    break;
  }
  for (const path of RELEASE_FILE_PATHS) {
    const content = files.get(path);
    const os = content === undefined ? undefined : fromReleaseFile(path, content, files);
    if (os) return os;
  }
  return { known: false };
}
