import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { LineIndex } from './line-index.js';
import { LockfileError, type LockfileParser, type LockfileResult, type LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';
import { attr, children, elementLine, isNode, parseXml, type XmlNode } from './safe-xml.js';

/**
 * Legacy NuGet `packages.config`. It lists every installed package, transitive ones included,
 * without saying which is which, so `direct` stays unknown. `version` is the exact installed
 * version (`allowedVersions` is only the range updates may pick from).
 */
export const nugetPackagesConfigParser: LockfileParser = {
  name: 'nuget-packages-config',
  ecosystem: 'NuGet',
  format: 'packages.config (NuGet)',
  matches: (path) => posix.basename(path).toLowerCase() === 'packages.config',
  parse(input): LockfileResult {
    const doc = parseXml(input.text, new Set(['package']));
    if (!('packages' in doc))
      throw new LockfileError('the root element is not <packages>: not a NuGet packages.config');
    const lines = new LineIndex(input.text);
    const warnings: LockfileWarning[] = [];
    const byKey = new Map<string, Package>();
    const root = isNode(doc.packages) ? doc.packages : undefined;
    for (const node of children(root, 'package')) {
      const line = elementLine(lines, node);
      const pkg = toPackage(node, input.path, line);
      if (pkg) byKey.set(pkg.key, mergeGroups(byKey.get(pkg.key), pkg));
      else warnings.push({ message: '<package> without an id and a version; skipped', line });
    }
    return { packages: [...byKey.values()], warnings };
  },
};

function toPackage(node: XmlNode, path: string, line: number | undefined): Package | undefined {
  const id = attr(node, 'id');
  const version = attr(node, 'version');
  if (!id || !version) return undefined;
  const pkg: Package = {
    ecosystem: 'NuGet',
    name: id,
    version,
    resolved: true,
    purl: purlFor('NuGet', id, version),
    dev: attr(node, 'developmentDependency')?.toLowerCase() === 'true',
    source: line === undefined ? { path } : { path, line },
    key: `${id.toLowerCase()}@${version.toLowerCase()}`,
  };
  const framework = attr(node, 'targetFramework');
  if (framework) pkg.groups = [framework];
  return pkg;
}

/** A package listed twice (once per framework in hand-merged files) is one package. */
function mergeGroups(existing: Package | undefined, pkg: Package): Package {
  if (!existing) return pkg;
  const groups = [...new Set([...(existing.groups ?? []), ...(pkg.groups ?? [])])].sort();
  if (groups.length) existing.groups = groups;
  existing.dev = existing.dev === true && pkg.dev === true;
  return existing;
}
