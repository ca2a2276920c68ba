import type { Ecosystem } from '../../core/package.js';

/**
 * The version order of one ecosystem, as its package manager defines it. Matching, the
 * container scanner and the server's re-matching all compare versions through these.
 */
export interface VersionOrdering {
  ecosystems: readonly Ecosystem[];
  /** False for strings that are not versions in this ecosystem (they are then never matched). */
  isValid(version: string): boolean;
  /** Negative, zero or positive, like Array.prototype.sort; throws only on invalid input. */
  compare(a: string, b: string): number;
}
