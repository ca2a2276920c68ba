import { isGit, isUrl, sources } from './add.js';
import { BEST_PRACTICES, DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, each, stageOf } from './stage.js';

export const dockerfileAddUrl = dockerfileRule({
  id: 'iac/dockerfile-add-url',
  title: 'ADD downloads a remote file without checking its checksum',
  description:
    'ADD <url> fetches whatever the server returns at build time and puts it in the image. Without a checksum ' +
    'a compromised server, a hijacked domain or a man in the middle changes what ships, and nothing in the build ' +
    'notices. Verify the download: `ADD --checksum=sha256:…` (Dockerfile 1.6+), or curl plus a checksum check.',
  severity: 'medium',
  cis: [],
  nist: ['SI-7', 'SR-11'],
  cwe: ['CWE-494'],
  remediation:
    'Pin the content with a checksum:\n\n```dockerfile\n# syntax=docker/dockerfile:1\n' +
    'ADD --checksum=sha256:<sha256> https://example.com/tool.tar.gz /tmp/\n```\n\nor download and verify:\n\n' +
    '```dockerfile\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \\\n' +
    '  && echo "<sha256>  /tmp/tool.tgz" | sha256sum -c -\n```',
  references: [`${DOCKERFILE_REFERENCE}#add---checksum`, `${BEST_PRACTICES}#add-or-copy`],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i] of each(stage, 'ADD')) {
      if (ins.flags.checksum) continue;
      const urls = sources(ins).filter((s) => isUrl(s) && !isGit(s));
      if (urls.length > 0) yield at(stage, i, `ADD ${urls.join(' ')} without --checksum`);
    }
  },
});
