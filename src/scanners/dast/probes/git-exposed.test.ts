import { describe, expect, it } from 'vitest';
import { gitExposed } from './git-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

const CONFIG =
  '[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = https://user:s3cr3t-token@git.example/x.git\n';

describe('git-exposed', () => {
  it('confirms HEAD and config by content', async () => {
    const hits = await gitExposed.run(
      await siteContext({ '/.git/HEAD': text('ref: refs/heads/main\n'), '/.git/config': text(CONFIG) }),
    );
    expect(hits.map((h) => h.evidence)).toEqual(['ref: refs/heads/main', '[core] [remote "origin"]']);
    expect(JSON.stringify(hits.map((h) => [h.message, h.evidence]))).not.toContain('s3cr3t');
  });

  it('accepts a detached HEAD', async () => {
    const hits = await gitExposed.run(await siteContext({ '/.git/HEAD': text(`${'a1'.repeat(20)}\n`) }));
    expect(hits).toHaveLength(1);
  });

  it('does not report a soft-404, a 200 of other content or a 403', async () => {
    expect(await gitExposed.run(await siteContext({}))).toEqual([]);
    expect(
      await gitExposed.run(
        await siteContext({
          '/.git/HEAD': text('<html><body>ref: refs/heads/main</body></html>', 'text/html'),
          '/.git/config': { status: 403, ...text(CONFIG) },
        }),
      ),
    ).toEqual([]);
  });
});
