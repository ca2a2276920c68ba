import {
  type IacDocument,
  type IacObject,
  type IacResource,
  type IacValue,
  isUnknown,
  type KeyPath,
  Positions,
} from '../model.js';
import { type Located, locate, merge, place } from './compose-merge.js';
import type { IacParser, ParseDiagnostic, ParseResult, SourceFile } from './parser.js';
import { readYaml, type YamlDoc } from './yaml-source.js';

/**
 * Docker Compose files: one `compose-service` resource per service, `extends` within the file
 * resolved. `${VAR}` interpolation is left as written (rules treat it as unknown).
 */

const isMap = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** The service a service extends in this file; undefined when none or in another file. */
function extendsName(service: IacObject): string | undefined {
  const e = service.extends;
  if (typeof e === 'string') return e;
  if (isMap(e) && typeof e.service === 'string' && e.file === undefined) return e.service;
  return undefined;
}

class ComposeFile {
  readonly diagnostics: ParseDiagnostic[] = [];
  private readonly resolved = new Map<string, Located>();

  constructor(
    private readonly path: string,
    private readonly doc: YamlDoc,
    private readonly services: IacObject,
  ) {}

  private note(level: ParseDiagnostic['level'], name: string, message: string): void {
    const line = this.doc.positions.lineOf(['services', name, 'extends'], this.doc.line);
    this.diagnostics.push({ level, code: 'compose-extends', path: this.path, line, message });
  }

  /** The service with what it extends merged in; `chain` guards against cycles. */
  private resolve(name: string, chain: string[]): Located {
    const done = this.resolved.get(name);
    if (done) return done;
    const raw = this.services[name];
    const own = locate(isMap(raw) ? raw : {}, ['services', name]);
    let out = own;
    const baseName = isMap(raw) ? extendsName(raw) : undefined;
    if (isMap(raw) && isMap(raw.extends) && raw.extends.file !== undefined)
      this.note('info', name, `services.${name} extends a service of another file, which is not followed`);
    if (baseName !== undefined) {
      if (chain.includes(baseName))
        this.note('warning', name, `extends cycle: ${[...chain, baseName].join(' -> ')}`);
      else if (!(baseName in this.services))
        this.note('warning', name, `services.${name} extends unknown service "${baseName}"`);
      else out = merge('', this.resolve(baseName, [...chain, baseName]), own);
    }
    if ('map' in out) out.map.delete('extends');
    this.resolved.set(name, out);
    return out;
  }

  /**
   * Lines for the parts of service `name`: what it inherits through `extends` points at its own
   * `extends:` line, so each service's findings stay in its own block.
   */
  private lineOf(name: string, fallback: number): (origin: KeyPath) => number {
    const src = this.doc.positions;
    const inherited = src.lineOf(['services', name, 'extends'], fallback);
    return (origin) => (origin[1] === name ? src.lineOf(origin, fallback) : inherited);
  }

  /** Lines of the top-level keys, where the last service's block ends at the latest. */
  private topLevelLines(): number[] {
    const keys = isMap(this.doc.value) ? Object.keys(this.doc.value) : [];
    return keys.map((k) => this.doc.positions.lineOf([k], 0)).sort((a, b) => a - b);
  }

  resources(): IacResource[] {
    const names = Object.keys(this.services);
    const lines = names.map((n) => this.doc.positions.lineOf(['services', n], this.doc.line));
    return names.map((name, i) => {
      const line = lines[i]!;
      const positions = new Positions();
      const value = place(this.resolve(name, [name]), [], this.lineOf(name, line), positions);
      const next = [...lines.slice(i + 1), ...this.topLevelLines()].find((l) => l > line);
      return {
        platform: 'compose',
        type: 'compose-service',
        kind: 'resource',
        name,
        address: `services.${name}`,
        path: this.path,
        line,
        endLine: next !== undefined ? next - 1 : this.doc.endLine,
        value: isMap(value) ? value : {},
        positions,
      };
    });
  }
}

export function parseCompose(file: SourceFile): { documents: IacDocument[]; diagnostics: ParseDiagnostic[] } {
  const { docs, diagnostics } = readYaml(file.text, file.path);
  const documents: IacDocument[] = [];
  for (const doc of docs) {
    const services = isMap(doc.value) ? doc.value.services : undefined;
    if (services === undefined || services === null) continue;
    if (!isMap(services)) {
      diagnostics.push({
        level: 'warning',
        code: 'compose-services',
        path: file.path,
        line: doc.positions.lineOf(['services'], doc.line),
        message: '`services` is not a mapping of service names',
      });
      continue;
    }
    const c = new ComposeFile(file.path, doc, services);
    documents.push({ platform: 'compose', path: file.path, resources: c.resources() });
    diagnostics.push(...c.diagnostics);
  }
  return { documents, diagnostics };
}

export const composeParser: IacParser = {
  name: 'compose',
  claims: (path) => {
    const name = basename(path);
    return name.includes('compose') && /\.ya?ml$/.test(name);
  },
  accepts: (text) => /^services[ \t]*:/m.test(text),
  parse(files: readonly SourceFile[]): ParseResult {
    const out: ParseResult = { documents: [], diagnostics: [] };
    for (const f of files) {
      const r = parseCompose(f);
      out.documents.push(...r.documents);
      out.diagnostics.push(...r.diagnostics);
    }
    return out;
  },
};
