import type { Detector } from './detector.js';
import { DETECTORS } from './detectors/index.js';
import type { SecretsOptions } from './options.js';

/** The detectors a scan runs, after the config's `disable` and `generic` switches. */
export function selectDetectors(opts: Pick<SecretsOptions, 'disable' | 'generic'>): Detector[] {
  const off = new Set(opts.disable.map((id) => id.replace(/^secrets\//, '')));
  return DETECTORS.filter((d) => !off.has(d.id) && (opts.generic || !d.generic));
}
