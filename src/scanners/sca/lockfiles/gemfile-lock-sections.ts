import type { PackageHash } from '../../../core/package.js';
import { contentLines } from './line-index.js';
import { LockfileError, type LockfileWarning } from './parser.js';

/** One gem under `specs:` of a GEM, GIT, PATH or PLUGIN SOURCE section. */
export interface GemSpec {
  name: string;
  version: string;
  /** `nokogiri (1.15.4-x86_64-linux)`: a precompiled build for one platform. */
  platform?: string;
  section: string;
  remote?: string;
  line: number;
  /** Names of the gems it depends on. */
  deps: string[];
}

export interface GemfileLock {
  specs: GemSpec[];
  /** The DEPENDENCIES section: what the Gemfile declares. Undefined when the section is missing. */
  declared?: Set<string>;
  /** CHECKSUMS (Bundler 2.5+), by `name (version[-platform])`. */
  checksums: Map<string, PackageHash[]>;
}

const SOURCE_SECTIONS = new Set(['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE']);
const OTHER_SECTIONS = new Set(['PLATFORMS', 'DEPENDENCIES', 'CHECKSUMS', 'RUBY VERSION', 'BUNDLED WITH']);
/** `name (version)` or `name (version-platform)`: versions never contain `-`, platforms may. */
const SPEC = /^(\S+) \(([^\s()-]+)(?:-([^\s()]+))?\)$/;

interface State {
  lock: GemfileLock;
  section: string;
  remote?: string;
  inSpecs: boolean;
  /** The gem whose 6-space dependency lines follow; unset after a gem that could not be read. */
  current?: GemSpec;
  knownSections: number;
}

/**
 * Bundler's lockfile: sections start at column 0, their keys at 2 spaces, gems at 4, and each
 * gem's own dependencies at 6. Indentation is the grammar, so it is matched exactly.
 */
export function readGemfileLock(text: string, warnings: LockfileWarning[]): GemfileLock {
  const state: State = {
    lock: { specs: [], checksums: new Map() },
    section: '',
    inSpecs: false,
    knownSections: 0,
  };
  for (const { text: line, line: lineNo } of contentLines(text)) readLine(line, lineNo, state, warnings);
  if (state.knownSections === 0 && /\S/.test(text)) {
    throw new LockfileError('no Gemfile.lock section (GEM, GIT, PATH, DEPENDENCIES…) found');
  }
  return state.lock;
}

function readLine(line: string, lineNo: number, state: State, warnings: LockfileWarning[]): void {
  const indent = line.length - line.trimStart().length;
  const content = line.trim();
  if (indent === 0) startSection(content, state);
  else if (SOURCE_SECTIONS.has(state.section)) readSourceLine(indent, content, lineNo, state, warnings);
  else if (indent === 2 && state.section === 'DEPENDENCIES') readDeclared(content, state.lock);
  else if (indent === 2 && state.section === 'CHECKSUMS') readChecksum(content, state.lock.checksums);
}

/** `  name`, `  name (>= 1.0)` or `  name!` (the `!` marks a gem from a GIT or PATH source). */
function readDeclared(content: string, lock: GemfileLock): void {
  const name = /^[^\s!(]+/.exec(content)?.[0];
  if (name) lock.declared?.add(name);
}

function startSection(name: string, state: State): void {
  state.section = name;
  state.remote = undefined;
  state.inSpecs = false;
  state.current = undefined;
  if (SOURCE_SECTIONS.has(name) || OTHER_SECTIONS.has(name)) state.knownSections++;
  if (name === 'DEPENDENCIES') state.lock.declared ??= new Set();
}

function readSourceLine(
  indent: number,
  content: string,
  lineNo: number,
  state: State,
  warnings: LockfileWarning[],
) {
  if (indent === 2) {
    state.inSpecs = content === 'specs:';
    const remote = /^remote: (.+)$/.exec(content);
    if (remote && state.remote === undefined) state.remote = remote[1]!.trim();
  } else if (indent === 4 && state.inSpecs) {
    readSpec(content, lineNo, state, warnings);
  } else if (indent === 6 && state.inSpecs) {
    state.current?.deps.push(/^\S+/.exec(content)![0]);
  }
}

function readSpec(content: string, lineNo: number, state: State, warnings: LockfileWarning[]): void {
  const m = SPEC.exec(content);
  if (!m) {
    warnings.push({ message: `gem "${content}" has no version in parentheses; skipped`, line: lineNo });
    state.current = undefined;
    return;
  }
  const spec: GemSpec = { name: m[1]!, version: m[2]!, section: state.section, line: lineNo, deps: [] };
  if (m[3]) spec.platform = m[3];
  if (state.remote !== undefined) spec.remote = state.remote;
  state.lock.specs.push(spec);
  state.current = spec;
}

const HASH_ALGS: Record<string, { alg: string; hexLength: number }> = {
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};

/** `  name (version[-platform]) sha256=<hex>[,sha512=<hex>]`; a gem may be listed without one. */
function readChecksum(content: string, checksums: Map<string, PackageHash[]>): void {
  const m = /^(\S+ \([^()]+\))(?: (\S+))?$/.exec(content);
  if (!m?.[2]) return;
  const hashes: PackageHash[] = [];
  for (const part of m[2].split(',')) {
    const [alg = '', value = ''] = part.split('=');
    const known = HASH_ALGS[alg.toLowerCase()];
    if (known && value.length === known.hexLength && /^[0-9a-f]+$/i.test(value)) {
      hashes.push({ alg: known.alg, value: value.toLowerCase() });
    }
  }
  if (hashes.length) checksums.set(m[1]!, hashes);
}
