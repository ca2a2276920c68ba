import { redactCommand } from './secret-values.js';
import type { HardeningInput } from './types.js';

/** Where a problem came from: the layer that wrote it and the history step behind it, redacted. */
export interface Origin {
  layer?: number;
  createdBy?: string;
}

const MAX_LINE = 120;

/** The Dockerfile line behind a history step, as a developer wrote it (both builders' forms). */
export function dockerfileLine(createdBy: string): string {
  return createdBy
    .trim()
    .replace(/\s*# buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^(?:RUN\s+)?(?:\|\d+\s.*?\s)?\/bin\/sh -c\s+/, 'RUN ');
}

export function layerOrigin(input: HardeningInput, layer: number): Origin {
  const cmd = input.layerCommands[layer];
  return cmd ? { layer, createdBy: redactCommand(cmd) } : { layer };
}

/**
 * Config fields are set by steps that make no layer (USER, ENV, HEALTHCHECK): the last history
 * step whose Dockerfile line passes `test` is the one that counts. `known` are values to mask.
 */
export function configOrigin(
  input: HardeningInput,
  test: (line: string) => boolean,
  known: readonly string[] = [],
): Origin {
  const history = input.config?.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const cmd = history[i]!.createdBy;
    if (cmd && test(dockerfileLine(cmd))) return { createdBy: redactCommand(cmd, known) };
  }
  return {};
}

function shorten(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/** `layer 3 (RUN chmod u+s /usr/bin/x)`, or for a config field `USER root`: how messages point at the Dockerfile. */
export function describeOrigin(origin: Origin): string {
  const line = origin.createdBy === undefined ? undefined : shorten(dockerfileLine(origin.createdBy));
  if (origin.layer === undefined) return line ?? 'the base image or an unrecorded step';
  return line === undefined ? `layer ${origin.layer}` : `layer ${origin.layer} (${line})`;
}

/** ` (set by EXPOSE 22)` when the history names the step that set a config field, else nothing. */
export function setBy(origin: Origin): string {
  return origin.createdBy === undefined ? '' : ` (set by ${describeOrigin(origin)})`;
}
