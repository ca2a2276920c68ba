import { PackageURL } from 'packageurl-js';
import { pythonMetadata } from '../../sca/licenses/python-metadata.js';
import type { LockfileWarning } from '../../sca/lockfiles/parser.js';
import { normalizePypiName, PYPI_NAME, pypiPackage } from '../../sca/lockfiles/pypi-package.js';
import { decodeText, Problems } from '../os-packages/problems.js';
import { errorMessage } from './error-message.js';
import type { LangFile, LangPackage, LangResult } from './types.js';

/**
 * Installed distributions: a wheel's `*.dist-info/METADATA`, setuptools' `*.egg-info/PKG-INFO`
 * or a lone `*.egg-info` file, directly in a `site-packages` (pip, venvs) or `dist-packages`
 * (Debian and Ubuntu's python3-* packages and their pip) folder.
 */
const INSTALLED =
  /(?:^|\/)(?:site|dist)-packages\/[^/]+\.(?:dist-info\/METADATA|egg-info\/PKG-INFO|egg-info)$/;

export function isPythonPackagePath(path: string): boolean {
  return INSTALLED.test(path);
}

/** The distribution one METADATA or PKG-INFO file describes. */
export function readPythonPackage(file: LangFile): LangResult {
  const problems = new Problems(file.path);
  const pkg = pythonPackage(file, problems);
  return { packages: pkg ? [pkg] : [], diagnostics: problems.diagnostics() };
}

/** The headers end at the first blank line; the long description after it can be megabytes. */
function headerBlock(text: string): string {
  const end = /\r?\n\r?\n/.exec(text);
  return end ? text.slice(0, end.index) : text;
}

function pythonPackage(file: LangFile, problems: Problems): LangPackage | undefined {
  let installed: ReturnType<typeof pythonMetadata.read>;
  try {
    // The licence module reads these headers (License-Expression, License, classifiers);
    // its purl carries Name and Version, so the headers are parsed once.
    installed = pythonMetadata.read(headerBlock(decodeText(file.content)));
  } catch (e) {
    return problems.add('warning', 'lang-package-invalid', `not readable metadata: ${errorMessage(e)}`);
  }
  if (!installed) return problems.add('warning', 'lang-package-invalid', 'no Name and Version; skipped');
  const purl = PackageURL.fromString(installed.purl);
  if (!PYPI_NAME.test(purl.name)) {
    return problems.add(
      'warning',
      'lang-package-invalid',
      `"${purl.name.slice(0, 100)}" is not a package name`,
    );
  }
  const warnings: LockfileWarning[] = [];
  const name = normalizePypiName(purl.name);
  const pkg = pypiPackage({ name, version: purl.version ?? '', path: file.path }, warnings);
  for (const w of warnings) problems.add('warning', 'lang-package-version', w.message);
  if (installed.licenses.length > 0) pkg.licenses = installed.licenses;
  const evidence = file.path.endsWith('/METADATA') ? 'dist-info' : 'egg-info';
  return { ...pkg, evidence, confidence: 'high' };
}

/**
 * One distribution per folder: an upgrade that left the old `.egg-info` beside the new
 * `.dist-info` (Debian ships `cryptography` both ways) is one installed package, not two;
 * the `.dist-info`, which pip writes today, is kept.
 */
export function onePerSitePackages(packages: LangPackage[]): LangPackage[] {
  const seen = new Set<string>();
  const distInfoFirst = [...packages].sort(
    (a, b) => Number(a.evidence !== 'dist-info') - Number(b.evidence !== 'dist-info'),
  );
  return distInfoFirst.filter((p) => {
    const site = p.source.path.slice(0, p.source.path.lastIndexOf('-packages/'));
    const key = `${site}\u0000${p.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
