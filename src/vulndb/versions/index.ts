import type { Ecosystem } from '../../core/package.js';
import { apkOrdering } from './apk.js';
import { dpkgOrdering } from './dpkg.js';
import { goOrdering } from './go.js';
import { mavenOrdering } from './maven.js';
import { nugetOrdering } from './nuget.js';
import type { VersionOrdering } from './ordering.js';
import { packagistOrdering } from './packagist.js';
import { pypiOrdering } from './pypi.js';
import { rpmOrdering } from './rpm.js';
import { rubygemsOrdering } from './rubygems.js';
import { semverOrdering } from './semver.js';

export type { VersionOrdering } from './ordering.js';

/** Every version ordering Gatehouse knows; each names the OSV ecosystems it serves. */
export const ORDERINGS: readonly VersionOrdering[] = [
  semverOrdering,
  pypiOrdering,
  mavenOrdering,
  goOrdering,
  rubygemsOrdering,
  nugetOrdering,
  packagistOrdering,
  dpkgOrdering,
  apkOrdering,
  rpmOrdering,
];

const BY_ECOSYSTEM = new Map<string, VersionOrdering>(
  ORDERINGS.flatMap((ordering) =>
    ordering.ecosystems.map((e): [Ecosystem, VersionOrdering] => [e, ordering]),
  ),
);

/**
 * The ordering for an OSV ecosystem name, with or without its release suffix (`Debian:12`
 * and `Debian` give the same); undefined for ecosystems Gatehouse cannot order.
 */
export function orderingFor(ecosystem: string): VersionOrdering | undefined {
  return BY_ECOSYSTEM.get(ecosystem.split(':', 1)[0]!);
}
