import type { Ecosystem } from '../../../core/package.js';
import type { DetectedOs, PackageContext, PackageFormat } from './types.js';

/**
 * What Gatehouse knows of each distribution: its package format, its OSV ecosystem, and how
 * an os-release VERSION_ID becomes the release OSV advisories are scoped to
 * (https://ossf.github.io/osv-schema/#affectedpackage-field: `Debian:12`, `Ubuntu:22.04:LTS`,
 * `Alpine:v3.19`, `Rocky Linux:9`, `AlmaLinux:9`, `Red Hat:enterprise_linux:9::appstream`).
 */
interface Distribution {
  family: PackageFormat;
  ecosystem: Ecosystem;
  /** The release from VERSION_ID, or a note saying why there is none. */
  release(versionId: string | undefined): { release: string } | { note: string };
}

/** `9.3` → `9`: RHEL-like advisories are per major release, minor updates share them. */
function major(versionId: string | undefined): { release: string } | { note: string } {
  const m = /^(\d+)/.exec(versionId ?? '');
  return m ? { release: m[1]! } : { note: `no numeric VERSION_ID ("${versionId ?? ''}")` };
}

function debianRelease(versionId: string | undefined): { release: string } | { note: string } {
  if (versionId === undefined) {
    // Testing and unstable ship no VERSION_ID; Debian's advisories are per numbered stable release.
    return { note: 'Debian testing or unstable (no VERSION_ID): advisories are per stable release' };
  }
  return major(versionId);
}

function ubuntuRelease(versionId: string | undefined): { release: string } | { note: string } {
  return /^\d+\.\d+$/.test(versionId ?? '') ? { release: versionId! } : { note: 'no YY.MM VERSION_ID' };
}

/** `3.19.1` → `v3.19`: Alpine advisories are per release branch, written with the `v`. */
function alpineRelease(versionId: string | undefined): { release: string } | { note: string } {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(versionId ?? '');
  if (m) return { release: `v${m[1]}.${m[2]}` };
  // edge says `3.21.0_alpha20240807`: a development snapshot, not a release branch.
  return { note: `Alpine edge or a development snapshot (VERSION_ID "${versionId ?? ''}")` };
}

/**
 * Amazon Linux 2 says `2`; 2023 says `2023` (its system-release `2023.3.20240219`); Amazon
 * Linux 1 names its image date (`2018.03`, from 2011.09 on) and its advisories say `1`.
 */
function amazonRelease(versionId: string | undefined): { release: string } | { note: string } {
  const first = Number(/^(\d+)(?:\.\d+)*$/.exec(versionId ?? '')?.[1] ?? Number.NaN);
  if (first === 2) return { release: '2' };
  if (first >= 2022) return { release: String(first) };
  if (first >= 2011) return { release: '1' };
  return { note: `unknown Amazon Linux VERSION_ID "${versionId ?? ''}"` };
}

const DISTRIBUTIONS: Record<string, Distribution> = {
  debian: { family: 'deb', ecosystem: 'Debian', release: debianRelease },
  ubuntu: { family: 'deb', ecosystem: 'Ubuntu', release: ubuntuRelease },
  alpine: { family: 'apk', ecosystem: 'Alpine', release: alpineRelease },
  rhel: { family: 'rpm', ecosystem: 'Red Hat', release: major },
  rocky: { family: 'rpm', ecosystem: 'Rocky Linux', release: major },
  almalinux: { family: 'rpm', ecosystem: 'AlmaLinux', release: major },
  amzn: { family: 'rpm', ecosystem: 'Amazon Linux', release: amazonRelease },
};

/**
 * The package format an os-release ID gives away, for distributions without an OSV ecosystem:
 * their own ID (fedora, wolfi) or, for derivatives, a parent named in ID_LIKE (`rhel fedora`).
 */
const FAMILY_BY_ID: Record<string, PackageFormat> = {
  debian: 'deb',
  ubuntu: 'deb',
  alpine: 'apk',
  wolfi: 'apk',
  rhel: 'rpm',
  fedora: 'rpm',
  centos: 'rpm',
  ol: 'rpm',
  suse: 'rpm',
  opensuse: 'rpm',
  mariner: 'rpm',
  azurelinux: 'rpm',
  photon: 'rpm',
};

export interface DistributionFacts {
  family?: PackageFormat;
  ecosystem?: Ecosystem;
  release?: string;
  releaseNote?: string;
}

/** The facts for an os-release ID, ID_LIKE and VERSION_ID. */
export function distributionFacts(id: string, idLike: string[], versionId?: string): DistributionFacts {
  const known = DISTRIBUTIONS[id];
  if (!known) {
    const family = [id, ...idLike].map((x) => FAMILY_BY_ID[x]).find((f) => f !== undefined);
    return family ? { family } : {};
  }
  const release = known.release(versionId);
  return {
    family: known.family,
    ecosystem: known.ecosystem,
    ...('release' in release ? { release: release.release } : { releaseNote: release.note }),
  };
}

/** The purl `distro` qualifier: `debian-12`, `rhel-9.3`; apk purls carry the bare version (`3.19.1`). */
export function purlDistro(
  id: string,
  family: PackageFormat | undefined,
  versionId?: string,
  codename?: string,
) {
  if (family === 'apk') return versionId;
  const version = versionId ?? codename;
  return version === undefined ? undefined : `${id}-${version}`;
}

/** The ecosystem each format's packages get when the OS does not give one: the family's reference. */
const FORMAT_ECOSYSTEM: Record<PackageFormat, Ecosystem> = { deb: 'Debian', apk: 'Alpine', rpm: 'Red Hat' };

/**
 * How a reader of `format` names its packages in this OS. A distribution with an ecosystem of
 * that format uses it; any other gets the format's reference ecosystem, and (when the OS is
 * known to use the format) its own ID as purl namespace, so `pkg:rpm/fedora/…` says what it is.
 */
export function packageContext(os: DetectedOs, format: PackageFormat): PackageContext {
  if (!os.known) return { ecosystem: FORMAT_ECOSYSTEM[format] };
  const distro = os.purlDistro === undefined ? {} : { purlDistro: os.purlDistro };
  if (os.ecosystem && os.family === format) return { ecosystem: os.ecosystem, ...distro };
  if (os.family !== format) return { ecosystem: FORMAT_ECOSYSTEM[format] };
  return { ecosystem: FORMAT_ECOSYSTEM[format], purlNamespace: os.id, ...distro };
}
