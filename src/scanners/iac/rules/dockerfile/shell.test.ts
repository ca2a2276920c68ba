import { describe, expect, it } from 'vitest';
import { packageCommands } from './packages.js';
import { commands } from './shell.js';

const argv = (script: string) => commands(script).map((c) => c.argv.map((w) => w.text));

describe('RUN shell commands', () => {
  it('splits lists and pipelines, removing quotes', () => {
    const cs = commands(
      `apt-get update && apt-get install -y "curl" 'jq' ; curl -fsSL https://x | sh -s -- --yes`,
    );
    expect(cs.map((c) => [c.name, c.pipeline, c.stage])).toEqual([
      ['apt-get', 0, 0],
      ['apt-get', 1, 0],
      ['curl', 2, 0],
      ['sh', 2, 1],
    ]);
    expect(cs[1]!.argv.map((w) => w.text)).toEqual(['apt-get', 'install', '-y', 'curl', 'jq']);
  });

  it('drops redirections, assignments and wrappers', () => {
    expect(
      argv('DEBIAN_FRONTEND=noninteractive sudo -u root env A=1 apt-get install -y tini > /dev/null 2>&1'),
    ).toEqual([['apt-get', 'install', '-y', 'tini']]);
    expect(commands('sudo make install')[0]).toMatchObject({ name: 'make', sudo: true });
  });

  it('marks words with substitutions as dynamic', () => {
    const [c] = commands('apt-get install -y $PKGS "${EXTRA}" $(cat list) plain');
    expect(c!.argv.slice(3).map((w) => [w.text, w.dynamic])).toEqual([
      ['$PKGS', true],
      ['${EXTRA}', true],
      ['$(cat list)', true],
      ['plain', false],
    ]);
  });

  it('skips comments, control words and here-document bodies', () => {
    const script = [
      'set -eux  # strict',
      'if [ -f /x ]; then apk add --no-cache bash; fi',
      'cat <<CONF > /etc/app.conf',
      'apt-get install not-a-command',
      'CONF',
      'for p in a b; do echo $p; done',
    ].join('\n');
    expect(commands(script).map((c) => c.name)).toEqual(['set', '[', 'apk', 'cat', 'echo']);
  });

  it('joins backslash-newline continuations', () => {
    expect(argv('pip install \\\n  flask==3.0.3')).toEqual([['pip', 'install', 'flask==3.0.3']]);
  });
});

describe('package manager commands', () => {
  it('reads the subcommand, options with values and packages', () => {
    const [apt, apk, pip] = packageCommands(
      commands(
        'apt-get -o Dpkg::Options::=--force-confold -y install --no-install-recommends curl=8 && apk add --virtual .deps gcc && python3 -m pip install -r req.txt flask',
      ),
    );
    expect(apt).toMatchObject({ manager: 'apt', sub: 'install' });
    expect(apt!.packages.map((w) => w.text)).toEqual(['curl=8']);
    expect(apk!.packages.map((w) => w.text)).toEqual(['gcc']);
    expect(pip).toMatchObject({ manager: 'pip', sub: 'install' });
    expect(pip!.packages.map((w) => w.text)).toEqual(['flask']);
  });

  it('normalises `zypper in` to install', () => {
    expect(packageCommands(commands('zypper -n in curl'))[0]).toMatchObject({
      manager: 'yum',
      sub: 'install',
    });
  });
});
