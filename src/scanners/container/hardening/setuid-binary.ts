import { CIS_DOCKER } from '../../iac/rules/dockerfile/refs.js';
import type { FsEntry, LayeredFs } from '../image/index.js';
import { describeOrigin, layerOrigin } from './origin.js';
import { hardeningRule } from './rule.js';
import type { HardeningCheck, HardeningInput, HardeningResult } from './types.js';

const rule = hardeningRule({
  id: 'container/setuid-binary',
  title: 'Unusual setuid or setgid program in the image',
  description:
    'A file in the image has the setuid or setgid bit and is not one of the account and login tools ' +
    'distributions ship that way (su, passwd, chsh, chfn, newgrp, gpasswd, mount, umount, sudo, ping, the ' +
    'shadow helpers...). Whoever runs it gets the owner’s (usually root’s) privileges for as long as it ' +
    'runs, so a bug in it, or a way to make it run something else, turns the unprivileged user of the ' +
    'container into root. CIS Docker 4.8 asks for all setuid and setgid bits to be removed; the usual ones are ' +
    'left out of this rule (they are maintained by the distribution and check their caller themselves) so ' +
    'that the unusual ones stand out. The allow-list is by exact path: a copy of `su` elsewhere is reported. ' +
    'Setuid root is medium, setgid or setuid to another user low.',
  severity: 'medium',
  cis: ['cis-docker:4.8'],
  nist: ['AC-6', 'CM-7'],
  cwe: ['CWE-250'],
  remediation:
    'Remove the bit from the program (or from everything, as CIS 4.8 recommends) in the last stage:\n\n' +
    '```dockerfile\nRUN chmod u-s,g-s /usr/local/bin/tool\n# or: RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +\n```\n\n' +
    'If the program needs one privilege, give it that capability instead (`setcap cap_net_raw+ep`).',
  references: ['https://man7.org/linux/man-pages/man7/credentials.7.html', CIS_DOCKER],
});

/**
 * The setuid/setgid programs Debian/Ubuntu, Alpine and the RHEL family install in their base
 * images or with their common packages (shadow, util-linux, iputils, sudo, openssh-client, cron,
 * dbus, libutempter, mlocate), Ubuntu's pam_extrausers included. Listed in the directories their
 * packages put them in, with and without merged /usr.
 */
const USUAL_PROGRAMS = (
  'su passwd chsh chfn newgrp gpasswd chage expiry mount umount sudo sudoedit ping ping6 wall write ' +
  'bsd-write crontab ssh-agent dotlockfile unix_chkpwd pam_extrausers_chkpwd pam_timestamp_check mlocate plocate'
).split(' ');
const USUAL_PATHS = new Set([
  ...['bin', 'sbin', 'usr/bin', 'usr/sbin'].flatMap((dir) => USUAL_PROGRAMS.map((p) => `${dir}/${p}`)),
  'usr/lib/openssh/ssh-keysign',
  'usr/libexec/openssh/ssh-keysign',
  'usr/lib/dbus-1.0/dbus-daemon-launch-helper',
  'usr/libexec/dbus-1/dbus-daemon-launch-helper',
  'usr/libexec/utempter/utempter',
]);

/** Debian's libutempter0 lives under the multiarch directory (`usr/lib/x86_64-linux-gnu`). */
const MULTIARCH_UTEMPTER = /^usr\/lib\/[a-z0-9_]+-linux-gnu[a-z]*\/utempter\/utempter$/;
const isUsual = (path: string) => USUAL_PATHS.has(path) || MULTIARCH_UTEMPTER.test(path);

const SPECIAL = 0o6000;

/** A hard link is the same file as its target: judged once, under the target's name. */
function isSecondName(fs: LayeredFs, e: FsEntry): boolean {
  if (e.type !== 'hardlink' || e.linkTarget === undefined) return false;
  const target = fs.get(e.linkTarget);
  return target !== undefined && (target.mode & SPECIAL) !== 0;
}

function privilege(e: FsEntry): { what: string; setuidRoot: boolean } {
  const mode = (e.mode & 0o7777).toString(8).padStart(4, '0');
  const uid = (e.mode & 0o4000) !== 0 ? [`setuid ${e.uid === 0 ? 'root' : `uid ${e.uid}`}`] : [];
  const gid = (e.mode & 0o2000) !== 0 ? [`setgid ${e.gid === 0 ? 'root' : `gid ${e.gid}`}`] : [];
  return {
    what: `${[...uid, ...gid].join(' and ')} (mode ${mode})`,
    setuidRoot: uid.length > 0 && e.uid === 0,
  };
}

function result(input: HardeningInput, e: FsEntry): HardeningResult {
  const origin = layerOrigin(input, e.layer);
  const { what, setuidRoot } = privilege(e);
  return {
    ruleId: rule.id,
    message: `${e.path} is ${what}, written by ${describeOrigin(origin)}: whoever runs it gets its owner's privileges`,
    location: e.path,
    key: e.path,
    ...(setuidRoot ? {} : { severity: 'low' as const }),
    ...origin,
  };
}

export const setuidBinary: HardeningCheck = {
  rule,
  check(input) {
    const out: HardeningResult[] = [];
    for (const e of input.fs.entries()) {
      if ((e.type !== 'file' && e.type !== 'hardlink') || (e.mode & SPECIAL) === 0) continue;
      if (!isUsual(e.path) && !isSecondName(input.fs, e)) out.push(result(input, e));
    }
    return out;
  },
};
