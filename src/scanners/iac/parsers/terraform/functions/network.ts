import type { IacValue } from '../../../model.js';
import { EvaluationError, toNum, toStr } from '../values.js';
import type { FunctionTable } from './function.js';

/** An IPv4 prefix `a.b.c.d/n`; IPv6 prefixes give undefined (their results are left Unknown). */
function parseCidr(s: string): { base: number; bits: number } | undefined {
  if (s.includes(':')) return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(s);
  const octets = m?.slice(1, 5).map(Number);
  const bits = Number(m?.[5]);
  if (!octets || octets.some((o) => o > 255) || bits > 32)
    throw new EvaluationError(`invalid CIDR prefix "${s}"`);
  const addr = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: addr - (addr % size), bits };
}

const ip = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

function subnet(prefix: string, newbits: number, netnum: number): string | undefined {
  const p = parseCidr(prefix);
  if (!p) return undefined;
  const bits = p.bits + newbits;
  if (newbits < 0 || bits > 32)
    throw new EvaluationError(`cidrsubnet: ${newbits} more bits do not fit in ${prefix}`);
  if (netnum < 0 || netnum >= 2 ** newbits)
    throw new EvaluationError(`cidrsubnet: network number ${netnum} too large`);
  return `${ip(p.base + netnum * 2 ** (32 - bits))}/${bits}`;
}

function host(prefix: string, hostnum: number): string | undefined {
  const p = parseCidr(prefix);
  if (!p) return undefined;
  const size = 2 ** (32 - p.bits);
  const n = hostnum < 0 ? size + hostnum : hostnum;
  if (n < 0 || n >= size)
    throw new EvaluationError(`cidrhost: host number ${hostnum} out of range for ${prefix}`);
  return ip(p.base + n);
}

function subnets(prefix: string, newbits: number[]): IacValue | undefined {
  const p = parseCidr(prefix);
  if (!p) return undefined;
  let next = p.base;
  return newbits.map((nb) => {
    const bits = p.bits + nb;
    if (nb < 1 || bits > 32)
      throw new EvaluationError(`cidrsubnets: ${nb} more bits do not fit in ${prefix}`);
    const size = 2 ** (32 - bits);
    const start = Math.ceil(next / size) * size;
    if (start + size > p.base + 2 ** (32 - p.bits))
      throw new EvaluationError(`cidrsubnets: ${prefix} is full`);
    next = start + size;
    return `${ip(start)}/${bits}`;
  });
}

export const NETWORK_FUNCTIONS: FunctionTable = {
  cidrsubnet: { arity: [3, 3], fn: ([p, b, n]) => subnet(toStr(p!), toNum(b!), toNum(n!)) },
  cidrhost: { arity: [2, 2], fn: ([p, h]) => host(toStr(p!), toNum(h!)) },
  cidrnetmask: {
    arity: [1, 1],
    fn: ([p]) => {
      const c = parseCidr(toStr(p!));
      return c && ip(2 ** 32 - 2 ** (32 - c.bits));
    },
  },
  cidrsubnets: {
    arity: [1, Number.POSITIVE_INFINITY],
    fn: ([p, ...bits]) =>
      subnets(
        toStr(p!),
        bits.map((b) => toNum(b)),
      ),
  },
};
