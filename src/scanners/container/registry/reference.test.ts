import { describe, expect, it } from 'vitest';
import { apiHost, formatReference, isLoopbackHost, manifestKey, parseReference } from './reference.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.19', { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' }],
    ['bitnami/redis:7', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7' }],
    ['docker.io/library/node:20', { registry: 'docker.io', repository: 'library/node', tag: '20' }],
    ['index.docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    [
      'registry.example.com/team/app:1.4',
      { registry: 'registry.example.com', repository: 'team/app', tag: '1.4' },
    ],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['127.0.0.1:5000/a/b/c:v1', { registry: '127.0.0.1:5000', repository: 'a/b/c', tag: 'v1' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    [`ghcr.io/o/app@${D}`, { registry: 'ghcr.io', repository: 'o/app', digest: D }],
    [`ghcr.io/o/app:1@${D}`, { registry: 'ghcr.io', repository: 'o/app', tag: '1', digest: D }],
    ['my_org/app__x.y-z', { registry: 'docker.io', repository: 'my_org/app__x.y-z' }],
  ])('%s', (text, want) => {
    expect(parseReference(text)).toEqual(want);
  });

  it.each([
    ['Alpine', 'repository name'],
    ['app:', 'not a valid tag'],
    ['app:-x', 'not a valid tag'],
    [`app@sha256:${'a'.repeat(63)}`, 'digest'],
    ['app@md5:abc', 'digest'],
    ['reg.example.com/', 'repository name'],
    ['reg.example.com//app', 'repository name'],
    ['app/../etc', 'repository name'],
    ['bad_host.example.com:99999999/app', 'registry host'],
    [`r.example.com/${'a'.repeat(300)}`, 'longer than'],
    ['', 'repository name'],
  ])('rejects %s', (text, why) => {
    expect(parseReference(text)).toEqual(expect.stringContaining(why));
  });

  it('formats, keys and finds the API host', () => {
    const hub = parseReference('alpine') as Exclude<ReturnType<typeof parseReference>, string>;
    expect(formatReference(hub)).toBe('docker.io/library/alpine');
    expect(manifestKey(hub)).toBe('latest');
    expect(apiHost(hub)).toBe('registry-1.docker.io');
    const pinned = parseReference(`r.example.com/app:1@${D}`) as typeof hub;
    expect(manifestKey(pinned)).toBe(D);
    expect(formatReference(pinned)).toBe(`r.example.com/app:1@${D}`);
  });

  it('knows loopback hosts', () => {
    for (const h of ['localhost:5000', '127.0.0.1', '127.1.2.3:80', '[::1]:5000'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['registry.example.com', '10.0.0.1:5000', 'localhost.example.com'])
      expect(isLoopbackHost(h)).toBe(false);
  });
});
