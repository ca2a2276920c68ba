import { describe, expect, it } from 'vitest';
import { displayUrl } from './webhooks.js';

describe('displayUrl', () => {
  it('keeps scheme, host and the first path segment, never what may be a credential', () => {
    expect(displayUrl('https://hooks.slack.com/services/T000/B000/XXXXSECRET')).toBe(
      'https://hooks.slack.com/services/***',
    );
    expect(displayUrl('https://user:pw@ci.example.com:8443/hook?token=abc')).toBe(
      'https://ci.example.com:8443/hook?***',
    );
    expect(displayUrl('https://acme.atlassian.net')).toBe('https://acme.atlassian.net');
  });
});
