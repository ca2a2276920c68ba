import type { IacRule } from '../../rule.js';
import { BINDING_RULES } from './bindings.js';
import { CAPABILITY_RULES } from './capabilities.js';
import { IMAGE_RULES } from './images.js';
import { NAMESPACE_RULES } from './namespaces.js';
import { NETWORK_RULES } from './network.js';
import { PSS_CONFINEMENT_RULES } from './pss-confinement.js';
import { PSS_HOST_RULES } from './pss-host.js';
import { PSS_RESTRICTED_RULES } from './pss-restricted.js';
import { RBAC_RULES } from './rbac.js';
import { RESOURCE_RULES } from './resources.js';
import { SECRET_RULES } from './secrets.js';
import { SERVICE_ACCOUNT_RULES } from './service-accounts.js';
import { WORKLOAD_PRACTICE_RULES } from './workload-practice.js';

/** The Kubernetes pack: Pod Security Standards, CIS Kubernetes section 5, common practice. */
export const KUBERNETES_RULES: readonly IacRule[] = [
  ...PSS_HOST_RULES,
  ...PSS_CONFINEMENT_RULES,
  ...CAPABILITY_RULES,
  ...PSS_RESTRICTED_RULES,
  ...WORKLOAD_PRACTICE_RULES,
  ...RESOURCE_RULES,
  ...IMAGE_RULES,
  ...SERVICE_ACCOUNT_RULES,
  ...SECRET_RULES,
  ...NAMESPACE_RULES,
  ...RBAC_RULES,
  ...BINDING_RULES,
  ...NETWORK_RULES,
];
