import { describe, expect, it } from 'vitest';
import { detectOs, parseOsRelease } from './os-release.js';
import { fixtureFiles } from './test-fixtures.js';
import type { OsInfo } from './types.js';

function files(entries: Record<string, string>): Map<string, Buffer> {
  return new Map(Object.entries(entries).map(([path, text]) => [path, Buffer.from(text)]));
}

function detect(entries: Record<string, string>): OsInfo {
  const os = detectOs(files(entries));
  if (!os.known) throw new Error('expected a known OS');
  return os;
}

describe('parseOsRelease', () => {
  it('reads quoted, single-quoted and bare values with shell escapes', () => {
    const vars = parseOsRelease(
      [
        '# a comment',
        'NAME="Debian GNU/Linux"',
        "VERSION='12 (bookworm)'",
        'ID=debian',
        'PRETTY_NAME="say \\"hi\\" \\\\ \\$HOME \\`x\\`"',
        'BARE=a\\ b',
        '  INDENTED="yes"',
        'not a variable line',
        'EMPTY=',
      ].join('\r\n'),
    );
    expect(Object.fromEntries(vars)).toEqual({
      NAME: 'Debian GNU/Linux',
      VERSION: '12 (bookworm)',
      ID: 'debian',
      PRETTY_NAME: 'say "hi" \\ $HOME `x`',
      BARE: 'a b',
      INDENTED: 'yes',
      EMPTY: '',
    });
  });

  it('keeps a backslash that escapes nothing inside double quotes, as a shell does', () => {
    expect(parseOsRelease('X="a\\nb"').get('X')).toBe('a\\nb');
  });
});

describe('detectOs from os-release', () => {
  it('reads the Debian 12 fixture (the os-release of this machine)', () => {
    const os = detectOs(fixtureFiles('debian-12'));
    expect(os).toMatchObject({
      known: true,
      id: 'debian',
      versionId: '12',
      versionCodename: 'bookworm',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      family: 'deb',
      ecosystem: 'Debian',
      release: '12',
      distroless: false,
      path: 'etc/os-release',
      purlDistro: 'debian-12',
    });
  });

  it('reads the Alpine 3.20 fixture: release v3.20, purl distro the full version', () => {
    const os = detectOs(fixtureFiles('alpine-3.20'));
    expect(os).toMatchObject({
      id: 'alpine',
      versionId: '3.20.2',
      ecosystem: 'Alpine',
      release: 'v3.20',
      family: 'apk',
      purlDistro: '3.20.2',
    });
  });

  it.each([
    ['ubuntu', '22.04', 'Ubuntu', '22.04', 'ubuntu-22.04'],
    ['ubuntu', '24.04', 'Ubuntu', '24.04', 'ubuntu-24.04'],
    ['rhel', '9.3', 'Red Hat', '9', 'rhel-9.3'],
    ['rocky', '9.3', 'Rocky Linux', '9', 'rocky-9.3'],
    ['almalinux', '8.9', 'AlmaLinux', '8', 'almalinux-8.9'],
    ['amzn', '2', 'Amazon Linux', '2', 'amzn-2'],
    ['amzn', '2023', 'Amazon Linux', '2023', 'amzn-2023'],
    ['amzn', '2018.03', 'Amazon Linux', '1', 'amzn-2018.03'],
    ['alpine', '3.19.1', 'Alpine', 'v3.19', '3.19.1'],
  ])('%s VERSION_ID %s → %s %s', (id, versionId, ecosystem, release, purlDistro) => {
    const os = detect({ 'etc/os-release': `ID=${id}\nVERSION_ID="${versionId}"\n` });
    expect(os).toMatchObject({ id, versionId, ecosystem, release, purlDistro });
  });

  it('says why Debian testing/sid has no release (no VERSION_ID, debian_version trixie/sid)', () => {
    const os = detect({
      'etc/os-release': 'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nID=debian\nVERSION_CODENAME=trixie\n',
      'etc/debian_version': 'trixie/sid\n',
    });
    expect(os.ecosystem).toBe('Debian');
    expect(os.release).toBeUndefined();
    expect(os.releaseNote).toMatch(/testing or unstable/);
    expect(os.purlDistro).toBe('debian-trixie');
  });

  it('takes the release from debian_version when a stable os-release lost VERSION_ID', () => {
    const os = detect({ 'etc/os-release': 'ID=debian\n', 'etc/debian_version': '11.9\n' });
    expect(os).toMatchObject({ versionId: '11', release: '11' });
  });

  it('has no release for Alpine edge', () => {
    const os = detect({
      'etc/os-release': 'ID=alpine\nVERSION_ID=3.21.0_alpha20240807\nPRETTY_NAME="Alpine Linux edge"\n',
    });
    expect(os.release).toBeUndefined();
    expect(os.releaseNote).toMatch(/edge/);
  });

  it('knows the package format of distributions without OSV advisories, from ID or ID_LIKE', () => {
    const fedora = detect({ 'etc/os-release': 'ID=fedora\nVERSION_ID=40\n' });
    expect(fedora).toMatchObject({ family: 'rpm', purlDistro: 'fedora-40' });
    expect(fedora).not.toHaveProperty('ecosystem');
    expect(fedora).not.toHaveProperty('release');
    expect(detect({ 'etc/os-release': 'ID=linuxmint\nID_LIKE="ubuntu debian"\n' }).family).toBe('deb');
    expect(detect({ 'etc/os-release': 'ID=nixos\n' }).family).toBeUndefined();
  });

  it('detects Google distroless by its os-release', () => {
    const os = detect({
      'etc/os-release':
        'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n' +
        'HOME_URL="https://github.com/GoogleContainerTools/distroless"\n',
    });
    expect(os).toMatchObject({ id: 'debian', release: '12', distroless: true, prettyName: 'Distroless' });
  });

  it('detects distroless by a dpkg status.d without a status file', () => {
    const os = detect({ 'etc/os-release': 'ID=debian\nVERSION_ID=12\n', 'var/lib/dpkg/status.d/libc6': 'x' });
    expect(os.distroless).toBe(true);
  });

  it('reads usr/lib/os-release only when etc/os-release is absent', () => {
    const both = { 'etc/os-release': 'ID=ubuntu\nVERSION_ID=22.04\n', 'usr/lib/os-release': 'ID=debian\n' };
    expect(detect(both).id).toBe('ubuntu');
    expect(detect({ 'usr/lib/os-release': 'ID=debian\nVERSION_ID=12\n' }).path).toBe('usr/lib/os-release');
  });
});

