export { CDX_PROPERTY, type CycloneDxBom, toCycloneDx } from './cyclonedx-write.js';
export { MAX_SBOM_BYTES, SbomError, type SbomWarning } from './errors.js';
export type { SbomMeta } from './meta.js';
export { type PurlPackage, packageFromPurl } from './purl-package.js';
export { type ReadSbomOptions, readSbom, type SbomReadResult } from './read.js';
export { type SpdxDocument, type SpdxMeta, toSpdx } from './spdx-write.js';
