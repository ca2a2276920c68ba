import { describe, expect, it } from 'vitest';
import { type IacResource, lineOf } from '../model.js';
import { composeParser, parseCompose } from './compose.js';

const parse = (text: string) => parseCompose({ path: 'compose.yaml', text });
const services = (text: string): IacResource[] => parse(text).documents[0]?.resources ?? [];
const byName = (text: string) => Object.fromEntries(services(text).map((r) => [r.name, r]));

describe('compose parser: files it takes', () => {
  it.each([
    ['compose.yaml', true],
    ['deploy/docker-compose.yml', true],
    ['docker-compose.prod.yaml', true],
    ['Docker-Compose.override.YML', true],
    ['k8s/deployment.yaml', false],
    ['compose.json', false],
  ])('claims %s → %s', (path, claimed) => expect(composeParser.claims(path)).toBe(claimed));

  it('accepts only files with a top-level services key', () => {
    expect(composeParser.accepts!('version: "3"\nservices:\n  a: {}\n', 'compose.yaml')).toBe(true);
    expect(composeParser.accepts!('volumes:\n  data: {}\n', 'compose.yaml')).toBe(false);
    expect(composeParser.accepts!('x:\n  services:\n', 'compose.yaml')).toBe(false);
  });
});

describe('compose parser: services', () => {
  const text = [
    'services:', // 1
    '  web:', // 2
    '    image: nginx:1.27', // 3
    '    ports:', // 4
    '      - "80:80"', // 5
    '    environment:', // 6
    '      - MODE=prod', // 7
    '      - TOKEN=${TOKEN:-dev}', // 8
    '  db:', // 9
    '    image: postgres:16', // 10
    '    environment:', // 11
    '      POSTGRES_DB: app', // 12
    'volumes:', // 13
    '  data: {}', // 14
  ].join('\n');

  it('makes one resource per service with its lines', () => {
    expect(services(text).map((r) => [r.type, r.platform, r.address, r.line, r.endLine])).toEqual([
      ['compose-service', 'compose', 'services.web', 2, 8],
      ['compose-service', 'compose', 'services.db', 9, 12],
    ]);
  });

  it('keeps environment as written (list or map) and interpolation as text', () => {
    const { web, db } = byName(text);
    expect(web!.value.environment).toEqual(['MODE=prod', 'TOKEN=${TOKEN:-dev}']);
    expect(db!.value.environment).toEqual({ POSTGRES_DB: 'app' });
  });

  it('records the line of every key and item, and the service line for a missing one', () => {
    const { web, db } = byName(text);
    expect(lineOf(web!, ['ports', 0])).toBe(5);
    expect(lineOf(web!, ['environment', 1])).toBe(8);
    expect(lineOf(db!, ['environment', 'POSTGRES_DB'])).toBe(12);
    expect(lineOf(db!, ['privileged'])).toBe(9);
  });

  it('expands anchors and merge keys', () => {
    const yaml = [
      'x-common: &common',
      '  restart: always',
      '  security_opt: [no-new-privileges:true]',
      'services:',
      '  a:',
      '    <<: *common',
      '    image: a:1',
      '    restart: "no"',
    ].join('\n');
    expect(byName(yaml).a!.value).toEqual({
      restart: 'no',
      security_opt: ['no-new-privileges:true'],
      image: 'a:1',
    });
  });
});

describe('compose parser: extends', () => {
  const text = [
    'services:', // 1
    '  base:', // 2
    '    image: app:1', // 3
    '    command: ["serve"]', // 4
    '    privileged: true', // 5
    '    environment:', // 6
    '      - A=1', // 7
    '      - B=2', // 8
    '    ports: ["8080:8080"]', // 9
    '    volumes:', // 10
    '      - ./a:/data', // 11
    '  mid:', // 12
    '    extends: base', // 13
    '    environment:', // 14
    '      B: 3', // 15
    '  top:', // 16
    '    extends:', // 17
    '      service: mid', // 18
    '    command: ["work"]', // 19
    '    ports: ["9090:9090"]', // 20
    '    volumes:', // 21
    '      - ./b:/data', // 22
  ].join('\n');

  it('merges what a service extends, following chains, by the compose merge rules', () => {
    const { top } = byName(text);
    expect(top!.value).toEqual({
      image: 'app:1',
      command: ['work'],
      privileged: true,
      environment: { A: '1', B: 3 },
      ports: ['8080:8080', '9090:9090'],
      volumes: ['./b:/data'],
    });
  });

  it('points inherited settings at the extending service’s own `extends:` line', () => {
    const { mid, top } = byName(text);
    expect(lineOf(mid!, ['privileged'])).toBe(13);
    expect(lineOf(mid!, ['environment', 'B'])).toBe(15);
    expect(lineOf(top!, ['privileged'])).toBe(17);
    expect(lineOf(top!, ['ports', 1])).toBe(20);
    expect(lineOf(top!, ['command'])).toBe(19);
  });

  it('reports cycles, unknown bases and other files without failing', () => {
    const yaml = [
      'services:',
      '  a:',
      '    extends: b',
      '  b:',
      '    extends: a',
      '  c:',
      '    extends: nowhere',
      '  d:',
      '    extends:',
      '      file: common.yaml',
      '      service: web',
      '    image: d:1',
    ].join('\n');
    const r = parse(yaml);
    expect(r.diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'compose-extends', 5],
      ['warning', 'compose-extends', 7],
      ['info', 'compose-extends', 9],
    ]);
    expect(r.documents[0]!.resources.map((x) => x.address)).toEqual([
      'services.a',
      'services.b',
      'services.c',
      'services.d',
    ]);
  });
});

describe('compose parser: malformed input', () => {
  it('reports a YAML syntax error', () => {
    const r = parse('services:\n  web:\n    image: [unclosed\n');
    expect(r.documents).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ level: 'error', code: 'syntax-error' });
  });

  it('warns when services is not a mapping, and treats an empty service as empty', () => {
    expect(parse('services:\n  - web\n').diagnostics.map((d) => d.code)).toEqual(['compose-services']);
    expect(services('services:\n  web:\n').map((r) => r.value)).toEqual([{}]);
  });

  it('stops an alias bomb', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'services:',
      '  web:',
      '    command: *g',
    ].join('\n');
    const r = parse(bomb);
    expect(r.documents).toEqual([]);
    expect(r.diagnostics[0]!.code).toBe('yaml-alias-limit');
  });
});
