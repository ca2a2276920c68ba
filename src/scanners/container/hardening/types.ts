import type { PropertyValue, SecretInfo } from '../../../core/finding.js';
import type { Rule } from '../../../core/rule.js';
import type { Severity } from '../../../core/severity.js';
import type { CollectedFile, ImageConfig, LayeredFs } from '../image/index.js';
import type { DetectedOs, OsPackage } from '../os-packages/index.js';

/** Everything a hardening check may look at: read once per image, shared by every check. */
export interface HardeningInput {
  /** Absent for a root filesystem (`docker export`): checks of config fields then say nothing. */
  config?: ImageConfig;
  /** The names the image was saved under (`app:1.4`, `latest`): all an image knows of its own tags. */
  names: readonly string[];
  /** The `created_by` of the history step that made each layer, by layer index. */
  layerCommands: readonly (string | undefined)[];
  fs: LayeredFs;
  /** Contents of the files the checks asked for (`wants`), by root-relative path. */
  files: ReadonlyMap<string, CollectedFile>;
  os: DetectedOs;
  packages: readonly OsPackage[];
}

/** One problem found in one image. */
export interface HardeningResult {
  ruleId: string;
  /** What is wrong, in the image's terms; secret values are always redacted. */
  message: string;
  /** A root-relative path in the image (`usr/bin/su`) or a config field (`config:User`). */
  location: string;
  /** The layer that last wrote the path; absent for config fields. */
  layer?: number;
  /** The history step behind it (secrets redacted): what to look for in the Dockerfile. */
  createdBy?: string;
  /**
   * What makes it the same problem in the next build, for the fingerprint: never the layer
   * index, which moves as soon as a Dockerfile line is added above.
   */
  key: string;
  /** Overrides the rule's severity (a provider secret carries its detector's). */
  severity?: Severity;
  secret?: SecretInfo;
  properties?: Record<string, PropertyValue>;
}

export interface HardeningCheck {
  rule: Rule;
  /** Image files whose bytes the check reads, so the reader collects them in its one pass. */
  wants?: (path: string) => boolean;
  check(input: HardeningInput): HardeningResult[];
}
