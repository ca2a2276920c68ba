import type { FindingDraft, PropertyValue } from '../../core/finding.js';
import { describeOrigin } from './hardening/origin.js';
import { redactCommand } from './hardening/secret-values.js';
import type { Image, LayeredFs } from './image/index.js';

/** The layer a finding comes from, as finding properties: what leads a developer to the Dockerfile line. */
export type LayerProperties = Record<string, PropertyValue>;

/** The image file a package was read from: a path inside a jar (`a.jar!lib/b.jar`) lives in `a.jar`. */
export function imageFileOf(path: string): string {
  const bang = path.indexOf('!');
  return bang === -1 ? path : path.slice(0, bang);
}

/**
 * `layer` is the index, `layerDigest` the layer's content digest (diff_id) which does not move
 * when lines are added above it, `createdBy` the history step with secrets redacted. None of
 * them enters a fingerprint: the index changes with every Dockerfile edit above the step.
 */
export function layerProperties(image: Image, layer: number | undefined): LayerProperties {
  if (layer === undefined) return {};
  const l = image.layers[layer];
  const digest = l?.diffId ?? l?.digest;
  return {
    layer,
    ...(digest ? { layerDigest: digest } : {}),
    ...(l?.createdBy ? { createdBy: redactCommand(l.createdBy) } : {}),
  };
}

/** The layer that last wrote a file of the final filesystem. */
export function fileLayer(fs: LayeredFs, path: string): number | undefined {
  return fs.get(imageFileOf(path))?.layer;
}

/**
 * A package finding pointed at its layer: the properties, the history step as the snippet (as
 * hardening findings have it) and the step in the message, which is what a developer reads.
 */
export function withLayer(draft: FindingDraft, image: Image, layer: number | undefined): FindingDraft {
  const props = layerProperties(image, layer);
  if (props.layer === undefined) return draft;
  const createdBy = props.createdBy as string | undefined;
  return {
    ...draft,
    message: `${draft.message} Installed by ${describeOrigin({ layer, ...(createdBy ? { createdBy } : {}) })}.`,
    location: { ...draft.location, ...(createdBy ? { snippet: createdBy } : {}) },
    properties: { ...draft.properties, ...props },
  };
}
