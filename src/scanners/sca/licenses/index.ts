export { LICENSE_SOURCES, type LicensesFromDiskOptions, licensesFromDisk, type ReadFile } from './disk.js';
export {
  evaluateLicense,
  type LicensePolicy,
  type LicenseVerdict,
  licensePolicyProblems,
} from './evaluate.js';
export type { ListDir } from './installed.js';
export { MAX_INSTALLED_READS, type PackageLicensesOptions, packageLicenses } from './lookup.js';
export { type NormalizedLicense, normalizeLicense } from './normalize.js';
export { LICENSE_DENIED_RULE, LICENSE_RULE_EXAMPLES, LICENSE_RULES, LICENSE_UNKNOWN_RULE } from './rules.js';
export { type InstalledLicenses, type LicenseSource, purlWithoutQualifiers } from './source.js';
