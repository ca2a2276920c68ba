import { inflateSync } from 'node:zlib';
import { isRecord } from '../../sca/licenses/source.js';
import { purlFor } from '../../sca/lockfiles/purl.js';
import type { Problems } from '../os-packages/problems.js';
import { type Elf, sectionData } from './elf.js';
import { errorMessage } from './error-message.js';
import type { LangPackage } from './types.js';

/**
 * The dependency tree `cargo auditable` embeds in a Rust binary: zlib-compressed JSON in the
 * `.dep-v0` section, `{"packages": [{name, version, source, kind?, dependencies?, root?}]}`
 * (https://github.com/rust-secure-code/cargo-auditable, cargo-auditable.schema.json), where
 * `dependencies` are indexes into `packages`.
 */
const DEP_SECTION = '.dep-v0';
/** cargo-auditable itself refuses more than 8 MiB of JSON; so do we, against a zlib bomb. */
const MAX_JSON = 8 << 20;
const MAX_PACKAGES = 50_000;

interface Crate {
  name: string;
  version: string;
  source: string;
  build: boolean;
  root: boolean;
  dependencies: number[];
}

/** The crates of an auditable binary; undefined when it has no `.dep-v0` section. */
export function readRustAudit(
  elf: Elf,
  buf: Buffer,
  path: string,
  problems: Problems,
): LangPackage[] | undefined {
  const data = sectionData(elf, buf, DEP_SECTION);
  if (data === undefined) return undefined;
  if (typeof data === 'string') return problems.add('error', 'binary-corrupt', data) ?? [];
  const crates = decode(data, problems);
  return crates ? toPackages(crates, path) : [];
}

function inflateJson(data: Buffer): unknown {
  try {
    return JSON.parse(inflateSync(data, { maxOutputLength: MAX_JSON }).toString('utf8'));
  } catch (e) {
    const bomb = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new Error(
      bomb
        ? `${DEP_SECTION} inflates to more than ${MAX_JSON} bytes`
        : `${DEP_SECTION} is not zlib-compressed JSON: ${errorMessage(e)}`,
    );
  }
}

function decode(data: Buffer, problems: Problems): Crate[] | undefined {
  let json: unknown;
  try {
    json = inflateJson(data);
  } catch (e) {
    return problems.add('error', 'binary-corrupt', errorMessage(e));
  }
  const list = isRecord(json) ? json.packages : undefined;
  if (!Array.isArray(list))
    return problems.add('error', 'binary-corrupt', `${DEP_SECTION} has no packages array`);
  if (list.length > MAX_PACKAGES) {
    return problems.add(
      'error',
      'binary-corrupt',
      `${DEP_SECTION} lists ${list.length} crates, over ${MAX_PACKAGES}`,
    );
  }
  const crates = list.map((entry, i) => crate(entry, i, list.length, problems));
  return crates.every((c) => c !== undefined) ? crates : undefined;
}

/** Any malformed crate fails the whole list: the others' dependency indexes could not be trusted. */
function crate(entry: unknown, i: number, count: number, problems: Problems): Crate | undefined {
  const e = isRecord(entry) ? entry : {};
  const deps = e.dependencies ?? [];
  const validDeps =
    Array.isArray(deps) && deps.every((d) => Number.isInteger(d) && d >= 0 && d < count && d !== i);
  if (typeof e.name !== 'string' || !e.name || typeof e.version !== 'string' || !e.version || !validDeps) {
    return problems.add(
      'error',
      'binary-corrupt',
      `${DEP_SECTION} crate ${i} lacks a name, a version or valid dependencies`,
    );
  }
  return {
    name: e.name,
    version: e.version,
    source: typeof e.source === 'string' ? e.source : 'other',
    build: e.kind === 'build',
    root: e.root === true,
    dependencies: deps as number[],
  };
}

/** Keys are `name@version`; two crates sharing both (one from git) are told apart by their source. */
function keys(crates: Crate[]): string[] {
  const seen = new Set<string>();
  return crates.map((c) => {
    const plain = `${c.name}@${c.version}`;
    const key = seen.has(plain) ? `${plain} (${c.source})` : plain;
    seen.add(key);
    return key;
  });
}

/**
 * Crates from the local filesystem are the program and its workspace: the application. Build
 * dependencies (build scripts, proc macros) ran at build time and are in the `build` group.
 */
function toPackages(crates: Crate[], path: string): LangPackage[] {
  const k = keys(crates);
  return crates.map((c, i) => {
    const pkg: LangPackage = {
      ecosystem: 'crates.io',
      name: c.name,
      version: c.version,
      resolved: true,
      purl: purlFor('crates.io', c.name, c.version),
      source: { path },
      key: k[i]!,
      evidence: 'cargo-auditable',
      confidence: 'high',
    };
    if (c.root || c.source === 'local') pkg.application = true;
    if (c.build) pkg.groups = ['build'];
    if (c.dependencies.length > 0) pkg.dependsOn = [...new Set(c.dependencies.map((d) => k[d]!))];
    return pkg;
  });
}
