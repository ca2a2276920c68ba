import {
  bool,
  type IacObject,
  type IacResource,
  type IacValue,
  isUnknown,
  type KeyPath,
} from '../../model.js';
import type { IacRule } from '../../rule.js';

/** What the compose rules share: the rule shape and readers for the fields written in several syntaxes. */

export function composeRule(rule: Omit<IacRule, 'platform' | 'resourceTypes'>): IacRule {
  return { ...rule, platform: 'compose', resourceTypes: ['compose-service'] };
}

export const COMPOSE_REFERENCE = 'https://docs.docker.com/reference/compose-file/services/';

const isMap = (v: IacValue | undefined): v is IacObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);

/** A `${VAR}` (or `$VAR`) interpolation: its value is only known when compose runs. */
export const interpolated = (v: IacValue | undefined): boolean =>
  isUnknown(v) || (typeof v === 'string' && /\$(\{|[A-Za-z_])/.test(v));

/** A scalar as text (`5432` and `"5432"` alike); undefined for anything else or an interpolation. */
export function text(v: IacValue | undefined): string | undefined {
  if (interpolated(v)) return undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export interface EnvEntry {
  key: string;
  value: IacValue;
  at: KeyPath;
}

/** `environment:` as a mapping or as a `KEY=value` list. */
export function environment(r: IacResource): EnvEntry[] {
  const env = r.value.environment;
  if (isMap(env))
    return Object.entries(env).map(([key, value]) => ({ key, value, at: ['environment', key] }));
  if (!Array.isArray(env)) return [];
  return env.flatMap((item, i) => {
    if (typeof item !== 'string') return [];
    const eq = item.indexOf('=');
    return [
      {
        key: eq < 0 ? item : item.slice(0, eq),
        value: eq < 0 ? null : item.slice(eq + 1),
        at: ['environment', i],
      },
    ];
  });
}

export interface Mount {
  /** Host path for a bind mount (`/var/run/docker.sock`, `./data`); undefined for named and anonymous volumes. */
  hostPath?: string;
  target?: string;
  readOnly: boolean;
  at: KeyPath;
}

const isHostPath = (s: string) => /^([/.~]|[A-Za-z]:[\\/])/.test(s);

function shortVolume(spec: string, at: KeyPath): Mount {
  const parts = spec.split(':');
  if (parts.length === 1) return { target: spec, readOnly: false, at };
  const [source, target, mode = ''] = parts as [string, string, string?];
  return {
    ...(isHostPath(source) ? { hostPath: source } : {}),
    target,
    readOnly: mode.split(',').includes('ro'),
    at,
  };
}

/** `volumes:` in short (`src:/target:ro`) or long (`type: bind`) syntax; interpolated entries skipped. */
export function mounts(r: IacResource): Mount[] {
  const list = r.value.volumes;
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, i): Mount[] => {
    const at = ['volumes', i];
    if (typeof v === 'string') return interpolated(v) ? [] : [shortVolume(v, at)];
    if (!isMap(v)) return [];
    const source = text(v.source);
    const bind = v.type === 'bind' || (v.type === undefined && source !== undefined && isHostPath(source));
    if (interpolated(v.source) || interpolated(v.target)) return [];
    return [
      {
        ...(bind && source !== undefined ? { hostPath: source } : {}),
        ...(text(v.target) !== undefined ? { target: text(v.target) } : {}),
        readOnly: bool(v.read_only) === true,
        at: source !== undefined ? [...at, 'source'] : at,
      },
    ];
  });
}

export interface Port {
  /** Host address the port is published on; '' when none is given (all interfaces). */
  hostIp: string;
  /** Container port or range (`5432`, `8000-8010`). */
  target: string;
  protocol: string;
  at: KeyPath;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host addresses in brackets. */
function shortPort(spec: string, at: KeyPath): Port | undefined {
  const [addr, protocol = 'tcp'] = spec.split('/') as [string, string?];
  let hostIp = '';
  let rest = addr;
  const v6 = /^\[([^\]]*)\]:(.*)$/.exec(addr);
  if (v6) [hostIp, rest] = [v6[1]!, v6[2]!];
  const parts = rest.split(':');
  if (!v6 && parts.length >= 3) hostIp = parts.slice(0, -2).join(':');
  const target = parts.at(-1);
  return target ? { hostIp, target, protocol, at } : undefined;
}

/** Published ports in short or long syntax; interpolated entries skipped. */
export function ports(r: IacResource): Port[] {
  const list = r.value.ports;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p, i): Port[] => {
    const at = ['ports', i];
    const spec = text(p);
    const short = spec === undefined ? undefined : shortPort(spec, at);
    if (short) return [short];
    if (!isMap(p) || interpolated(p.host_ip) || text(p.target) === undefined) return [];
    return [
      { hostIp: text(p.host_ip) ?? '', target: text(p.target)!, protocol: text(p.protocol) ?? 'tcp', at },
    ];
  });
}

/** The entries of a list field (`cap_add`, `security_opt`) that are plain strings, with their paths. */
export function strings(r: IacResource, key: string): { value: string; at: KeyPath }[] {
  const list = r.value[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, i) =>
    typeof v === 'string' && !interpolated(v) ? [{ value: v, at: [key, i] }] : [],
  );
}
