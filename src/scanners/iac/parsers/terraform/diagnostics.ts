import type { DiagnosticLevel } from '../../../../core/diagnostic.js';
import type { ParseDiagnostic } from '../parser.js';

/** Diagnostics of one load, each reported once (a module called twice repeats its problems). */
export class Diagnostics {
  readonly list: ParseDiagnostic[] = [];
  private readonly seen = new Set<string>();

  add(level: DiagnosticLevel, code: string, path: string, line: number | undefined, message: string): void {
    const key = `${code}\u0000${path}\u0000${line}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ level, code, path, ...(line !== undefined ? { line } : {}), message });
  }

  warn(code: string, path: string, line: number | undefined, message: string): void {
    this.add('warning', code, path, line, message);
  }
}
