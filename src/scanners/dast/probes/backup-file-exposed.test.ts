import { describe, expect, it } from 'vitest';
import { exchange } from '../testing/exchange.js';
import { backupFileExposed, identify } from './backup-file-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

const zip = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(22),
  Buffer.from([6, 0, 0, 0]),
  Buffer.from('db.sql'),
]);

describe('identify', () => {
  it('recognises archives, dumps and PHP source', () => {
    expect(identify(exchange(text(zip, 'application/zip')))?.detail).toBe('zip archive, first entry db.sql');
    expect(identify(exchange(text(Buffer.from([0x1f, 0x8b, 0x08, 0]), 'application/gzip')))?.kind).toBe(
      'a gzip file',
    );
    const tar = Buffer.alloc(512);
    tar.write('ustar', 257, 'latin1');
    expect(identify(exchange(text(tar, '')))?.kind).toBe('a tar archive');
    expect(
      identify(exchange(text('-- dump\nCREATE TABLE `users` (id int);\nINSERT INTO `users` VALUES (1);\n')))
        ?.detail,
    ).toBe('SQL dump: 2 statements on users');
    expect(identify(exchange(text("<?php\n$pw = 'hunter2';\n", 'application/octet-stream')))?.detail).toBe(
      'PHP source, 3 lines (starts with <?php)',
    );
  });

  it('does not take pages about SQL or PHP for files', () => {
    expect(identify(exchange(text('<!doctype html><pre>CREATE TABLE x</pre>', 'text/html')))).toBeUndefined();
    expect(
      identify(exchange(text('<!doctype html><pre>\nCREATE TABLE x</pre>', 'text/plain'))),
    ).toBeUndefined();
    expect(identify(exchange(text('How to write <?php tags', 'text/plain')))).toBeUndefined();
    expect(identify(exchange(text('', 'application/zip')))).toBeUndefined();
  });
});

describe('backup-file-exposed', () => {
  it('reports the files found, and nothing on a soft-404 site', async () => {
    const hits = await backupFileExposed.run(
      await siteContext({ '/backup.zip': text(zip, 'application/zip'), '/db.sql': 'fail' }),
    );
    expect(hits.map((h) => h.message)).toEqual(['`backup.zip` is downloadable: a zip archive']);
    expect(await backupFileExposed.run(await siteContext({}))).toEqual([]);
  });
});
