import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml-source.js';

describe('readYaml', () => {
  it('reads every document of a stream with the line of each key and item', () => {
    const text = [
      '# Source: chart/templates/a.yaml',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: x',
      '---',
      'kind: Service',
    ].join('\n');
    const { docs, diagnostics } = readYaml(text, 'm.yaml');
    expect(diagnostics).toEqual([]);
    expect(docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['Pod', 'Service']);
    const pod = docs[0]!;
    expect(pod.comment).toContain('Source: chart/templates/a.yaml');
    expect(pod.positions.lineOf(['spec', 'containers', 0, 'image'], 0)).toBe(6);
    expect(pod.positions.lineOf(['spec', 'containers', 0, 'securityContext'], 0)).toBe(5);
    expect(docs[1]!.line).toBe(8);
  });

  it('turns CloudFormation short-form tags into their JSON forms', () => {
    const text =
      'a: !Ref Bucket\nb: !GetAtt Role.Arn\nc: !Sub "arn:${AWS::Partition}:s3"\nd: !If [c, x, y]\n';
    expect(readYaml(text, 't.yaml').docs[0]!.value).toEqual({
      a: { Ref: 'Bucket' },
      b: { 'Fn::GetAtt': 'Role.Arn' },
      c: { 'Fn::Sub': 'arn:${AWS::Partition}:s3' },
      d: { 'Fn::If': ['c', 'x', 'y'] },
    });
  });

  it('merges `<<` keys without overriding keys written in place', () => {
    const text = 'base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n';
    expect(readYaml(text, 'c.yaml').docs[0]!.value).toMatchObject({ mine: { x: 1, y: 3 } });
  });

  it('reads JSON with positions', () => {
    const { docs } = readYaml('{\n  "a": {\n    "b": [1,\n 2]\n  }\n}', 'x.json');
    expect(docs[0]!.value).toEqual({ a: { b: [1, 2] } });
    expect(docs[0]!.positions.lineOf(['a', 'b', 1], 0)).toBe(4);
  });

  it('stops an alias bomb with a diagnostic and keeps the other documents', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      rows.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${rows.join('\n')}\n---\nkind: Pod\n`;
    const { docs, diagnostics } = readYaml(text, 'bomb.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(docs.map((d) => d.value)).toEqual([{ kind: 'Pod' }]);
  });

  it('reports a syntax error with its line and keeps the other documents', () => {
    const { docs, diagnostics } = readYaml(
      'kind: Pod\n---\na: [1, 2\nb: c\n---\nkind: Service\n',
      'bad.yaml',
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'syntax-error', path: 'bad.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
    expect(docs.map((d) => d.value)).toEqual([{ kind: 'Pod' }, { kind: 'Service' }]);
  });

  it('survives binary garbage and deep nesting without throwing', () => {
    expect(() => readYaml('\u0000\u0001\u00ff: [\u0002', 'bin.yaml')).not.toThrow();
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const r = readYaml(deep, 'deep.yaml');
    expect(r.docs).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});
