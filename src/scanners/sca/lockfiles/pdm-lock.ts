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
import { linkByName, UniquePackages } from './pypi-graph.js';
import { collectHashes, isPypiName, normalizePypiName, parseHash, pypiPackage } from './pypi-package.js';
import {
  type ProjectDeclarations,
  readProjectDeclarations,
  requirementName,
} from './pyproject-declarations.js';

/** `pdm.lock`: `[[package]]` entries tagged with the groups that pull them in (`default` is the runtime one). */
export const pdmLockParser: LockfileParser = {
  name: 'pdm-lock',
  ecosystem: 'PyPI',
  format: 'pdm.lock (PDM)',
  matches: (path) => posix.basename(path) === 'pdm.lock',
  parse,
};

interface Context {
  path: string;
  declarations: ProjectDeclarations | undefined;
  warnings: LockfileWarning[];
}

function parse(input: LockfileInput): LockfileResult {
  const doc = parseTomlDocument(input.text);
  const warnings: LockfileWarning[] = [];
  const entries = asArray(doc.package);
  const lines = arrayTableLines(input.text, 'package', entries.length);
  const context: Context = {
    path: input.path,
    declarations: readProjectDeclarations(input, warnings),
    warnings,
  };
  const packages = new UniquePackages();
  const dependencyNames = new Map<Package, string[]>();
  entries.forEach((entry, index) => {
    const pkg = toPackage(asRecord(entry), lines[index], context);
    if (!pkg) return;
    const stored = packages.add(pkg);
    const names = asArray(asRecord(entry).dependencies).map(requirementName);
    const known = names.filter((name): name is string => !!name);
    dependencyNames.set(stored, [...(dependencyNames.get(stored) ?? []), ...known]);
  });
  const result = packages.packages();
  linkByName(result, dependencyNames, warnings);
  return { packages: result, warnings };
}

function toPackage(
  table: Record<string, unknown>,
  line: number | undefined,
  context: Context,
): Package | undefined {
  const name = asString(table.name);
  const version = asString(table.version);
  const localPath = asString(table.path);
  if (!name || (version === undefined && localPath === undefined)) {
    context.warnings.push({ message: 'a [[package]] entry has no name or version; skipped', line });
    return undefined;
  }
  if (!isPypiName(name, context.warnings, line)) return undefined;
  const groups = asArray(table.groups).filter((group): group is string => typeof group === 'string');
  return pypiPackage(
    {
      name,
      version: localPath === undefined ? (version ?? '') : '',
      constraint: localPath,
      path: context.path,
      line,
      direct: context.declarations?.direct.has(normalizePypiName(name)),
      dev: isDev(groups, context.declarations),
      groups,
      hashes: collectHashes(
        asArray(table.files).map((f) => (isRecord(f) ? parseHash(asString(f.hash) ?? '') : undefined)),
      ),
      markers: asString(table.marker),
    },
    context.warnings,
  );
}

/**
 * `default` is the runtime group. Whether another group holds extras (runtime) or development
 * tools depends on pyproject.toml, so without it a package outside `default` is unknown.
 */
function isDev(groups: string[], declarations: ProjectDeclarations | undefined): boolean | undefined {
  if (!groups.length) return undefined;
  if (groups.includes('default')) return false;
  return declarations ? groups.every((group) => declarations.devGroups.has(group)) : undefined;
}
