import { toolVersion } from '../../../../core/version.js';
import { isoDate, isRecord, type RegistryClient, type RegistryFacts, trimSlash } from './facts.js';
import { RegistryError } from './http.js';

/** A crate's document is `<base>/<name>`. */
export const DEFAULT_CRATES_REGISTRY = 'https://crates.io/api/v1/crates';

/** crates.io refuses API clients that do not say who they are in the User-Agent. */
export function userAgent(): string {
  return `gatehouse/${toolVersion()} (package risk checks)`;
}

export function cratesRegistry(base = DEFAULT_CRATES_REGISTRY): RegistryClient {
  const root = trimSlash(base);
  return {
    ecosystem: 'crates.io',
    base: root,
    async lookup(request, fetch) {
      const url = `${root}/${encodeURIComponent(request.name)}`;
      const answer = await fetch(url, { accept: 'application/json', 'user-agent': userAgent() });
      if (answer.status !== 200) return { exists: false };
      return fromCrate(url, answer.body, request.version);
    },
  };
}

function fromCrate(url: string, doc: unknown, version: string): RegistryFacts {
  if (!isRecord(doc) || !isRecord(doc.crate))
    throw new RegistryError(`${url} answered a document that is not a crate`);
  const versions = Array.isArray(doc.versions) ? doc.versions.filter(isRecord) : [];
  const entry = versions.find((v) => v.num === version);
  return {
    exists: true,
    created: isoDate(doc.crate.created_at),
    modified: isoDate(doc.crate.updated_at),
    versionPublished: entry ? isoDate(entry.created_at) : undefined,
  };
}
