import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { FORMATS, formatNames, getFormat } from './index.js';

describe('format registry', () => {
  it('lists every format once, each with a description and an extension', () => {
    expect(formatNames()).toEqual(['table', 'json', 'sarif', 'junit', 'markdown', 'github']);
    for (const f of FORMATS) {
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.extension).toMatch(/^[a-z]+$/);
    }
  });

  it('finds a format by name', () => {
    expect(getFormat('sarif').name).toBe('sarif');
  });

  it('rejects an unknown name with a usage error listing the valid ones', () => {
    let error: unknown;
    try {
      getFormat('xml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe("unknown format 'xml'");
    expect((error as UserError).hint).toBe('valid formats: table, json, sarif, junit, markdown, github');
  });
});
