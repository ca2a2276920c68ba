import type { IacRule } from '../../rule.js';
import { composeCapAddDangerous } from './cap-add-dangerous.js';
import { composeDockerSocket } from './docker-socket.js';
import { composeExposedAdminPort } from './exposed-admin-port.js';
import { composeHostNamespace } from './host-namespace.js';
import { composeMemoryLimitMissing } from './memory-limit-missing.js';
import { composeNoNewPrivileges } from './no-new-privileges.js';
import { composePrivileged } from './privileged.js';
import { composeReadOnlyMissing } from './read-only-missing.js';
import { composeSecretEnv } from './secret-env.js';
import { composeSecurityOptUnconfined } from './security-opt-unconfined.js';
import { composeSensitiveHostMount } from './sensitive-host-mount.js';
import { composeUserRoot } from './user-root.js';

/** Rules on Docker Compose services. */
export const COMPOSE_RULES: readonly IacRule[] = [
  composePrivileged,
  composeDockerSocket,
  composeHostNamespace,
  composeCapAddDangerous,
  composeSecurityOptUnconfined,
  composeSecretEnv,
  composeSensitiveHostMount,
  composeExposedAdminPort,
  composeUserRoot,
  composeNoNewPrivileges,
  composeReadOnlyMissing,
  composeMemoryLimitMissing,
];
