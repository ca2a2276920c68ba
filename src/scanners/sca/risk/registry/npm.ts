import {
  earliest,
  isoDate,
  isRecord,
  type LookupRequest,
  type RegistryClient,
  type RegistryFacts,
  trimSlash,
} from './facts.js';
import { RegistryError } from './http.js';

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';

/** The abbreviated document: versions with `hasInstallScript`, and `modified`, but no publish times. */
const ABBREVIATED = { accept: 'application/vnd.npm.install-v1+json' };
const FULL = { accept: 'application/json' };
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
const PLACEHOLDER = /^0\.0\.\d+-security(\.\d+)?$/;

/** npm addresses a scoped package as `@scope%2fname`. */
function packageUrl(base: string, name: string): string {
  const scoped = /^@([^/]+)\/(.+)$/.exec(name);
  const path = scoped
    ? `@${encodeURIComponent(scoped[1]!)}%2f${encodeURIComponent(scoped[2]!)}`
    : encodeURIComponent(name);
  return `${base}/${path}`;
}

export function npmRegistry(base = DEFAULT_NPM_REGISTRY): RegistryClient {
  const root = trimSlash(base);
  return {
    ecosystem: 'npm',
    base: root,
    async lookup(request, fetch) {
      const url = packageUrl(root, request.name);
      const short = await fetch(url, ABBREVIATED);
      if (short.status !== 200) return { exists: false };
      const facts = fromAbbreviated(url, short.body, request.version);
      if (!facts.exists || !needsFullDocument(facts, request)) return facts;
      return { ...facts, ...fromFull(url, (await fetch(url, FULL)).body, request.version) };
    },
  };
}

function fromAbbreviated(url: string, doc: unknown, version: string): RegistryFacts {
  if (!isRecord(doc)) throw new RegistryError(`${url} answered a document that is not an npm package`);
  const versions = isRecord(doc.versions) ? doc.versions : {};
  const latest = isRecord(doc['dist-tags']) ? doc['dist-tags'].latest : undefined;
  if (Object.keys(versions).length === 0) return { exists: false, unpublished: true };
  const entry = versions[version];
  return {
    exists: true,
    modified: isoDate(doc.modified),
    hasInstallScript: isRecord(entry) && entry.hasInstallScript === true,
    ...(typeof latest === 'string' && PLACEHOLDER.test(latest) ? { securityPlaceholder: true } : {}),
  };
}

/** The full document is only worth its size when something may be recent, or scripts are to be named. */
function needsFullDocument(facts: RegistryFacts, request: LookupRequest): boolean {
  const recent = facts.modified === undefined || Date.parse(facts.modified) >= request.recentSince.getTime();
  return recent || (request.wantInstallScripts && facts.hasInstallScript === true);
}

function fromFull(url: string, doc: unknown, version: string): Partial<RegistryFacts> {
  if (!isRecord(doc)) throw new RegistryError(`${url} answered a document that is not an npm package`);
  const time = isRecord(doc.time) ? doc.time : {};
  const entry = isRecord(doc.versions) ? doc.versions[version] : undefined;
  const scripts = isRecord(entry) && isRecord(entry.scripts) ? entry.scripts : {};
  return {
    created: isoDate(time.created) ?? earliest(Object.values(time).map(isoDate)),
    versionPublished: isoDate(time[version]),
    installScripts: INSTALL_SCRIPTS.filter((s) => typeof scripts[s] === 'string'),
  };
}
