import { DOCKERFILE_REFERENCE } from './refs.js';
import type { Command } from './shell.js';
import { at, dockerfileRule, runs, stageOf } from './stage.js';

/** Octal mode giving others write permission, not counting sticky directories like `1777` (/tmp). */
function octalWorldWritable(mode: string): boolean {
  const digits = mode.length === 4 ? mode : `0${mode}`;
  return (Number(digits[3]) & 2) !== 0 && (Number(digits[0]) & 1) === 0;
}

/** Symbolic mode adding write for others: `o+w`, `a+rwx`, `ugo=rwx`. */
const symbolicWorldWritable = (mode: string) =>
  mode.split(',').some((clause) => /^[ugo]*[ao][ugoa]*[+=][rwxXst]*w/.test(clause));

/** The mode of a chmod, or undefined (`--reference`, a variable). */
function worldWritableMode(cmd: Command): string | undefined {
  if (cmd.name !== 'chmod') return undefined;
  const mode = cmd.argv.slice(1).find((a) => !/^-[A-Za-z]+$|^--/.test(a.text));
  if (!mode || mode.dynamic) return undefined;
  const m = mode.text;
  if (/^[0-7]{3,4}$/.test(m) ? octalWorldWritable(m) : symbolicWorldWritable(m)) return m;
  return undefined;
}

export const dockerfileChmodWorldWritable = dockerfileRule({
  id: 'iac/dockerfile-chmod-world-writable',
  title: 'chmod makes files world-writable (777)',
  description:
    '`chmod 777` (or any mode giving "others" write access) lets every user in the container, including a ' +
    'compromised unprivileged process, modify the files: replace binaries or scripts that root later runs, ' +
    'or tamper with configuration. Give ownership to the user that needs it instead.',
  severity: 'medium',
  cis: [],
  nist: ['AC-3', 'AC-6'],
  cwe: ['CWE-732'],
  remediation:
    'Give the files to the user that writes them, with owner-only write:\n\n```dockerfile\n' +
    'COPY --chown=app:app --chmod=755 app/ /srv/app/\n```',
  references: [
    `${DOCKERFILE_REFERENCE}#copy---chown---chmod`,
    'https://cwe.mitre.org/data/definitions/732.html',
  ],
  *check(r) {
    const stage = stageOf(r);
    for (const [, i, commands] of runs(stage)) {
      const mode = commands.map(worldWritableMode).find((m) => m !== undefined);
      if (mode) yield at(stage, i, `chmod ${mode} makes files writable by every user`);
    }
  },
});
