import { describe, expect, it } from 'vitest';
import {
  field,
  lineAt,
  parseJson,
  stringField,
  stringMap,
  stripTrailingCommas,
  topLevelObject,
} from './json-input.js';
import { LockfileError } from './parser.js';

describe('parseJson', () => {
  it('accepts a byte-order mark and reports errors with their line, without quoting the input', () => {
    expect(parseJson('\ufeff{"a": 1}')).toEqual({ a: 1 });
    try {
      parseJson('{\n"a": 1,\n"b" 2}');
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(LockfileError);
      expect((e as LockfileError).line).toBe(3);
    }
    expect(() => parseJson('secret-token-value')).toThrow(/^not valid JSON: Unexpected token 's'$/);
    expect(() => parseJson('  \n ')).toThrow(/empty/);
  });

  it('parses deep nesting without overflowing the stack', () => {
    expect(() => parseJson(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).not.toThrow();
  });
});

describe('reading parsed values', () => {
  it('reads own properties only', () => {
    const obj = JSON.parse('{"a": "x", "n": 8, "__proto__": "p"}');
    expect(field(obj, 'constructor')).toBeUndefined();
    expect(field(obj, 'toString')).toBeUndefined();
    expect(field(obj, '__proto__')).toBe('p');
    expect(stringField(obj, 'n')).toBe('8');
    expect(stringField([1], '0')).toBeUndefined();
    expect(stringMap({ a: '1', b: 2, c: '3' })).toEqual([
      ['a', '1'],
      ['c', '3'],
    ]);
  });

  it('wants an object at the top level', () => {
    expect(topLevelObject(null)).toEqual({});
    expect(() => topLevelObject('text')).toThrow(/found a string/);
    expect(() => topLevelObject([])).toThrow(/found a list/);
  });

  it('counts lines', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});

describe('stripTrailingCommas', () => {
  it('removes commas before closing brackets, across whitespace, outside strings', () => {
    expect(stripTrailingCommas('{"a": [1, 2,\n ],\n "b": "x,}", "c": "\\",]",\n}')).toBe(
      '{"a": [1, 2\n ],\n "b": "x,}", "c": "\\",]"\n}',
    );
    expect(JSON.parse(stripTrailingCommas('[1,]'))).toEqual([1]);
  });

  it('leaves invalid JSON invalid', () => {
    expect(() => JSON.parse(stripTrailingCommas('[1,,]'))).toThrow();
    expect(() => JSON.parse(stripTrailingCommas('{,}'))).toThrow();
    expect(() => JSON.parse(stripTrailingCommas('[,]'))).toThrow();
  });
});
