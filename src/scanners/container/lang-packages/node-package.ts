import { posix } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { npmPackageJson } from '../../sca/licenses/npm-package-json.js';
import { isPackageName, npmPackage } from '../../sca/lockfiles/npm-package.js';
import { decodeText, Problems } from '../os-packages/problems.js';
import { errorMessage } from './error-message.js';
import type { LangFile, LangPackage, LangResult } from './types.js';

/**
 * A package's own manifest: the folder right under a `node_modules` (scoped or not, at any
 * depth, pnpm's `.pnpm/<id>/node_modules/<name>` included). Deeper `package.json` files
 * (`dist/package.json` saying `"type": "module"`, test fixtures) are not packages, and the
 * application's own `package.json`, outside node_modules, is the project, not a dependency:
 * what it depends on is installed under its node_modules and read from there.
 */
const PACKAGE_ROOT = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;

export function isNodePackagePath(path: string): boolean {
  return PACKAGE_ROOT.test(path);
}

/** The package an installed `node_modules/<name>/package.json` describes. */
export function readNodePackage(file: LangFile): LangResult {
  const problems = new Problems(file.path);
  const pkg = nodePackage(file, problems);
  return { packages: pkg ? [pkg] : [], diagnostics: problems.diagnostics() };
}

function nodePackage(file: LangFile, problems: Problems): LangPackage | undefined {
  let installed: ReturnType<typeof npmPackageJson.read>;
  try {
    // The licence module's reader knows every form a package.json declares its licence in;
    // the purl it returns carries the name and version, so the JSON is parsed once.
    installed = npmPackageJson.read(decodeText(file.content));
  } catch (e) {
    return problems.add('warning', 'lang-package-invalid', `not a readable package.json: ${errorMessage(e)}`);
  }
  if (!installed) return problems.add('info', 'lang-package-invalid', 'no name and version; skipped');
  const purl = PackageURL.fromString(installed.purl);
  const name = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
  if (!isPackageName(name)) {
    return problems.add(
      'warning',
      'lang-package-invalid',
      `"${name.slice(0, 100)}" is not an npm package name`,
    );
  }
  const version = purl.version ?? '';
  const pkg = npmPackage({
    name,
    version,
    constraint: version,
    key: posix.dirname(file.path),
    path: file.path,
    licenses: installed.licenses,
  });
  return { ...pkg, evidence: 'package.json', confidence: 'high' };
}
