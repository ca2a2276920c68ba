import { describe, expect, it } from 'vitest';
import { type IacResource, isUnknown, lineOf } from '../model.js';
import { claimsDockerfile, dockerfileParser, parseDockerfile } from './dockerfile.js';
import type { DockerInstruction, DockerStage } from './dockerfile-types.js';

const parse = (text: string, path = 'Dockerfile') => parseDockerfile({ path, text });
const stages = (text: string): IacResource[] => parse(text).document?.resources ?? [];
const stage = (r: IacResource) => r.value as unknown as DockerStage;
const ins = (text: string, n = 0, s = 0): DockerInstruction => stage(stages(text)[s]!).instructions[n]!;

describe('dockerfile parser: files it claims', () => {
  it.each([
    ['Dockerfile', true],
    ['svc/Containerfile', true],
    ['dockerfile', true],
    ['Dockerfile.prod', true],
    ['build/api.Dockerfile', true],
    ['x.dockerfile', true],
    ['src/parsers/dockerfile.ts', false],
    ['Dockerfile.md', false],
    ['Dockerfile.dockerignore', false],
    ['docker-compose.yml', false],
  ])('%s → %s', (path, claimed) => expect(claimsDockerfile(path)).toBe(claimed));

  it('takes `Dockerfile.*` only when it has a FROM', () => {
    expect(dockerfileParser.accepts!('FROM alpine\n', 'Dockerfile.dev')).toBe(true);
    expect(dockerfileParser.accepts!('some notes\n', 'Dockerfile.notes')).toBe(false);
    expect(dockerfileParser.accepts!('', 'Dockerfile')).toBe(true);
  });
});

describe('dockerfile parser: stages', () => {
  const text = [
    'ARG BASE=node', // 1
    'FROM --platform=$BUILDPLATFORM ${BASE}:20-alpine AS Build', // 2
    'RUN npm ci', // 3
    '', // 4
    'FROM build AS test', // 5
    'RUN npm test', // 6
    '', // 7
    'FROM gcr.io/distroless/nodejs20@sha256:abc123', // 8
    'COPY --from=build /app /app', // 9
  ].join('\n');

  it('makes one resource per stage, named by alias or index', () => {
    const rs = stages(text);
    expect(rs.map((r) => [r.address, r.name, r.line, r.endLine])).toEqual([
      ['stage build', 'build', 2, 3],
      ['stage test', 'test', 5, 6],
      ['stage 2', '2', 8, 9],
    ]);
    expect(rs.map((r) => [r.platform, r.type, stage(r).final])).toEqual([
      ['dockerfile', 'dockerfile', false],
      ['dockerfile', 'dockerfile', false],
      ['dockerfile', 'dockerfile', true],
    ]);
  });

  it('parses the image reference, platform and base stage', () => {
    const [build, test, last] = stages(text).map((r) => stage(r).from);
    expect(build).toMatchObject({ image: 'node', tag: '20-alpine', digest: null, stage: null });
    expect(isUnknown(build!.platform)).toBe(true);
    expect(test).toMatchObject({ image: 'build', tag: null, stage: 'build' });
    expect(last).toMatchObject({ image: 'gcr.io/distroless/nodejs20', tag: null, digest: 'sha256:abc123' });
  });

  it('keeps the global ARGs on the first stage only', () => {
    const rs = stages(text);
    expect(stage(rs[0]!).globalArgs.map((a) => a.pairs)).toEqual([[{ key: 'BASE', value: 'node' }]]);
    expect(stage(rs[1]!).globalArgs).toEqual([]);
  });

  it('reads a registry port as part of the name, not as a tag', () => {
    const from = stage(stages('FROM registry.local:5000/team/app\n')[0]!).from;
    expect(from).toMatchObject({ image: 'registry.local:5000/team/app', tag: null });
  });
});

describe('dockerfile parser: lines', () => {
  it('joins continuation lines, drops comment and blank lines inside them, points at the first line', () => {
    const text = [
      'FROM debian:12', // 1
      'RUN apt-get update \\', // 2
      '  # install tools', // 3
      '  && apt-get install -y curl \\', // 4
      '', // 5
      '  && rm -rf /var/lib/apt/lists/*', // 6
      'USER app', // 7
    ].join('\n');
    const r = stages(text)[0]!;
    const run = stage(r).instructions[0]!;
    expect(run.args).toBe('apt-get update   && apt-get install -y curl   && rm -rf /var/lib/apt/lists/*');
    expect([run.line, run.endLine]).toEqual([2, 6]);
    expect(lineOf(r, ['instructions', 0])).toBe(2);
    expect(lineOf(r, ['instructions', 1])).toBe(7);
  });

  it('treats `#` inside arguments as text and indented comments as comments', () => {
    const text = 'FROM alpine:3\n    # indented comment\nRUN echo "a # b" # not a comment for Docker\n';
    expect(ins(text).args).toBe('echo "a # b" # not a comment for Docker');
  });

  it('accepts CRLF line ends and a BOM', () => {
    const r = stages('\uFEFFFROM alpine:3\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n')[0]!;
    expect(stage(r).instructions.map((i) => [i.cmd, i.args, i.line])).toEqual([
      ['RUN', 'echo a   b', 2],
      ['USER', 'app', 4],
    ]);
  });
});

