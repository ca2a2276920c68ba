import { UserError } from '../core/errors.js';
import type { Scanner } from '../core/scanner.js';

/**
 * Every scanner Gatehouse ships, in the order they are listed to users. Each is loaded only
 * when a run asks for it: a secrets scan in a pre-commit hook must not pay for SQLite, the
 * SBOM libraries and twenty lockfile parsers.
 */
const LOADERS: Readonly<Record<string, () => Promise<Scanner>>> = {
  secrets: async () => (await import('./secrets/index.js')).secretsScanner,
  sca: async () => (await import('./sca/index.js')).scaScanner,
  iac: async () => (await import('./iac/index.js')).iacScanner,
  sast: async () => (await import('./sast/index.js')).sastScanner,
};

export const SCANNER_NAMES: readonly string[] = Object.keys(LOADERS);

/** Offline and fast: what a scan runs when neither --scanners nor gatehouse.yml says. */
export const DEFAULT_SCANNERS = ['secrets', 'iac'];

export async function loadScanners(names: readonly string[]): Promise<Scanner[]> {
  return Promise.all(
    names.map((n) => {
      const load = LOADERS[n];
      if (!load)
        throw new UserError(`unknown scanner '${n}'`, `available scanners: ${SCANNER_NAMES.join(', ')}`);
      return load();
    }),
  );
}

export function allScanners(): Promise<Scanner[]> {
  return loadScanners(SCANNER_NAMES);
}

/** A named set of rules for the reference: a scanner's, or the image scan's (not a tree scanner). */
export type RulePack = Pick<Scanner, 'name' | 'description' | 'rules'>;

const IMAGE_PACK = async (): Promise<RulePack> => {
  const { IMAGE_RULES } = await import('./container/rules.js');
  return {
    name: 'container',
    description: 'Container images (`gatehouse image`): vulnerable OS and language packages, hardening',
    rules: () => IMAGE_RULES,
  };
};

const DAST_PACK = async (): Promise<RulePack> => {
  const { dastRules } = await import('./dast/scan-dast.js');
  return {
    name: 'dast',
    description:
      'Dynamic testing of a running application (`gatehouse dast`): passive rules, file probes, active checks',
    rules: dastRules,
  };
};

/** Packs of commands that are not tree scanners. */
const COMMAND_PACKS: Readonly<Record<string, () => Promise<RulePack>>> = {
  container: IMAGE_PACK,
  dast: DAST_PACK,
};

/** Every rule pack, or the named ones, in the order they are listed to users. */
export async function rulePacks(names?: readonly string[]): Promise<RulePack[]> {
  const wanted = names ?? [...SCANNER_NAMES, ...Object.keys(COMMAND_PACKS)];
  return Promise.all(wanted.map((n) => COMMAND_PACKS[n]?.() ?? loadScanners([n]).then(([s]) => s!)));
}
