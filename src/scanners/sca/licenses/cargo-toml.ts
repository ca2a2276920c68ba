import { PackageURL } from 'packageurl-js';
import { parse } from 'smol-toml';
import { declaredLicenses, isRecord, type LicenseSource } from './source.js';

/**
 * Crate manifests (`vendor/<crate>/Cargo.toml` after `cargo vendor`). `license` is an SPDX
 * expression (older crates write `MIT/Apache-2.0`); `license-file` alone means custom terms.
 * Values inherited from a workspace (`license.workspace = true`) are not resolved.
 */
export const cargoToml: LicenseSource = {
  name: 'Cargo.toml',
  matches: (path) => path === 'Cargo.toml' || path.endsWith('/Cargo.toml'),
  read(text) {
    const pkg = parse(text).package;
    if (!isRecord(pkg)) return undefined;
    const { name, version } = pkg;
    if (typeof name !== 'string' || typeof version !== 'string') return undefined;
    const purl = new PackageURL('cargo', undefined, name, version, undefined, undefined);
    return { purl: purl.toString(), licenses: declaredLicenses(crateLicenses(pkg)) };
  },
};

function crateLicenses(pkg: Record<string, unknown>): string[] {
  if (typeof pkg.license === 'string') return [pkg.license];
  const file = pkg['license-file'];
  return typeof file === 'string' ? [`SEE LICENSE IN ${file}`] : [];
}