describe('dockerfile parser: directives', () => {
  it('uses the escape directive for line continuation', () => {
    const text =
      '# escape=`\n\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:\\app\\\nRUN dir `\n  C:\\app\n';
    const s = stage(stages(text)[0]!);
    expect(s.instructions.map((i) => [i.cmd, i.args])).toEqual([
      ['COPY', 'app.exe C:\\app\\'],
      ['RUN', 'dir   C:\\app'],
    ]);
  });

  it('ignores directives after a comment or an unknown directive', () => {
    expect(ins('# comment\n# escape=`\nFROM alpine:3\nRUN a \\\n b\n').args).toBe('a  b');
    expect(ins('# unknown=1\n# escape=`\nFROM alpine:3\nRUN a `\nRUN b\n').args).toBe('a `');
  });

  it('warns about a repeated or invalid directive', () => {
    const twice = parse('# escape=`\n# escape=\\\nFROM alpine:3\n').diagnostics;
    expect(twice.map((d) => d.code)).toEqual(['dockerfile-directive']);
    expect(parse('# escape=x\nFROM alpine:3\n').diagnostics[0]!.message).toContain('invalid escape');
  });
});

describe('dockerfile parser: heredocs', () => {
  it('reads RUN heredoc bodies and where they start', () => {
    const text = 'FROM alpine:3\nRUN <<EOF\nset -e\napk add curl\nEOF\nUSER app\n';
    const r = stages(text)[0]!;
    const run = stage(r).instructions[0]!;
    expect(run.heredocs).toEqual([{ name: 'EOF', body: 'set -e\napk add curl', expand: true, line: 3 }]);
    expect([run.line, run.endLine]).toEqual([2, 5]);
    expect(stage(r).instructions[1]).toMatchObject({ cmd: 'USER', line: 6 });
  });

  it('reads several heredocs, tab stripping and quoted delimiters', () => {
    const text =
      'FROM alpine:3\nRUN <<A cat > /a && <<-"B" cat > /b\none\nA\n\ttwo $X\n\tB\nCOPY <<EOF /etc/motd\nhi\nEOF\n';
    const s = stage(stages(text)[0]!);
    expect(s.instructions[0]!.heredocs).toEqual([
      { name: 'A', body: 'one', expand: true, line: 3 },
      { name: 'B', body: 'two $X', expand: false, line: 5 },
    ]);
    expect(s.instructions[1]).toMatchObject({ cmd: 'COPY', words: ['<<EOF', '/etc/motd'], line: 7 });
  });

  it('does not take `<<` inside quotes or a here-string for a heredoc', () => {
    expect(ins('FROM alpine:3\nRUN echo "<<EOF" && cat <<<"x"\n').heredocs).toEqual([]);
  });

  it('warns about a heredoc that is never closed', () => {
    const r = parse('FROM alpine:3\nRUN <<EOF\necho hi\n');
    expect(r.diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'dockerfile-heredoc', 2],
    ]);
    expect(r.document!.resources).toHaveLength(1);
  });
});

describe('dockerfile parser: forms and flags', () => {
  it('tells exec form from shell form', () => {
    const text = 'FROM alpine:3\nCMD ["node", "app.js"]\nENTRYPOINT node app.js\nRUN [ -f /x ] && echo y\n';
    const s = stage(stages(text)[0]!);
    expect(s.instructions.map((i) => [i.form, i.exec])).toEqual([
      ['exec', ['node', 'app.js']],
      ['shell', null],
      ['shell', null],
    ]);
  });

  it('warns when an exec form is not valid JSON (Docker runs it through a shell)', () => {
    const r = parse(
      'FROM alpine:3\nCMD [\'node\', \'app.js\']\nENTRYPOINT ["node", "x"\nSHELL /bin/bash -c\n',
    );
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['dockerfile-exec-form', 2],
      ['dockerfile-exec-form', 3],
      ['dockerfile-exec-form', 4],
    ]);
  });

  it('reads flags, repeated mounts and bare flags', () => {
    const text = [
      'FROM alpine:3',
      'RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm,dst=/run/secrets/npm npm ci',
      'COPY --from=build --chown=app:app --link /out /app',
    ].join('\n');
    const [run, copy] = stage(stages(text)[0]!).instructions;
    expect(run!.mounts).toEqual([
      { type: 'cache', target: '/root/.cache' },
      { type: 'secret', id: 'npm', target: '/run/secrets/npm' },
    ]);
    expect(run!.args).toBe('npm ci');
    expect(copy!.flags).toEqual({ from: ['build'], chown: ['app:app'], link: ['true'] });
    expect(copy!.words).toEqual(['/out', '/app']);
  });
});

