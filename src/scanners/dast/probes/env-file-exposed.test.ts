import { describe, expect, it } from 'vitest';
import { envFileExposed, parseEnv, redactedEntry } from './env-file-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

const ENV =
  '# production\nAPP_ENV=production\nDB_PASSWORD="correct-horse-battery-staple"\nexport API_KEY=sk_live_0123456789abcdef\n\nDEBUG=\n';

describe('parseEnv', () => {
  it('reads dotenv assignments', () => {
    expect(parseEnv(ENV)?.map((e) => e.key)).toEqual(['APP_ENV', 'DB_PASSWORD', 'API_KEY', 'DEBUG']);
    expect(parseEnv(ENV)?.[1]?.value).toBe('correct-horse-battery-staple');
  });

  it('refuses HTML, prose and a single line', () => {
    expect(parseEnv('<!doctype html><p>APP_ENV=production</p>\nA_B=1')).toBeUndefined();
    expect(parseEnv('FOO=1')).toBeUndefined();
    expect(parseEnv('Set DB_HOST=x in your file.\nThen restart.\nAnd check.\nNOTE=see docs')).toBeUndefined();
  });

  it('redacts to the key and four characters at most', () => {
    expect(redactedEntry({ key: 'DB_PASSWORD', value: 'correct-horse-battery-staple' })).toBe(
      'DB_PASSWORD=corr…',
    );
    expect(redactedEntry({ key: 'PIN', value: '1234' })).toBe('PIN=…');
    expect(redactedEntry({ key: 'EMPTY', value: '' })).toBe('EMPTY=');
  });
});

describe('env-file-exposed', () => {
  it('confirms an .env file and keeps its values out of the finding', async () => {
    const hits = await envFileExposed.run(
      await siteContext({ '/.env': text(ENV, 'application/octet-stream') }),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/secrets among them \(DB_PASSWORD, API_KEY\)/);
    const shown = `${hits[0]?.message}\n${hits[0]?.evidence}`;
    expect(shown).not.toContain('horse');
    expect(shown).not.toContain('0123456789');
  });

  it('does not report soft-404s, HTML pages or a file without a Content-Type that is HTML', async () => {
    expect(await envFileExposed.run(await siteContext({}))).toEqual([]);
    expect(
      await envFileExposed.run(
        await siteContext({
          '/.env': text('APP_ENV=production\nDB_HOST=x\n', 'text/html'),
          '/.env.local': { headers: {}, body: '<html><body>APP_ENV=production\nDB_HOST=x</body></html>' },
        }),
      ),
    ).toEqual([]);
  });
});
