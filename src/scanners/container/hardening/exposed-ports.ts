import type { HardeningInput } from './types.js';

export interface ExposedPort {
  /** As the config writes it: `80/tcp`. */
  spec: string;
  low: number;
  high: number;
  protocol: string;
}

/** The config's ExposedPorts; an entry that is not a port (or range) is left out. */
export function exposedPorts(input: HardeningInput): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const spec of input.config?.exposedPorts ?? []) {
    const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(spec.trim());
    if (m)
      out.push({
        spec,
        low: Number(m[1]),
        high: Number(m[2] ?? m[1]),
        protocol: (m[3] ?? 'tcp').toLowerCase(),
      });
  }
  return out;
}

export const exposesSsh = (p: ExposedPort) => p.protocol === 'tcp' && p.low <= 22 && 22 <= p.high;

/** The EXPOSE step that declared `port`. */
export const exposeStep = (port: ExposedPort) => (line: string) =>
  /^EXPOSE\s/i.test(line) && line.split(/\s+/).some((w) => w === port.spec || w === String(port.low));
