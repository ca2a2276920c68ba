const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Bounds on what an import reads: advisory data is small and regular, so anything past these
 * is a broken or hostile input, refused before it can exhaust memory or disk.
 */
export interface ImportLimits {
  /** One advisory file or zip entry, uncompressed. */
  maxFileBytes: number;
  /** Entries in one zip (osv.dev's largest dump, npm, has a few hundred thousand). */
  maxZipEntries: number;
  /** Everything one zip expands to. */
  maxZipBytes: number;
  /** Uncompressed over compressed size of an entry; JSON rarely passes 20. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * MiB,
  maxZipEntries: 2_000_000,
  maxZipBytes: 4 * GiB,
  maxCompressionRatio: 200,
};

/** Entries smaller than this are too small for their ratio to matter. */
export const RATIO_FLOOR_BYTES = MiB;
