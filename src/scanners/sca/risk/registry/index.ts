import type { Ecosystem } from '../../../../core/package.js';
import { cratesRegistry } from './crates.js';
import type { RegistryClient } from './facts.js';
import { npmRegistry } from './npm.js';
import { pypiRegistry } from './pypi.js';

export { DiskCache } from './cache.js';
export { DEFAULT_CRATES_REGISTRY } from './crates.js';
export {
  type Fetch,
  isRegistryFacts,
  type LookupRequest,
  type RegistryClient,
  type RegistryFacts,
} from './facts.js';
export { getJson, type HttpLimits, RegistryError } from './http.js';
export { limiter } from './limit.js';
export { DEFAULT_NPM_REGISTRY } from './npm.js';
export { DEFAULT_PYPI_REGISTRY } from './pypi.js';

/** Base URLs of the registries to ask, for mirrors and private proxies; each defaults to the public one. */
export interface RegistryUrls {
  npm?: string;
  pypi?: string;
  crates?: string;
}

/** Every registry Gatehouse can ask, by ecosystem. */
export function registryClients(urls: RegistryUrls = {}): Map<Ecosystem, RegistryClient> {
  const clients = [npmRegistry(urls.npm), pypiRegistry(urls.pypi), cratesRegistry(urls.crates)];
  return new Map(clients.map((c) => [c.ecosystem, c]));
}
