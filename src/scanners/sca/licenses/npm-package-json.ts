import { PackageURL } from 'packageurl-js';
import { declaredLicenses, isRecord, type LicenseSource } from './source.js';

/** A package's own package.json directly inside node_modules (scoped or not, at any nesting depth). */
const INSTALLED = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;

/** `node_modules/<name>/package.json`: `license` (or the legacy `license: {type}` / `licenses: [...]`). */
export const npmPackageJson: LicenseSource = {
  name: 'npm package.json',
  matches: (path) => INSTALLED.test(path),
  read(text) {
    const json: unknown = JSON.parse(text);
    if (!isRecord(json)) throw new Error('package.json is not a JSON object');
    const { name, version } = json;
    if (typeof name !== 'string' || typeof version !== 'string' || !name || !version) return undefined;
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const purl = new PackageURL(
      'npm',
      slash > 0 ? name.slice(0, slash) : undefined,
      slash > 0 ? name.slice(slash + 1) : name,
      version,
      undefined,
      undefined,
    );
    return { purl: purl.toString(), licenses: declaredLicenses(licenseStrings(json)) };
  },
};

function licenseStrings(json: Record<string, unknown>): string[] {
  const values = [json.license, ...(Array.isArray(json.licenses) ? json.licenses : [])];
  return values.flatMap((v) => {
    if (typeof v === 'string') return [v];
    return isRecord(v) && typeof v.type === 'string' ? [v.type] : [];
  });
}
