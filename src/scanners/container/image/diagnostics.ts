import type { Diagnostic, DiagnosticLevel } from '../../../core/diagnostic.js';
import type { ImageLayer } from './model.js';

export function diag(level: DiagnosticLevel, code: string, message: string, path?: string): Diagnostic {
  return path === undefined
    ? { level, code, message, scanner: 'container' }
    : { level, code, message, scanner: 'container', path };
}

/** How messages name a layer: its position and the digest a user can find in `docker history`. */
export function layerName(layer: Pick<ImageLayer, 'index' | 'digest' | 'diffId'>): string {
  const id = layer.digest ?? layer.diffId;
  return id ? `layer ${layer.index} (${shortDigest(id)})` : `layer ${layer.index}`;
}

export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon === -1
    ? digest.slice(0, 12)
    : `${digest.slice(0, colon)}:${digest.slice(colon + 1, colon + 13)}`;
}
