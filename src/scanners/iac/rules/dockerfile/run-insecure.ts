import { DOCKERFILE_REFERENCE } from './refs.js';
import { at, dockerfileRule, each, stageOf } from './stage.js';

export const dockerfileRunInsecure = dockerfileRule({
  id: 'iac/dockerfile-run-insecure',
  title: 'RUN --security=insecure runs a build step privileged',
  description:
    '`RUN --security=insecure` runs the step without the sandbox: the equivalent of `docker run --privileged`, ' +
    'with all capabilities and host devices. A compromised dependency or script in that step controls the ' +
    'build host, its credentials and every other build on it.',
  severity: 'high',
  cis: [],
  nist: ['AC-6', 'SC-39'],
  cwe: ['CWE-250'],
  remediation:
    'Remove the flag and do the privileged work outside the image build:\n\n```dockerfile\nRUN make install\n```',
  references: [`${DOCKERFILE_REFERENCE}#run---security`],
  *check(r) {
    const stage = stageOf(r);
    for (const [ins, i] of each(stage, 'RUN'))
      if (ins.flags.security?.includes('insecure'))
        yield at(stage, i, 'RUN --security=insecure runs privileged');
  },
});
