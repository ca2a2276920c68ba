import { type IacValue, isUnknown, type KeyPath, Positions } from '../../model.js';

export interface Rebased {
  positions: Positions;
  /** The last line any key or item of the value was seen on. */
  lastLine: number;
}

/**
 * The positions of `raw`, a value found at `prefix` in a document, with paths made relative to
 * it: a resource's attributes are addressed from its own value, not from the document root.
 */
export function rebase(doc: Positions, prefix: KeyPath, raw: IacValue, line: number): Rebased {
  const out: Rebased = { positions: new Positions(), lastLine: line };
  const visit = (v: IacValue, path: (string | number)[]): void => {
    if (v === null || typeof v !== 'object' || isUnknown(v)) return;
    const entries: [string | number, IacValue][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v);
    for (const [k, child] of entries) {
      path.push(k);
      const at = doc.lineOf([...prefix, ...path], line);
      out.positions.set(path, at);
      if (at > out.lastLine) out.lastLine = at;
      visit(child, path);
      path.pop();
    }
  };
  visit(raw, []);
  return out;
}
