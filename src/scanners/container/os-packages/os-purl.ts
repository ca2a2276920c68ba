import { PackageURL } from 'packageurl-js';
import { purlFor, purlType } from '../../sca/lockfiles/purl.js';
import type { PackageContext } from './types.js';

/**
 * The purl of an OS package, or undefined when none can be built (an empty name). A
 * distribution with an OSV ecosystem gets the same purl the SBOM and lockfile code build; one
 * without gets its own namespace. rpm readers pass the epoch as a qualifier, not in `version`.
 */
export function osPurl(
  context: PackageContext,
  name: string,
  version: string,
  qualifiers: Record<string, string | undefined>,
): string | undefined {
  const q: Record<string, string> = {};
  for (const [key, value] of Object.entries(qualifiers)) if (value) q[key] = value;
  if (context.purlDistro) q.distro = context.purlDistro;
  try {
    if (context.purlNamespace === undefined) return purlFor(context.ecosystem, name, version, q);
    const type = purlType(context.ecosystem);
    return new PackageURL(type, context.purlNamespace, name, version, q).toString();
  } catch {
    return undefined;
  }
}
