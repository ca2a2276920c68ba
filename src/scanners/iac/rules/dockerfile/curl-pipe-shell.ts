import { DOCKERFILE_REFERENCE } from './refs.js';
import type { Command } from './shell.js';
import { at, dockerfileRule, runs, script, stageOf } from './stage.js';

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = /^((ba|da|z|k|mk)?sh|ash|python[\d.]*|perl|ruby|node|php)$/;

/** The option that gives the program on the command line instead of stdin. */
function codeOption(name: string): RegExp {
  if (/sh$/.test(name)) return /^-[a-zA-Z]*c[a-zA-Z]*$/;
  if (name.startsWith('python')) return /^-[cm]/;
  return /^-[a-zA-Z]*e$/;
}

/** Whether the interpreter reads its program from stdin: no inline code and no script file. */
function runsStdin(cmd: Command): boolean {
  const code = codeOption(cmd.name);
  for (const a of cmd.argv.slice(1)) {
    if (a.text === '-' || a.text === '-s' || a.text === '--') return true;
    if (code.test(a.text) || !a.text.startsWith('-')) return false;
  }
  return true;
}

/** `sh -c "$(curl …)"`, `bash <(wget -O- …)`, `source <(curl …)`. */
const SUBSTITUTED =
  /\b(?:(?:ba|da|z|k)?sh|source)\s+(?:-\w+\s+)*(?:["']?\$\(|<\()\s*(?:curl|wget)\b|(?:^|[\s;&|])\.\s+<\(\s*(?:curl|wget)\b/;

function pipesDownload(commands: Command[]): boolean {
  return commands.some(
    (c) =>
      c.stage > 0 &&
      INTERPRETERS.test(c.name) &&
      runsStdin(c) &&
      commands.some((d) => d.pipeline === c.pipeline && d.stage < c.stage && DOWNLOADERS.has(d.name)),
  );
}

export const dockerfileCurlPipeShell = dockerfileRule({
  id: 'iac/dockerfile-curl-pipe-shell',
  title: 'Remote script piped into a shell',
  description:
    '`curl … | sh` runs whatever the server sends, with the privileges of the build, and leaves no copy to ' +
    'review: a compromised or hijacked download site, or a script that changed since it was read, executes ' +
    'in the build and lands in the image. A partial download can also run half a script.',
  severity: 'medium',
  cis: [],
  nist: ['SI-7', 'SR-11'],
  cwe: ['CWE-494'],
  remediation:
    'Download to a file, verify its checksum (or signature), then run it:\n\n```dockerfile\n' +
    'RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n' +
    '  && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \\\n  && sh /tmp/install.sh && rm /tmp/install.sh\n```',
  references: [`${DOCKERFILE_REFERENCE}#run`, 'https://cwe.mitre.org/data/definitions/494.html'],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i, commands] of runs(stage)) {
      if (pipesDownload(commands) || SUBSTITUTED.test(script(ins) ?? ''))
        yield at(stage, i, 'RUN pipes a downloaded script into an interpreter without verifying it');
    }
  },
});
