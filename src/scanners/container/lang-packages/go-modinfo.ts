import { purlFor } from '../../sca/lockfiles/purl.js';
import type { Problems } from '../os-packages/problems.js';
import type { LangPackage } from './types.js';

/**
 * The module info of a Go binary, as `runtime/debug.BuildInfo.String` writes it: tab-separated
 * `path <package>`, `mod <path> <version> [<sum>]` (the main module), `dep <path> <version>
 * [<sum>]`, `=> <path> <version> <sum>` (replacing the module on the line before) and
 * `build <key>=<value>` lines.
 */
export interface GoModule {
  path: string;
  version: string;
  replace?: { path: string; version: string };
}

export interface GoModInfo {
  /** The main package's import path (`command-line-arguments` for `go build file.go`). */
  path?: string;
  main?: GoModule;
  deps: GoModule[];
  /** `-compiler`, `CGO_ENABLED`, `GOOS`, `vcs.revision`…, as written (quoted values left quoted). */
  settings: [key: string, value: string][];
}

/** Go rejects the whole info at the first bad line; here that line is reported and the rest still read. */
export function parseGoModInfo(text: string, problems: Problems): GoModInfo {
  const info: GoModInfo = { deps: [], settings: [] };
  let last: GoModule | undefined;
  for (const [i, line] of text.split('\n').entries()) {
    const tab = line.indexOf('\t');
    const [word, rest] = tab < 0 ? [line, ''] : [line.slice(0, tab), line.slice(tab + 1)];
    const bad = (why: string) =>
      problems.add('warning', 'binary-corrupt', `module info line ${i + 1}: ${why}`);
    if (word === 'path') info.path = rest;
    else if (word === 'mod' || word === 'dep') {
      last = moduleLine(rest.split('\t'));
      if (!last) bad(`"${word}" needs 2 or 3 columns`);
      else if (word === 'mod') info.main = last;
      else info.deps.push(last);
    } else if (word === '=>') {
      const [path, version, sum] = rest.split('\t');
      if (!last || sum === undefined || !path)
        bad('a replacement needs a module on the line before and 3 columns');
      else last.replace = { path, version: version ?? '' };
      last = undefined;
    } else if (word === 'build') {
      const eq = rest.indexOf('=');
      if (eq <= 0) bad('a build setting needs key=value');
      else info.settings.push([rest.slice(0, eq), rest.slice(eq + 1)]);
    }
  }
  return info;
}

function moduleLine(columns: string[]): GoModule | undefined {
  if ((columns.length !== 2 && columns.length !== 3) || !columns[0]) return undefined;
  return { path: columns[0], version: columns[1]! };
}

/**
 * The toolchain as the OSV Go ecosystem names it: `stdlib`, the version as `golang.org/x/vuln`
 * converts tags (`go1.21rc2` → `1.21.0-rc.2`). Experiments after a space (`go1.22.0
 * X:boringcrypto`) do not change the release; a development build has no release at all.
 */
export function goToolchainVersion(goVersion: string): string {
  const m = /^go1(?:\.(\d+))?(?:\.(\d+))?(?:(rc|beta)(\d+))?$/.exec(goVersion.split(' ')[0]!);
  if (!m) return '';
  const release = `1.${m[1] ?? '0'}.${m[2] ?? '0'}`;
  return m[3] ? `${release}-${m[3]}.${m[4]}` : release;
}

/** Go writes a folder replacing a module with no version, or `(devel)` since Go 1.19. */
function isLocal(replace: GoModule['replace']): boolean {
  return replace !== undefined && (replace.version === '' || replace.version === '(devel)');
}

/**
 * The module built into the binary: the replacement when there is one, or the module it
 * stands for, without a version, when a local folder replaced it. OSV's Go versions have no `v`.
 */
function built(m: GoModule): { name: string; version: string; constraint?: string } {
  if (isLocal(m.replace)) return { name: m.path, version: '', constraint: `=> ${m.replace!.path}` };
  const target = m.replace ?? m;
  if (!/^v\d/.test(target.version)) return { name: target.path, version: '', constraint: target.version };
  return { name: target.path, version: target.version.slice(1) };
}

function goPackage(
  name: string,
  version: string,
  path: string,
  extra: Partial<LangPackage> = {},
): LangPackage {
  return {
    ecosystem: 'Go',
    name,
    version,
    resolved: version !== '',
    purl: purlFor('Go', name, version),
    source: { path },
    key: version ? `${name}@${version}` : name,
    evidence: 'go-buildinfo',
    confidence: 'high',
    ...extra,
  };
}

/**
 * The standard library (as `stdlib`), the main module (marked as the application; a version
 * only when the toolchain stamped one, from a VCS tag, rather than `(devel)`) and every dependency.
 */
export function goPackages(goVersion: string, info: GoModInfo, path: string): LangPackage[] {
  const stdlib = goToolchainVersion(goVersion);
  const out = [goPackage('stdlib', stdlib, path, stdlib ? {} : { constraint: goVersion })];
  if (info.main) {
    const m = built(info.main);
    const constraint = m.constraint ?? info.main.version;
    out.push(goPackage(m.name, m.version, path, { application: true, ...(m.version ? {} : { constraint }) }));
  }
  for (const dep of info.deps) {
    const m = built(dep);
    out.push(goPackage(m.name, m.version, path, m.constraint ? { constraint: m.constraint } : {}));
  }
  return out;
}
