import type { RawPom } from './maven-pom.js';

/** Longer values are refused: `${a}${a}${a}` chains otherwise grow exponentially (a "property bomb"). */
const MAX_VALUE_LENGTH = 1024;
const MAX_DEPTH = 16;
const REFERENCE = /\$\{([^${}]+)\}/g;

/**
 * `${...}` interpolation over an effective POM: its properties (a child's override its parents')
 * and the built-ins `project.*` / `pom.*` for the coordinates. A reference that cannot be
 * resolved (undefined, cyclic, too deep, too long, `env.*`, command-line only) is left as
 * written, so the caller sees `${...}` and reports the value as unresolved.
 */
export class PomInterpolator {
  private readonly resolved = new Map<string, string | undefined>();
  private readonly inProgress = new Set<string>();

  private constructor(private readonly values: Map<string, string>) {}

  /** `chain` is the POM first, then its local parents, nearest first. */
  static forChain(chain: RawPom[]): PomInterpolator {
    const values = new Map<string, string>();
    for (const pom of [...chain].reverse()) for (const [k, v] of pom.properties) values.set(k, v);
    const pom = chain[0]!;
    const builtIns: Record<string, string | undefined> = {
      groupId: pom.groupId ?? pom.parent?.groupId,
      artifactId: pom.artifactId,
      version: pom.version ?? pom.parent?.version,
      'parent.groupId': pom.parent?.groupId,
      'parent.artifactId': pom.parent?.artifactId,
      'parent.version': pom.parent?.version,
    };
    for (const [name, value] of Object.entries(builtIns)) {
      if (value === undefined) continue;
      values.set(`project.${name}`, value);
      values.set(`pom.${name}`, value);
    }
    return new PomInterpolator(values);
  }

  interpolate(text: string): string {
    return this.expand(text, 0);
  }

  private expand(text: string, depth: number): string {
    return text.replace(REFERENCE, (whole, name: string) => this.lookup(name.trim(), depth + 1) ?? whole);
  }

  private lookup(name: string, depth: number): string | undefined {
    if (this.resolved.has(name)) return this.resolved.get(name);
    const raw = this.values.get(name);
    if (raw === undefined || depth > MAX_DEPTH || this.inProgress.has(name)) return undefined;
    this.inProgress.add(name);
    const value = this.expand(raw, depth);
    this.inProgress.delete(name);
    const result = value.length > MAX_VALUE_LENGTH || value.includes('${') ? undefined : value;
    this.resolved.set(name, result);
    return result;
  }
}

export function hasUnresolved(value: string): boolean {
  return value.includes('${');
}
