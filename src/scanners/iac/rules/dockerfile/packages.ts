import type { DockerInstruction } from '../../parsers/dockerfile-types.js';
import type { Command, Word } from './shell.js';

/** Package manager invocations in RUN commands: which manager, which subcommand, which options and packages. */

export type Manager = 'apt' | 'apk' | 'pip' | 'yum';

export interface PackageCommand {
  manager: Manager;
  /** `install`, `add`, `update`, `upgrade`, … */
  sub: string;
  /** Options as written (`--no-cache`, `-y`, `-o`), each followed by its value when it takes one. */
  options: string[];
  /** The positional arguments after the subcommand: package specs, paths, variables. */
  packages: Word[];
}

/** Options followed by a separate value, per manager (long forms also accept `--opt=value`). */
const VALUED: Record<Manager, Set<string>> = {
  apt: new Set([
    '-o',
    '-c',
    '-t',
    '-a',
    '--option',
    '--config-file',
    '--target-release',
    '--host-architecture',
  ]),
  apk: new Set([
    '-t',
    '-X',
    '-p',
    '--virtual',
    '--repository',
    '--root',
    '--keys-dir',
    '--arch',
    '--cache-dir',
    '--repositories-file',
    '--cache-max-age',
    '--timeout',
  ]),
  pip: new Set([
    '-r',
    '-c',
    '-e',
    '-i',
    '-f',
    '-t',
    '--requirement',
    '--constraint',
    '--editable',
    '--index-url',
    '--extra-index-url',
    '--find-links',
    '--target',
    '--prefix',
    '--root',
    '--trusted-host',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--src',
    '--upgrade-strategy',
    '--progress-bar',
    '--cache-dir',
    '--log',
    '--proxy',
    '--retries',
    '--timeout',
    '--only-binary',
    '--no-binary',
    '--config-settings',
    '--global-option',
    '--report',
    '--python',
  ]),
  yum: new Set([
    '-c',
    '-x',
    '--config',
    '--installroot',
    '--releasever',
    '--exclude',
    '--enablerepo',
    '--disablerepo',
    '--repo',
    '--setopt',
  ]),
};

function manager(cmd: Command): { manager: Manager; args: Word[] } | undefined {
  const args = cmd.argv.slice(1);
  if (['apt-get', 'apt', 'aptitude'].includes(cmd.name)) return { manager: 'apt', args };
  if (cmd.name === 'apk') return { manager: 'apk', args };
  if (['yum', 'dnf', 'microdnf', 'tdnf', 'zypper'].includes(cmd.name)) return { manager: 'yum', args };
  if (/^pip(\d+(\.\d+)?)?$/.test(cmd.name)) return { manager: 'pip', args };
  if (/^python(\d+(\.\d+)?)?$/.test(cmd.name)) {
    const m = args.findIndex((a) => a.text === '-m');
    if (m >= 0 && /^pip(\d+(\.\d+)?)?$/.test(args[m + 1]?.text ?? ''))
      return { manager: 'pip', args: args.slice(m + 2) };
  }
  return undefined;
}

export function packageCommand(cmd: Command): PackageCommand | undefined {
  const found = manager(cmd);
  if (!found) return undefined;
  const valued = VALUED[found.manager];
  const options: string[] = [];
  const positional: Word[] = [];
  const args = found.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.text === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.text.startsWith('-') && a.text.length > 1) {
      options.push(a.text);
      // The value too: `-o APT::Install-Recommends=false` matters.
      if (valued.has(a.text) && i + 1 < args.length) options.push(args[++i]!.text);
    } else positional.push(a);
  }
  const [sub, ...packages] = positional;
  if (!sub || sub.dynamic) return undefined;
  return { manager: found.manager, sub: sub.text === 'in' ? 'install' : sub.text, options, packages };
}

/** Every package manager command of a RUN. */
export function packageCommands(commands: readonly Command[]): PackageCommand[] {
  return commands.map(packageCommand).filter((p): p is PackageCommand => p !== undefined);
}

export const isInstall = (p: PackageCommand) =>
  p.sub === 'install' || (p.manager === 'apk' && p.sub === 'add');

/** Whether the option (or a short flag cluster containing it, like `-qy`) was given. */
export function hasOption(p: PackageCommand, long: string, short?: string): boolean {
  return p.options.some(
    (o) =>
      o === long ||
      o.startsWith(`${long}=`) ||
      (short !== undefined && /^-[a-zA-Z]+$/.test(o) && o.includes(short)),
  );
}

/** A cache or tmpfs mount of the RUN over `dir`: what is written there never reaches the image. */
export function mountsOver(ins: DockerInstruction, dir: RegExp): boolean {
  return ins.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && dir.test(m.target ?? ''));
}

/** An `rm` of `dir` (or of everything in it) among the commands. */
export function removes(commands: readonly Command[], dir: RegExp): boolean {
  return commands.some((c) => c.name === 'rm' && c.argv.some((a) => dir.test(a.text)));
}
