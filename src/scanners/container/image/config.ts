import type { Diagnostic } from '../../../core/diagnostic.js';
import { diag } from './diagnostics.js';
import { isDigest } from './digest.js';
import { isObj, num, type Obj, str, strings } from './json-shape.js';
import type { Healthcheck, HistoryEntry, ImageConfig } from './model.js';

/**
 * The image config, read field by field: a field of the wrong type is left out and named in one
 * diagnostic, so a half-broken config still yields what it can.
 */
export function parseImageConfig(
  raw: unknown,
  where: string,
  diagnostics: Diagnostic[],
): ImageConfig | undefined {
  if (!isObj(raw)) {
    diagnostics.push(
      diag('error', 'invalid-config', `${where}: the image config is not a JSON object`, where),
    );
    return undefined;
  }
  const bad: string[] = [];
  const field = <T>(name: string, value: unknown, read: (v: unknown) => T | undefined): T | undefined => {
    if (value === undefined || value === null) return undefined;
    const out = read(value);
    if (out === undefined) bad.push(name);
    return out;
  };
  const c = field('config', raw.config, (v) => (isObj(v) ? v : undefined)) ?? {};
  const config: ImageConfig = {
    platform: platformOf(raw, field),
    user: field('config.User', c.User, str),
    env: field('config.Env', c.Env, strings) ?? [],
    exposedPorts: Object.keys(field('config.ExposedPorts', c.ExposedPorts, obj) ?? {}),
    healthcheck: field('config.Healthcheck', c.Healthcheck, healthcheck),
    entrypoint: field('config.Entrypoint', c.Entrypoint, strings),
    cmd: field('config.Cmd', c.Cmd, strings),
    workingDir: field('config.WorkingDir', c.WorkingDir, str),
    labels: field('config.Labels', c.Labels, labels) ?? {},
    history: field('history', raw.history, history) ?? [],
    diffIds: field('rootfs.diff_ids', isObj(raw.rootfs) ? raw.rootfs.diff_ids : undefined, digests) ?? [],
  };
  if (!isObj(raw.rootfs) || !Array.isArray(raw.rootfs.diff_ids)) bad.push('rootfs.diff_ids (missing)');
  if (bad.length > 0) {
    const msg = `${where}: the image config has invalid fields, left out: ${bad.join(', ')}`;
    diagnostics.push(diag('warning', 'invalid-config', msg, where));
  }
  return config;
}

function platformOf(
  raw: Obj,
  field: <T>(n: string, v: unknown, r: (v: unknown) => T | undefined) => T | undefined,
) {
  const os = field('os', raw.os, str);
  const architecture = field('architecture', raw.architecture, str);
  const variant = field('variant', raw.variant, str);
  return {
    ...(os ? { os } : {}),
    ...(architecture ? { architecture } : {}),
    ...(variant ? { variant } : {}),
  };
}

function history(v: unknown): HistoryEntry[] | undefined {
  if (!Array.isArray(v) || !v.every(isObj)) return undefined;
  return v.map((h) => ({
    created: str(h.created),
    createdBy: str(h.created_by),
    comment: str(h.comment),
    emptyLayer: h.empty_layer === true,
  }));
}

function healthcheck(v: unknown): Healthcheck | undefined {
  if (!isObj(v)) return undefined;
  const test = strings(v.Test);
  if (!test) return undefined;
  return {
    test,
    interval: num(v.Interval),
    timeout: num(v.Timeout),
    startPeriod: num(v.StartPeriod),
    retries: num(v.Retries),
  };
}

function labels(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') return undefined;
    out[k] = value;
  }
  return out;
}

function digests(v: unknown): string[] | undefined {
  const list = strings(v);
  return list?.every(isDigest) ? list : undefined;
}

function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}
