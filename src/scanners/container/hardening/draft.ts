import type { FindingDraft } from '../../../core/finding.js';
import type { HardeningResult } from './types.js';

/**
 * The finding a result becomes. The path is the location inside the image (or the config field);
 * the layer and its history step go to properties and the snippet, so a developer finds the
 * Dockerfile line. The fingerprint reads the result's key, never the layer index.
 */
export function hardeningDraft(r: HardeningResult): FindingDraft {
  return {
    ruleId: r.ruleId,
    message: r.message,
    location: { path: r.location, ...(r.createdBy === undefined ? {} : { snippet: r.createdBy }) },
    fingerprintContent: r.key,
    ...(r.severity ? { severity: r.severity } : {}),
    ...(r.secret ? { secret: r.secret } : {}),
    properties: {
      ...r.properties,
      ...(r.layer === undefined ? {} : { layer: r.layer }),
      ...(r.createdBy === undefined ? {} : { createdBy: r.createdBy }),
    },
  };
}
