import type { FsEntry } from '../image/index.js';
import { Problems } from '../os-packages/problems.js';
import { isElf, parseElf } from './elf.js';
import { errorMessage } from './error-message.js';
import { readGoBuildInfo } from './go-buildinfo.js';
import { goPackages, parseGoModInfo } from './go-modinfo.js';
import { readRustAudit } from './rust-auditable.js';
import type { LangFile, LangPackage, LangResult } from './types.js';

/** Go binaries reach ~200 MB (kubelet, terraform providers); past this a file is not read. */
export const MAX_BINARY_BYTES = 256 << 20;
/** Smaller than the ELF header and the build info header together: cannot hold either. */
const MIN_BINARY_BYTES = 84;
const BIN_DIR = /(?:^|\/)s?bin\//;
/**
 * Shared libraries are rarely Go or auditable Rust programs, and an image has hundreds of
 * megabytes of them (often with the exec bit): their bytes are not worth holding.
 */
const NOT_PROGRAMS = /\.(?:so(?:\.[\d.]+)?|a|o|ko|py|pyc|sh|pl|rb|js|txt|md|json|h)$/i;

/**
 * Which files may be Go or Rust programs, from what the image's metadata says (the bytes are
 * checked for ELF later): regular files with an exec bit or under a `bin/` folder, within the sizes.
 */
export function isBinaryCandidate(path: string, entry: Pick<FsEntry, 'mode' | 'size'>): boolean {
  if (entry.size < MIN_BINARY_BYTES || entry.size > MAX_BINARY_BYTES) return false;
  return ((entry.mode & 0o111) !== 0 || BIN_DIR.test(path)) && !NOT_PROGRAMS.test(path);
}

/**
 * The packages a Go or `cargo auditable` Rust binary records. Files that are not ELF (scripts
 * with an exec bit) and ELF binaries that record nothing give nothing, quietly.
 */
export function readBinary(file: LangFile): LangResult {
  if (!isElf(file.content)) return { packages: [], diagnostics: [] };
  const problems = new Problems(file.path);
  let packages: LangPackage[] = [];
  try {
    packages = binaryPackages(file, problems);
  } catch (e) {
    problems.add('error', 'binary-corrupt', `unreadable: ${errorMessage(e)}`);
  }
  return { packages, diagnostics: problems.diagnostics() };
}

function binaryPackages(file: LangFile, problems: Problems): LangPackage[] {
  const elf = parseElf(file.content);
  if (typeof elf === 'string') return problems.add('warning', 'binary-corrupt', elf) ?? [];
  const rust = readRustAudit(elf, file.content, file.path, problems);
  if (rust) return rust;
  const go = readGoBuildInfo(elf, file.content);
  if (go === undefined) return [];
  if (typeof go === 'string')
    return problems.add('warning', 'binary-corrupt', `Go build information: ${go}`) ?? [];
  return goPackages(go.goVersion, parseGoModInfo(go.modInfo, problems), file.path);
}
