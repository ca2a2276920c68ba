import { blocks, type IacObject, type IacResource, type KeyPath } from '../../model.js';
import { lower, strings } from './values.js';

/** One security rule: a separate `azurerm_network_security_rule` or an inline `security_rule` block. */
export interface NsgRule {
  rule: IacObject;
  at: KeyPath;
  subject?: string;
}

export function nsgRules(r: IacResource): NsgRule[] {
  if (r.type === 'azurerm_network_security_rule') return [{ rule: r.value, at: [] }];
  return blocks(r.value, 'security_rule').map((rule, i) => ({
    rule,
    at: ['security_rule', i],
    subject: `security_rule ${typeof rule.name === 'string' ? rule.name : i}`,
  }));
}

const ANYWHERE = new Set(['*', '0.0.0.0', 'internet', 'any']);

/** `*`, `Internet`, `Any`, or any prefix of length 0 (`0.0.0.0/0`, `::/0`). */
const isAnywhere = (prefix: string): boolean =>
  ANYWHERE.has(prefix.trim().toLowerCase()) || /\/0$/.test(prefix.trim());

/** The internet-wide source the rule allows, if any (unknown sources count as restricted). */
function openSource(rule: IacObject): string | undefined {
  const sources = [...strings(rule.source_address_prefix), ...strings(rule.source_address_prefixes)];
  return sources.find((s) => isAnywhere(s.value))?.value;
}

/** A destination port range the rule opens, with where it is written. */
export interface OpenRange {
  from: number;
  to: number;
  at: KeyPath;
}

/** Port ranges of one entry: `22`, `20-30`, `*`, and the comma-separated lists the portal accepts. */
function parseRanges(text: string): [number, number][] {
  return text.split(',').flatMap((part): [number, number][] => {
    if (part.trim() === '*') return [[0, 65535]];
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    return m ? [[Number(m[1]), Number(m[2] ?? m[1])]] : [];
  });
}

function ranges(n: NsgRule): OpenRange[] {
  const out: OpenRange[] = [];
  for (const key of ['destination_port_range', 'destination_port_ranges'])
    for (const s of strings(n.rule[key]))
      for (const [from, to] of parseRanges(s.value))
        out.push({ from, to, at: [...n.at, key, ...(s.index === undefined ? [] : [s.index])] });
  return out;
}

/** What an inbound Allow rule exposes to the whole internet for one of `protocols`; undefined when nothing. */
export function exposure(
  n: NsgRule,
  protocols: readonly string[],
): { source: string; ranges: OpenRange[] } | undefined {
  const { rule } = n;
  if (lower(rule.direction) !== 'inbound' || lower(rule.access) !== 'allow') return undefined;
  const protocol = lower(rule.protocol);
  if (protocol === undefined || !protocols.includes(protocol)) return undefined;
  const source = openSource(rule);
  return source === undefined ? undefined : { source, ranges: ranges(n) };
}

export const isAllPorts = (r: OpenRange): boolean => r.from <= 1 && r.to >= 65535;
export const covers = (r: OpenRange, port: number): boolean => r.from <= port && port <= r.to;
