import type { Detector } from '../detector.js';
import { aiDetectors } from './ai.js';
import { atlassianDetectors } from './atlassian.js';
import { awsDetectors } from './aws.js';
import { azureDetectors } from './azure.js';
import { ciDetectors } from './ci.js';
import { cloudProvidersDetectors } from './cloud-providers.js';
import { configFilesDetectors } from './config-files.js';
import { databasesDetectors } from './databases.js';
import { gcpDetectors } from './gcp.js';
import { genericDetectors } from './generic.js';
import { githubDetectors } from './github.js';
import { gitlabDetectors } from './gitlab.js';
import { hashicorpDetectors } from './hashicorp.js';
import { identityDetectors } from './identity.js';
import { jwtDetectors } from './jwt.js';
import { messagingDetectors } from './messaging.js';
import { observabilityDetectors } from './observability.js';
import { paymentsDetectors } from './payments.js';
import { privateKeysDetectors } from './private-keys.js';
import { productivityDetectors } from './productivity.js';
import { registriesDetectors } from './registries.js';
import { secretManagersDetectors } from './secret-managers.js';

/** Every built-in detector, one family per file. Adding a provider is adding it to its family file. */
export const DETECTORS: readonly Detector[] = [
  ...awsDetectors,
  ...gcpDetectors,
  ...azureDetectors,
  ...cloudProvidersDetectors,
  ...hashicorpDetectors,
  ...secretManagersDetectors,
  ...databasesDetectors,
  ...privateKeysDetectors,
  ...jwtDetectors,
  ...githubDetectors,
  ...gitlabDetectors,
  ...atlassianDetectors,
  ...ciDetectors,
  ...registriesDetectors,
  ...configFilesDetectors,
  ...observabilityDetectors,
  ...identityDetectors,
  ...paymentsDetectors,
  ...messagingDetectors,
  ...productivityDetectors,
  ...aiDetectors,
  ...genericDetectors,
];
