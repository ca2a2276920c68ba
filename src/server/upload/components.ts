import { PackageURL } from 'packageurl-js';
import { packageFromPurl } from '../../sbom/purl-package.js';
import { declaredLicense } from '../../sbom/read-common.js';
import type { UploadedComponent } from '../../store/upload.js';
import { clip, MAX_TEXT } from './limits.js';

/** Components without a purl: nothing says which package registry they come from. */
export const UNKNOWN_ECOSYSTEM = 'unknown';

export interface ComponentFields {
  name: string;
  version?: string | undefined;
  /** CycloneDX `group` (Maven groupId, npm scope), used only when there is no purl. */
  group?: string | undefined;
  purl?: string | undefined;
  licenses?: string[];
}

/**
 * A component as the portfolio stores it. With a purl of an ecosystem the vulnerability
 * database knows, the ecosystem and name are the database's (`Maven`,
 * `org.apache.logging.log4j:log4j-core`), so re-matching finds it; other purl types keep the
 * type as ecosystem and `namespace/name`; no purl keeps the SBOM's name.
 */
export function toComponent(fields: ComponentFields): UploadedComponent {
  const purlText = fields.purl?.trim() ? clip(fields.purl.trim(), MAX_TEXT.path) : undefined;
  const base = fromPurl(purlText) ?? {
    ecosystem: UNKNOWN_ECOSYSTEM,
    name: fields.group ? `${fields.group}/${fields.name}` : fields.name,
    version: '',
  };
  const out: UploadedComponent = {
    ecosystem: base.ecosystem,
    name: clip(base.name || fields.name, MAX_TEXT.id),
    version: clip(base.version || fields.version || '', MAX_TEXT.id),
  };
  if (purlText) out.purl = base.purl ?? purlText;
  const licenses = [...new Set((fields.licenses ?? []).flatMap(licenseText))];
  if (licenses.length > 0) out.licenses = licenses;
  return out;
}

function fromPurl(text: string | undefined): UploadedComponent | undefined {
  if (!text) return undefined;
  const known = packageFromPurl(text);
  if (!('skipped' in known))
    return { ecosystem: known.ecosystem, name: known.name, version: known.version, purl: known.purl };
  try {
    const purl = PackageURL.fromString(text);
    const name = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
    return { ecosystem: purl.type, name, version: purl.version ?? '', purl: purl.toString() };
  } catch {
    return undefined;
  }
}

function licenseText(raw: string): string[] {
  if (!raw.trim() || raw === 'NOASSERTION' || raw === 'NONE') return [];
  const license = declaredLicense(clip(raw, MAX_TEXT.title));
  return license === undefined ? [] : [clip(license, MAX_TEXT.title)];
}

/** One entry per distinct component: an SBOM may list a package once per place it was found. */
export function uniqueComponents(components: UploadedComponent[]): UploadedComponent[] {
  const seen = new Map<string, UploadedComponent>();
  for (const c of components) {
    const id = JSON.stringify([c.ecosystem, c.name, c.version, c.purl ?? '']);
    if (!seen.has(id)) seen.set(id, c);
  }
  return [...seen.values()];
}
