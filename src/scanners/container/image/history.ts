import type { Diagnostic } from '../../../core/diagnostic.js';
import { diag } from './diagnostics.js';
import type { HistoryEntry } from './model.js';

/**
 * The `created_by` of the history entry behind each layer. Entries with `empty_layer` (ENV,
 * LABEL, ...) made no layer, so the n-th remaining entry made layer n.
 */
export function layerCommands(
  history: HistoryEntry[],
  layerCount: number,
  where: string,
  diagnostics: Diagnostic[],
): (string | undefined)[] {
  const made = history.filter((h) => !h.emptyLayer);
  if (history.length > 0 && made.length !== layerCount) {
    const msg = `${where}: the history lists ${made.length} layer-making steps for ${layerCount} layers; commands are matched from the first layer`;
    diagnostics.push(diag('warning', 'history-mismatch', msg, where));
  }
  return Array.from({ length: layerCount }, (_, i) => made[i]?.createdBy);
}
