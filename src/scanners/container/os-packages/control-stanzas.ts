import { forEachLine, isPrintable, type Problems } from './problems.js';

/**
 * dpkg's control-file syntax (deb-control(5), the status file and distroless `status.d`):
 * stanzas of `Field: value` lines separated by blank lines, a line starting with a space or
 * tab continuing the field above. Field names are case-insensitive.
 */
export interface Stanza {
  /** 1-based line of its first field. */
  line: number;
  /** Lower-cased field name → the value on the field's own line (continuations are not kept). */
  fields: Map<string, string>;
  /** The file ended inside this stanza without a final newline: its last line may be cut. */
  truncated: boolean;
}

const FIELD = /^([!-9;-~][!-9;-~]*):[ \t]*(.*?)[ \t]*$/;

/** Calls `visit` with each stanza in file order; malformed lines are reported and skipped. */
export function parseStanzas(text: string, problems: Problems, visit: (stanza: Stanza) => void): void {
  let current: Stanza | undefined;
  let fieldSeen = false;
  const flush = () => {
    if (current && current.fields.size > 0) visit(current);
    current = undefined;
    fieldSeen = false;
  };
  forEachLine(text, (line, lineNo, ended) => {
    if (line.trim() === '') return flush();
    current ??= { line: lineNo, fields: new Map(), truncated: false };
    if (!ended) current.truncated = true;
    if ((line[0] === ' ' || line[0] === '\t') && fieldSeen) return;
    const m = isPrintable(line) ? FIELD.exec(line) : null;
    if (!m) return problems.corrupt(`line ${lineNo}: not a "Field: value" line`, 'warning');
    fieldSeen = true;
    const name = m[1]!.toLowerCase();
    if (!current.fields.has(name)) current.fields.set(name, m[2]!);
  });
  flush();
}
