import { posix } from 'node:path';
import { redactUrlCredentials } from './lockfile-text.js';
import type { LockfileInput, LockfileWarning } from './parser.js';
import { MAX_LOCKFILE_BYTES } from './parser.js';
import { type PipRequirement, parsePipRequirement } from './pip-requirement.js';
import { hashOptions, logicalLines, splitOptions } from './requirements-lines.js';

/** A requirement with the file and line that declare it. */
export interface DeclaredRequirement extends PipRequirement {
  path: string;
  line: number;
  hashes: string[];
  /** For an entry of an included file: the line of the scanned file's `-r`/`-c` that led to it. */
  via?: number;
}

/** Everything a requirements file pulls in: its own lines, `-r` files, and the pins of `-c` files. */
export interface RequirementsRead {
  requirements: DeclaredRequirement[];
  /** `-c` entries: they fix the version of a requirement but install nothing by themselves. */
  constraints: DeclaredRequirement[];
  warnings: LockfileWarning[];
}

/** Bounds for hostile include graphs: real projects nest a few levels and a few dozen files. */
const MAX_INCLUDE_DEPTH = 32;
const MAX_FILES = 500;

/** Options that change where or how pip downloads, not what it installs. */
const IGNORED_OPTIONS = new Set([
  ...['-i', '--index-url', '--extra-index-url', '--no-index', '-f', '--find-links', '--trusted-host'],
  ...['--no-binary', '--only-binary', '--prefer-binary', '--require-hashes', '--pre', '--use-feature'],
  ...['-Z', '--always-unzip', '-C', '--config-settings', '--global-option', '--install-option'],
]);

type Mode = 'requirements' | 'constraints';

interface State {
  input: LockfileInput;
  read: RequirementsRead;
  /** Files being read, outermost first: an include of one of them is a cycle. */
  stack: string[];
  seen: Set<string>;
  /** Characters read across all files: includes together get the budget of one lockfile. */
  size: number;
  /** While an include of the scanned file is being read: the line of that include. */
  via?: number;
}

export function readRequirements(input: LockfileInput): RequirementsRead {
  const state: State = {
    input,
    read: { requirements: [], constraints: [], warnings: [] },
    stack: [],
    seen: new Set(),
    size: input.text.length,
  };
  readFile(state, input.path, input.text, 'requirements');
  return state.read;
}

function readFile(state: State, path: string, text: string, mode: Mode): void {
  state.stack.push(path);
  state.seen.add(`${mode}:${path}`);
  for (const { text: line, line: number } of logicalLines(text)) {
    if (line.startsWith('-')) readOption(state, path, line, number, mode);
    else addRequirement(state, path, number, mode, line);
  }
  state.stack.pop();
}

function addRequirement(
  state: State,
  path: string,
  line: number,
  mode: Mode,
  text: string,
  editable = false,
): void {
  const { requirement, options } = editable ? { requirement: text, options: [] } : splitOptions(text);
  const parsed = parsePipRequirement(requirement);
  if (typeof parsed === 'string') {
    warn(
      state,
      path,
      line,
      `"${requirement}" is not a valid requirement (${parsed}); pip would refuse this file`,
    );
    return;
  }
  if (!parsed.name) {
    if (requirement !== '.')
      warn(state, path, line, `cannot tell the package name of "${parsed.url}"; skipped`);
    return;
  }
  if (parsed.environmentVariable) {
    warn(
      state,
      path,
      line,
      `${parsed.name}: the version comes from ${parsed.environmentVariable}, unknown here`,
    );
  }
  const list = mode === 'requirements' ? state.read.requirements : state.read.constraints;
  const via = state.via === undefined ? {} : { via: state.via };
  list.push({ ...parsed, path, line, hashes: hashOptions(options), ...via });
}

/** `-r`/`-c` includes, `-e` requirements, index options (ignored) and anything else (reported). */
function readOption(state: State, path: string, text: string, line: number, mode: Mode): void {
  const [option, value] = splitOption(text);
  if (option === '-r' || option === '--requirement') include(state, path, value, line, mode);
  else if (option === '-c' || option === '--constraint') include(state, path, value, line, 'constraints');
  else if (option === '-e' || option === '--editable') addRequirement(state, path, line, mode, value, true);
  else if (!IGNORED_OPTIONS.has(option)) warn(state, path, line, `unknown option "${option}"; line ignored`);
}

/** `-r file`, `-rfile`, `--requirement=file`, `--requirement file`. */
function splitOption(text: string): [string, string] {
  const long = /^(--[A-Za-z-]+)(?:=|\s+)?(.*)$/s.exec(text);
  if (long) return [long[1]!, long[2]!.trim()];
  const short = /^(-[A-Za-z])\s*(.*)$/s.exec(text);
  return short ? [short[1]!, short[2]!.trim()] : [text.split(/\s/, 1)[0]!, ''];
}

function include(state: State, from: string, target: string, line: number, mode: Mode): void {
  const path = includePath(state, from, target, line);
  if (path === undefined) return;
  if (state.stack.includes(path)) {
    warn(state, from, line, `include cycle: ${[...state.stack, path].join(' -> ')}; not followed again`);
    return;
  }
  if (state.seen.has(`${mode}:${path}`)) return;
  if (state.stack.length >= MAX_INCLUDE_DEPTH || state.seen.size >= MAX_FILES) {
    warn(state, from, line, `"${target}" not read: includes nest deeper or wider than any real project`);
    return;
  }
  const text = state.input.readFile(path);
  if (text === undefined) warn(state, from, line, `included file "${target}" (${path}) was not found`);
  else if (state.size + text.length > MAX_LOCKFILE_BYTES) {
    warn(state, from, line, `included file "${target}" not read: the files together are too large`);
  } else {
    state.size += text.length;
    const outermost = state.via === undefined;
    if (outermost) state.via = line;
    readFile(state, path, text, mode);
    if (outermost) state.via = undefined;
  }
}

/** Includes are relative to the including file; URLs, absolute paths and `${ENV}` paths are not followed. */
function includePath(state: State, from: string, target: string, line: number): string | undefined {
  const reason = !target
    ? 'names no file'
    : /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target)
      ? 'is a URL, which is never downloaded during a scan'
      : target.includes('${')
        ? 'depends on an environment variable'
        : posix.isAbsolute(target) || /^[A-Za-z]:[/\\]/.test(target)
          ? 'is an absolute path'
          : undefined;
  const path = reason
    ? undefined
    : posix.normalize(posix.join(posix.dirname(from), target.replace(/\\/g, '/')));
  if (path?.startsWith('../')) {
    warn(state, from, line, `include "${target}" is outside the scanned tree; not followed`);
    return undefined;
  }
  if (reason) warn(state, from, line, `include "${target}" ${reason}; not followed`);
  return path;
}

/** A warning about an included file names that file. */
function warn(state: State, path: string, line: number, text: string): void {
  const message = redactUrlCredentials(text);
  state.read.warnings.push(path === state.input.path ? { message, line } : { message, line, path });
}