describe('dockerfile parser: variables', () => {
  it('substitutes ARG and ENV values, with defaults and escapes', () => {
    const text = [
      'ARG VERSION=20',
      'FROM node:${VERSION}-alpine',
      'ARG VERSION',
      'ARG DIR=/srv',
      'ENV APP=$DIR/app HOME_DIR=${UNSET_HERE:-/home/app}',
      'WORKDIR ${APP}',
      'COPY \\$literal ${VERSION} /x',
      'LABEL version="v${VERSION}" note=\'$APP\'',
    ].join('\n');
    const s = stage(stages(text)[0]!);
    expect(s.from.tag).toBe('20-alpine');
    const [, , env, workdir, copy, label] = s.instructions;
    expect(env!.pairs[0]).toEqual({ key: 'APP', value: '/srv/app' });
    expect(isUnknown(env!.pairs[1]!.value)).toBe(true); // may come from the base image
    expect(workdir!.args).toBe('/srv/app');
    expect(copy!.words).toEqual(['$literal', '20', '/x']);
    expect(label!.pairs).toEqual([
      { key: 'version', value: 'v20' },
      { key: 'note', value: '$APP' },
    ]);
  });

  it('keeps an unknown variable as written and lists it', () => {
    const text = 'ARG TAG\nFROM python:${TAG:-3.12}\nARG USER_NAME\nUSER ${USER_NAME}\nENV TOKEN=$CI_TOKEN\n';
    const s = stage(stages(text)[0]!);
    expect(isUnknown(s.from.tag)).toBe(true); // TAG may be passed with --build-arg
    const [, user, env] = s.instructions;
    expect(user).toMatchObject({ args: '${USER_NAME}', unresolved: ['USER_NAME'] });
    expect(isUnknown(env!.pairs[0]!.value)).toBe(true);
  });

  it('uses the default of a global ARG nobody declared a value for only in FROM', () => {
    expect(stage(stages('FROM alpine:${V:-3.20}\n')[0]!).from.tag).toBe('3.20');
    expect(stage(stages('FROM alpine:3\nWORKDIR ${V:-/x}\n')[0]!).instructions[0]!.unresolved).toEqual(['V']);
  });

  it('inherits ENV from the stage it builds on', () => {
    const text = 'FROM alpine:3 AS base\nENV DIR=/opt\nFROM base\nWORKDIR $DIR/app\n';
    expect(ins(text, 0, 1).args).toBe('/opt/app');
  });

  it('reads legacy `ENV KEY value` and ARG without default', () => {
    const s = stage(stages('FROM alpine:3\nENV GREETING hello world\nARG TOKEN\n')[0]!);
    expect(s.instructions.map((i) => i.pairs)).toEqual([
      [{ key: 'GREETING', value: 'hello world' }],
      [{ key: 'TOKEN', value: null }],
    ]);
  });
});

describe('dockerfile parser: hostile and malformed input', () => {
  it('reports a file without FROM', () => {
    const r = parse('# just a comment\nRUN echo hi\n');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.level, d.code])).toEqual([
      ['warning', 'dockerfile-before-from'],
      ['error', 'dockerfile-no-from'],
    ]);
  });

  it('skips unknown instructions with a warning and keeps the rest', () => {
    const r = parse('FROM alpine:3\nFOO bar\nUSER app\n');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['dockerfile-unknown-instruction', 2]]);
    expect(stage(r.document!.resources[0]!).instructions.map((i) => i.cmd)).toEqual(['USER']);
  });

  it('refuses binary content and huge files', () => {
    expect(parse('FROM alpine\n\u0000\u0001\u0002').diagnostics[0]!.code).toBe('binary-file');
    expect(parse(`FROM alpine\n${'RUN echo x\n'.repeat(500_000)}`).diagnostics[0]!.code).toBe(
      'file-too-large',
    );
  });

  it('warns about a repeated stage name and keeps addresses unique', () => {
    const r = parse('FROM alpine:3 AS a\nFROM alpine:3 AS a\n');
    expect(r.document!.resources.map((x) => x.address)).toEqual(['stage a', 'stage 1']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['dockerfile-from']);
  });

  it('survives continuation at end of file, unclosed quotes and braces', () => {
    const r = parse('FROM alpine:3\nENV A="unclosed B=${NOPE\nCOPY \'x /y \\');
    expect(r.document!.resources).toHaveLength(1);
  });

  it('never throws on random input', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [
      'FROM ',
      'RUN ',
      'ARG ',
      'ENV ',
      '${',
      '}',
      '$',
      '\\',
      '`',
      '\n',
      '"',
      "'",
      '<<',
      'EOF',
      '[',
      ']',
      ' ',
      ':',
      '@',
      '=',
      '-',
      '#',
      'a',
      '--x=',
      'AS ',
    ];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 60 }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      expect(() => parse(text)).not.toThrow();
    }
  });

  it('parses a large valid file in linear time', () => {
    const text = `FROM alpine:3\n${'RUN echo "x" && \\\n  echo y\n'.repeat(20_000)}`;
    const t0 = performance.now();
    expect(stage(stages(text)[0]!).instructions).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
