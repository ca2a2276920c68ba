import { type IacResource, Positions, Unknown } from '../model.js';
import { buildInstruction, INSTRUCTIONS } from './dockerfile-instruction.js';
import type { Lexed, RawInstruction } from './dockerfile-lexer.js';
import type { DockerFrom, DockerInstruction, DockerStage } from './dockerfile-types.js';
import { type Scope, UNKNOWN, UNSET, type VarValue } from './dockerfile-words.js';
import type { ParseDiagnostic } from './parser.js';

/**
 * Groups the instructions into build stages, tracking ARG and ENV values the way the builder
 * scopes them: global ARGs only in FROM lines (and in a stage that redeclares them), ENV
 * inherited by a stage built `FROM` an earlier stage.
 */

/** Set by the builder, value only known at build time. */
const AUTOMATIC_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
]);

interface Stage {
  value: DockerStage;
  positions: Positions;
  endLine: number;
  env: Map<string, VarValue>;
  args: Map<string, VarValue>;
}

const asVar = (v: string | null | Unknown): VarValue => (typeof v === 'string' ? v : UNKNOWN);

/** A component of an image reference: Unknown when it still holds an unexpanded variable. */
const part = (v: string | null): string | null | Unknown => (v?.includes('$') ? new Unknown(v) : v);

/** `ref` with every `${…}` blanked out, so separators inside a variable reference are not seen. */
const masked = (ref: string) => ref.replace(/\$\{[^}]*\}/g, (m) => '_'.repeat(m.length));

export function imageRef(ref: string): Pick<DockerFrom, 'image' | 'tag' | 'digest'> {
  const mask = masked(ref);
  const at = mask.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const end = at >= 0 ? at : ref.length;
  const colon = mask.lastIndexOf(':', end - 1);
  const tagged = colon > mask.lastIndexOf('/', end - 1);
  const image = ref.slice(0, tagged ? colon : end);
  const tag = tagged ? ref.slice(colon + 1, end) : null;
  if (!image.includes('$')) return { image, tag: part(tag), digest: part(digest) };
  // The variable may hold the tag or digest too.
  return {
    image: new Unknown(image),
    tag: tag === null ? new Unknown(ref) : part(tag),
    digest: digest === null && tag === null ? new Unknown(ref) : part(digest),
  };
}

export class StageBuilder {
  readonly stages: Stage[] = [];
  readonly diagnostics: ParseDiagnostic[] = [];
  private readonly globals = new Map<string, VarValue>();
  private readonly globalArgs: DockerInstruction[] = [];

  constructor(
    private readonly path: string,
    private readonly lexed: Lexed,
  ) {}

  private warn(code: string, line: number, message: string): void {
    this.diagnostics.push({ level: 'warning', code, path: this.path, line, message });
  }

  private readonly globalScope: Scope = (name) =>
    this.globals.get(name) ?? (AUTOMATIC_ARGS.has(name) ? UNKNOWN : UNSET);

  private stageScope(s: Stage): Scope {
    return (name) => s.env.get(name) ?? s.args.get(name) ?? UNKNOWN;
  }

  add(raw: RawInstruction): void {
    const cmd = raw.keyword.toUpperCase();
    if (!INSTRUCTIONS.has(cmd)) {
      this.warn('dockerfile-unknown-instruction', raw.line, `unknown instruction "${raw.keyword}"`);
      return;
    }
    if (cmd === 'FROM') {
      this.from(raw);
      return;
    }
    const current = this.stages.at(-1);
    if (!current && cmd !== 'ARG') {
      this.warn('dockerfile-before-from', raw.line, `${cmd} before the first FROM (only ARG may come first)`);
      return;
    }
    const built = buildInstruction(
      raw,
      current ? this.stageScope(current) : this.globalScope,
      this.lexed.escape,
    );
    if (built.badJson) this.warn('dockerfile-exec-form', raw.line, built.badJson);
    if (cmd === 'SHELL' && built.instruction.form !== 'exec')
      this.warn('dockerfile-exec-form', raw.line, 'SHELL must be written as a JSON array');
    if (current) this.append(current, built.instruction);
    else this.globalArg(built.instruction);
  }

  private globalArg(ins: DockerInstruction): void {
    for (const p of ins.pairs) this.globals.set(p.key, asVar(p.value));
    this.globalArgs.push(ins);
  }

  private append(s: Stage, ins: DockerInstruction): void {
    const i = s.value.instructions.push(ins) - 1;
    s.positions.set(['instructions', i], ins.line);
    for (const [j, h] of ins.heredocs.entries()) s.positions.set(['instructions', i, 'heredocs', j], h.line);
    s.endLine = ins.endLine;
    if (ins.cmd === 'ENV') for (const p of ins.pairs) s.env.set(p.key, asVar(p.value));
    if (ins.cmd === 'ARG')
      for (const p of ins.pairs)
        s.args.set(p.key, p.value === null ? (this.globals.get(p.key) ?? UNKNOWN) : asVar(p.value));
  }

  private from(raw: RawInstruction): void {
    const { instruction: ins } = buildInstruction(raw, this.globalScope, this.lexed.escape);
    const [image = '', as, alias, ...extra] = ins.words;
    if (!image) this.warn('dockerfile-from', raw.line, 'FROM without an image');
    const named = as?.toUpperCase() === 'AS' && alias ? alias.toLowerCase() : null;
    if ((as && !named) || extra.length > 0)
      this.warn('dockerfile-from', raw.line, `unexpected FROM arguments "${ins.args}"`);
    const base = this.stages.find((s) => s.value.name !== null && s.value.name === image.toLowerCase());
    const platform = ins.flags.platform?.at(-1) ?? null;
    const from: DockerFrom = {
      ...(base ? { image, tag: null, digest: null } : imageRef(image)),
      platform: part(platform),
      raw: raw.rest,
      stage: base ? base.value.name : null,
    };
    const positions = new Positions();
    positions.set(['from'], raw.line);
    positions.set(['name'], raw.line);
    this.stages.push({
      value: { index: this.stages.length, name: named, from, instructions: [], globalArgs: [], final: false },
      positions,
      endLine: raw.endLine,
      env: new Map(base?.env),
      args: new Map(),
    });
  }

  /** One resource per stage; the first carries the global ARGs, the last is final. */
  resources(): IacResource[] {
    const first = this.stages[0];
    if (first) {
      first.value.globalArgs = this.globalArgs;
      for (const [i, a] of this.globalArgs.entries()) first.positions.set(['globalArgs', i], a.line);
    }
    const last = this.stages.at(-1);
    if (last) last.value.final = true;
    const seen = new Set<string>();
    return this.stages.map((s) => {
      const line = s.positions.lineOf(['from'], 1);
      let name = s.value.name ?? String(s.value.index);
      if (seen.has(name)) {
        this.warn('dockerfile-from', line, `stage name "${name}" is used twice`);
        name = String(s.value.index);
      }
      seen.add(name);
      return {
        platform: 'dockerfile',
        type: 'dockerfile',
        kind: 'resource',
        name,
        address: `stage ${name}`,
        path: this.path,
        line,
        endLine: s.endLine,
        value: s.value,
        positions: s.positions,
      };
    });
  }
}
