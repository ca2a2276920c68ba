import type { FileProbe } from '../types.js';
import { actuatorExposed } from './actuator-exposed.js';
import { adminConsoleExposed } from './admin-console-exposed.js';
import { backupFileExposed } from './backup-file-exposed.js';
import { debugEndpointExposed } from './debug-endpoint-exposed.js';
import { envFileExposed } from './env-file-exposed.js';
import { gitExposed } from './git-exposed.js';

/** Every probe; each requests its well-known paths under the origin (or a crawled folder) it is given. */
export const FILE_PROBES: FileProbe[] = [
  gitExposed,
  envFileExposed,
  backupFileExposed,
  adminConsoleExposed,
  actuatorExposed,
  debugEndpointExposed,
];

export { learnNotFound, probeUrl } from './not-found.js';
