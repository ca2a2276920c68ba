import { blocks, type IacResource, isUnknown, type KeyPath } from '../../model.js';
import { isTrue, lower, strings, unset } from './values.js';

/** A port range an `allow` block opens, with where it is written. */
export interface OpenRange {
  from: number;
  to: number;
  protocol: string;
  at: KeyPath;
}

/** Protocol numbers GCP also accepts. */
const PROTOCOLS: Record<string, string> = { '6': 'tcp', '17': 'udp', '132': 'sctp' };

/**
 * The internet-wide source (any /0 range) of an enabled ingress rule. Without `source_ranges`, `source_tags` and
 * `source_service_accounts`, GCP applies 0.0.0.0/0.
 */
function worldSource(r: IacResource): string | undefined {
  const v = r.value;
  if (
    (!unset(v.direction) && lower(v.direction) !== 'ingress') ||
    isTrue(v.disabled) ||
    isUnknown(v.disabled)
  )
    return undefined;
  if (unset(v.source_ranges))
    return unset(v.source_tags) && unset(v.source_service_accounts) ? '0.0.0.0/0 (the default)' : undefined;
  return strings(v.source_ranges).find((s) => /\/0$/.test(s.value.trim()))?.value;
}

function parseRange(text: string): [number, number] | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

/** The port ranges each `allow` block opens (no `ports`, or protocol `all`: every port). */
function openRanges(r: IacResource): OpenRange[] {
  const out: OpenRange[] = [];
  for (const [i, allow] of blocks(r.value, 'allow').entries()) {
    const raw = lower(allow.protocol);
    const protocol = raw === undefined ? undefined : (PROTOCOLS[raw] ?? raw);
    if (protocol === undefined || !['tcp', 'udp', 'sctp', 'all'].includes(protocol)) continue;
    if (protocol === 'all' || unset(allow.ports)) {
      out.push({ from: 0, to: 65535, protocol, at: ['allow', i, 'protocol'] });
      continue;
    }
    for (const p of strings(allow.ports)) {
      const range = parseRange(p.value);
      if (range)
        out.push({
          from: range[0],
          to: range[1],
          protocol,
          at: ['allow', i, 'ports', ...(p.index === undefined ? [] : [p.index])],
        });
    }
  }
  return out;
}

/** What an ingress rule exposes to the whole internet; undefined when nothing. */
export function exposure(r: IacResource): { source: string; ranges: OpenRange[] } | undefined {
  const source = worldSource(r);
  return source === undefined ? undefined : { source, ranges: openRanges(r) };
}

export const isAllPorts = (r: OpenRange): boolean => r.from <= 1 && r.to >= 65535;
export const covers = (r: OpenRange, port: number): boolean => r.from <= port && port <= r.to;
