import type { Rule } from '../../../core/rule.js';
import { baseImageLatest } from './base-image-latest.js';
import { healthcheckMissing } from './healthcheck-missing.js';
import { imageTagLatest } from './image-tag-latest.js';
import { packageCache } from './package-cache.js';
import { packageManager } from './package-manager.js';
import { privilegedPort } from './privileged-port.js';
import { runsAsRoot } from './runs-as-root.js';
import { secretInEnv } from './secret-in-env.js';
import { secretInHistory } from './secret-in-history.js';
import { setuidBinary } from './setuid-binary.js';
import { sshPortExposed } from './ssh-port-exposed.js';
import { sshServer } from './ssh-server.js';
import { sudoInstalled } from './sudo-installed.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';
import { worldWritable } from './world-writable.js';

/**
 * Image hardening: checks of a built image's config, history and filesystem (CIS Docker
 * Benchmark section 4 and the image-side parts of section 5). Each check is a pure function of a
 * `HardeningInput`; the files it reads are collected by the image reader's one pass
 * (`wantsHardeningFile`).
 */
export { hardeningDraft } from './draft.js';
export { hardeningInput } from './input.js';
export type * from './types.js';

export const HARDENING_CHECKS: readonly HardeningCheck[] = [
  runsAsRoot,
  secretInEnv,
  secretInHistory,
  setuidBinary,
  worldWritable,
  sshServer,
  sshPortExposed,
  sudoInstalled,
  baseImageLatest,
  imageTagLatest,
  privilegedPort,
  packageManager,
  healthcheckMissing,
  packageCache,
];

export const HARDENING_RULES: readonly Rule[] = HARDENING_CHECKS.map((c) => c.rule);

/** Whether the image reader should keep this file's bytes (root-relative path) for a check. */
export function wantsHardeningFile(path: string): boolean {
  return HARDENING_CHECKS.some((c) => c.wants?.(path) ?? false);
}

export function runHardeningChecks(input: HardeningInput): HardeningResult[] {
  return HARDENING_CHECKS.flatMap((c) => c.check(input));
}
