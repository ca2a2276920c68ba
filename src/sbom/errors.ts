/** An SBOM that cannot be read; the message names the file and the problem. */
export class SbomError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'SbomError';
  }
}

/**
 * SBOMs larger than this are refused. Container images with tens of thousands of packages
 * stay far below; parsing a larger document would need several times its size in memory.
 */
export const MAX_SBOM_BYTES = 256 * 1024 * 1024;

/** Nested CycloneDX components deeper than this are refused (real BOMs nest a few levels). */
export const MAX_COMPONENT_NESTING = 32;

export interface SbomWarning {
  message: string;
}
