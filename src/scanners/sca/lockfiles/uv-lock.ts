import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import {
  arrayTableLines,
  asArray,
  asRecord,
  asString,
  isRecord,
  parseTomlDocument,
} from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import {
  collectHashes,
  isPypiName,
  normalizePypiName,
  parseHash,
  pypiKey,
  pypiPackage,
} from './pypi-package.js';
import { type UvNode, walkFromProject } from './uv-lock-graph.js';

/** `uv.lock`: every package with its source; the project (and workspace members) appear as local sources. */
export const uvLockParser: LockfileParser = {
  name: 'uv-lock',
  ecosystem: 'PyPI',
  format: 'uv.lock (uv)',
  matches: (path) => posix.basename(path) === 'uv.lock',
  parse,
};

/** Sources that point into the tree rather than at a published release. */
const LOCAL_SOURCES = ['editable', 'virtual', 'path', 'directory'] as const;

function parse(input: LockfileInput): LockfileResult {
  const doc = parseTomlDocument(input.text);
  const warnings: LockfileWarning[] = [];
  const entries = asArray(doc.package);
  const lines = arrayTableLines(input.text, 'package', entries.length);
  const members = new Set(asArray(asRecord(doc.manifest).members).map((m) => normalizePypiName(String(m))));
  const nodes: UvNode[] = [];
  const keys = new Set<string>();
  entries.forEach((entry, index) => {
    const node = toNode(entry, lines[index], members, warnings);
    if (!node) return;
    // One release from two sources (an index and a git fork) is two packages.
    if (keys.has(node.key)) node.key = `${node.key}#${index + 1}`;
    keys.add(node.key);
    nodes.push(node);
  });
  const reach = walkFromProject(nodes, warnings);
  const packages = nodes
    .filter((node) => !node.project)
    .map((node) => toPackage(node, input.path, reach, warnings));
  return { packages, warnings };
}

function toNode(
  entry: unknown,
  line: number | undefined,
  members: Set<string>,
  warnings: LockfileWarning[],
): UvNode | undefined {
  const table = asRecord(entry);
  const name = asString(table.name);
  if (!name) {
    warnings.push({ message: 'a [[package]] entry has no name; skipped', line });
    return undefined;
  }
  if (!isPypiName(name, warnings, line)) return undefined;
  const version = asString(table.version) ?? '';
  const source = asRecord(table.source);
  const localKind = LOCAL_SOURCES.find((kind) => kind in source);
  const localPath = localKind ? (asString(source[localKind]) ?? '') : undefined;
  return {
    name,
    version,
    key: pypiKey(name, localKind ? '' : version),
    line,
    localPath,
    project: isProject(name, localKind, localPath, members),
    table,
  };
}

/**
 * The project itself is not one of its dependencies: workspace members when the lock lists
 * them, otherwise the editable or virtual package at the lock's own folder.
 */
function isProject(
  name: string,
  kind: string | undefined,
  path: string | undefined,
  members: Set<string>,
): boolean {
  if (kind !== 'editable' && kind !== 'virtual') return false;
  return members.size ? members.has(normalizePypiName(name)) : path === '.';
}

function toPackage(
  node: UvNode,
  path: string,
  reach: ReturnType<typeof walkFromProject>,
  warnings: LockfileWarning[],
): Package {
  const seen = reach.get(node);
  const pkg = pypiPackage(
    {
      name: node.name,
      version: node.localPath === undefined ? node.version : '',
      constraint: node.localPath,
      path,
      line: node.line,
      direct: seen?.direct,
      dev: seen?.dev,
      groups: seen ? [...seen.groups] : undefined,
      hashes: fileHashes(node.table),
      dependsOn: node.dependsOn?.filter((dep) => !dep.project).map((dep) => dep.key),
    },
    warnings,
  );
  pkg.key = node.key;
  return pkg;
}

function fileHashes(table: Record<string, unknown>): Package['hashes'] {
  const files = [table.sdist, ...asArray(table.wheels)].filter(isRecord);
  return collectHashes(files.map((file) => parseHash(asString(file.hash) ?? '')));
}
