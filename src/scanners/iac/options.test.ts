import { describe, expect, it } from 'vitest';
import { isDisabled, parseIacOptions } from './options.js';

describe('iac options', () => {
  it('defaults to no disabled rules', () => {
    expect(parseIacOptions(undefined)).toEqual({ disable: [] });
  });
  it('names the key of a mistake', () => {
    expect(() => parseIacOptions({ disabled: ['x'] })).toThrow(/iac: unknown key\(s\) 'disabled'/);
  });
  it('matches rule ids with or without the iac/ prefix', () => {
    expect(isDisabled('iac/k8s-host-pid', ['k8s-host-pid'])).toBe(true);
    expect(isDisabled('iac/k8s-host-pid', ['iac/k8s-host-pid'])).toBe(true);
    expect(isDisabled('acme/s3-owner-tag', ['acme/s3-owner-tag'])).toBe(true);
    expect(isDisabled('iac/k8s-host-pid', ['k8s-host'])).toBe(false);
  });
});