describe('detectOs from release files', () => {
  it.each([
    ['etc/alpine-release', '3.18.4\n', 'alpine', 'v3.18'],
    ['etc/debian_version', '12.5\n', 'debian', '12'],
    ['etc/redhat-release', 'Red Hat Enterprise Linux release 9.3 (Plow)\n', 'rhel', '9'],
    ['etc/redhat-release', 'Rocky Linux release 9.3 (Blue Onyx)\n', 'rocky', '9'],
    ['etc/redhat-release', 'AlmaLinux release 8.9 (Midnight Oncilla)\n', 'almalinux', '8'],
    ['etc/system-release', 'Amazon Linux release 2 (Karoo)\n', 'amzn', '2'],
    ['etc/system-release', 'Amazon Linux release 2023.3.20240219 (Amazon Linux)\n', 'amzn', '2023'],
    ['etc/system-release', 'Amazon Linux AMI release 2018.03\n', 'amzn', '1'],
  ])('%s %j', (path, text, id, release) => {
    expect(detect({ [path]: text })).toMatchObject({ id, release, path });
  });

  it('knows CentOS and Fedora but gives them no ecosystem', () => {
    const centos = detect({ 'etc/redhat-release': 'CentOS Linux release 7.9.2009 (Core)\n' });
    expect(centos).toMatchObject({ id: 'centos', versionId: '7.9.2009', family: 'rpm' });
    expect(centos).not.toHaveProperty('ecosystem');
    expect(detect({ 'etc/redhat-release': 'Fedora release 39 (Thirty Nine)\n' })).toMatchObject({
      id: 'fedora',
      versionId: '39',
    });
  });

  it('uses os-release over the release files', () => {
    expect(
      detect({ 'etc/os-release': 'ID=ubuntu\nVERSION_ID=22.04\n', 'etc/debian_version': 'bookworm/sid' }).id,
    ).toBe('ubuntu');
  });

  it('marks a Debian image with status.d and no os-release as distroless', () => {
    expect(detect({ 'etc/debian_version': '12.1', 'var/lib/dpkg/status.d/tzdata': 'x' }).distroless).toBe(
      true,
    );
  });
});

describe('detectOs without an OS', () => {
  it.each([
    ['a scratch image', {}],
    ['an os-release without ID and nothing else', { 'etc/os-release': 'NAME=thing\n' }],
    ['binary garbage', { 'etc/os-release': '\u0000\u0001\u00ff\ufffd' }],
    ['an unknown release line', { 'etc/redhat-release': 'Something else release 1\n' }],
    ['empty release files', { 'etc/alpine-release': '', 'etc/debian_version': '\n' }],
  ])('%s is an unknown OS', (_name, entries) => {
    expect(detectOs(files(entries))).toEqual({ known: false });
  });
});
