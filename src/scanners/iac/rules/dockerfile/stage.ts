import type { IacResource } from '../../model.js';
import type { DockerInstruction, DockerStage } from '../../parsers/dockerfile-types.js';
import type { IacRule, RuleContext, Violation } from '../../rule.js';
import { type Command, command, commands } from './shell.js';

/** What the Dockerfile rules share: typed access to a stage, its RUN scripts, its base stages. */

export const stageOf = (r: IacResource): DockerStage => r.value as unknown as DockerStage;

/** Every Dockerfile rule runs on build stages. */
export function dockerfileRule(rule: Omit<IacRule, 'platform' | 'resourceTypes'>): IacRule {
  return { ...rule, platform: 'dockerfile', resourceTypes: ['dockerfile'] };
}

const ordinals = new WeakMap<DockerStage, number[]>();

/** `RUN 2`: the second RUN of the stage, to tell apart several findings of one rule in a stage. */
export function subjectOf(stage: DockerStage, index: number): string {
  let nth = ordinals.get(stage);
  if (!nth) {
    const seen = new Map<string, number>();
    nth = stage.instructions.map((i) => {
      const n = (seen.get(i.cmd) ?? 0) + 1;
      seen.set(i.cmd, n);
      return n;
    });
    ordinals.set(stage, nth);
  }
  return `${stage.instructions[index]!.cmd} ${nth[index]}`;
}

/** A violation on the instruction at `index` (its first line). */
export function at(
  stage: DockerStage,
  index: number,
  message: string,
  extra: Partial<Violation> = {},
): Violation {
  return { message, at: ['instructions', index], subject: subjectOf(stage, index), ...extra };
}

/** The instructions of one kind, with their indexes. */
export function* each(stage: DockerStage, cmd: string): Generator<[DockerInstruction, number]> {
  for (const [i, ins] of stage.instructions.entries()) if (ins.cmd === cmd) yield [ins, i];
}

/** The stage and the earlier stages it is built `FROM`, nearest first. */
export function lineage(r: IacResource, ctx: RuleContext): DockerStage[] {
  const stages = ctx.ofType('dockerfile').map(stageOf);
  const out = [stageOf(r)];
  for (let s = stageOf(r); s.from.stage !== null; ) {
    const base = stages.find((x) => x.name === s.from.stage && x.index < s.index);
    if (!base) break;
    out.push(base);
    s = base;
  }
  return out;
}

/** Whether the stage's layers end up in the image `docker build` produces (the final stage or one it builds on). */
export function shipped(r: IacResource, ctx: RuleContext): boolean {
  const final = ctx.ofType('dockerfile').find((x) => stageOf(x).final);
  return final !== undefined && lineage(final, ctx).includes(stageOf(r));
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The here-documents whose bodies the shell runs as commands (`RUN <<EOF`, `RUN <<EOF bash`). */
function scriptBodies(ins: DockerInstruction): string[] {
  const rest = ins.args.replace(/\d*<<-?(["']?)[^\s"']+\1/g, '').trim();
  const words = rest.split(/\s+/).filter(Boolean);
  const runsStdin = words.length === 0 || (SHELLS.has(basename(words[0]!)) && words.length === 1);
  if (!runsStdin) return [];
  return ins.heredocs
    .map((h) => h.body)
    .filter((b) => !/^#!/.test(b) || /^#!\s*\S*\/(env\s+)?(ba|da|z|k|mk)?sh\b/.test(b));
}

/** The shell script a RUN executes: the shell form, the `sh -c` of an exec form, heredoc bodies. */
export function script(ins: DockerInstruction): string | undefined {
  if (ins.exec) {
    const c = ins.exec.findIndex((a) => /^-[a-z]*c$/.test(a));
    return ins.exec[0] && SHELLS.has(basename(ins.exec[0])) && c > 0 ? ins.exec[c + 1] : undefined;
  }
  const bodies = scriptBodies(ins);
  return bodies.length > 0 ? bodies.join('\n') : ins.args;
}

function parseRun(ins: DockerInstruction): Command[] {
  const s = script(ins);
  if (s !== undefined) return commands(s);
  const c = command((ins.exec ?? []).map((text) => ({ text, dynamic: false })));
  return c ? [c] : [];
}

const parsed = new WeakMap<DockerInstruction, Command[]>();

/** The simple commands a RUN executes (an exec form without a shell is one command); parsed once per RUN. */
export function runCommands(ins: DockerInstruction): Command[] {
  let out = parsed.get(ins);
  if (!out) {
    out = parseRun(ins);
    parsed.set(ins, out);
  }
  return out;
}

/** Every RUN of the stage with its commands. */
export function* runs(stage: DockerStage): Generator<[DockerInstruction, number, Command[]]> {
  for (const [ins, i] of each(stage, 'RUN')) yield [ins, i, runCommands(ins)];
}

/** Whether an ENV of the stages sets `name`. */
export function envSet(stages: DockerStage[], name: string): boolean {
  return stages.some((s) =>
    s.instructions.some((i) => i.cmd === 'ENV' && i.pairs.some((p) => p.key === name)),
  );
}
