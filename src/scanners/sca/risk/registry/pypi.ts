import { earliest, isoDate, isRecord, type RegistryClient, type RegistryFacts, trimSlash } from './facts.js';
import { RegistryError } from './http.js';

/** The JSON API root: a project's document is `<base>/<name>/json`. */
export const DEFAULT_PYPI_REGISTRY = 'https://pypi.org/pypi';

export function pypiRegistry(base = DEFAULT_PYPI_REGISTRY): RegistryClient {
  const root = trimSlash(base);
  return {
    ecosystem: 'PyPI',
    base: root,
    async lookup(request, fetch) {
      const url = `${root}/${encodeURIComponent(request.name)}/json`;
      const answer = await fetch(url, { accept: 'application/json' });
      if (answer.status !== 200) return { exists: false };
      return fromProject(url, answer.body, request.version);
    },
  };
}

/** A release's publication is its first file's upload; the project's, its first release's. */
function fromProject(url: string, doc: unknown, version: string): RegistryFacts {
  if (!isRecord(doc) || !isRecord(doc.info))
    throw new RegistryError(`${url} answered a document that is not a PyPI project`);
  const releases = isRecord(doc.releases) ? doc.releases : {};
  const published = (files: unknown) =>
    earliest(
      (Array.isArray(files) ? files : []).map((f) =>
        isRecord(f) ? isoDate(f.upload_time_iso_8601 ?? f.upload_time) : undefined,
      ),
    );
  return {
    exists: true,
    created: earliest(Object.values(releases).map(published)),
    versionPublished: published(releases[version]),
  };
}
