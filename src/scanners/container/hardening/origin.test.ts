import { describe, expect, it } from 'vitest';
import { describeOrigin, dockerfileLine } from './origin.js';

describe('dockerfileLine', () => {
  it('gives back the Dockerfile line of both builders’ history steps', () => {
    expect(dockerfileLine('/bin/sh -c #(nop)  USER app')).toBe('USER app');
    expect(dockerfileLine('/bin/sh -c #(nop) ADD file:33eb in / ')).toBe('ADD file:33eb in /');
    expect(dockerfileLine('/bin/sh -c apt-get update')).toBe('RUN apt-get update');
    expect(dockerfileLine('|1 TOKEN=x /bin/sh -c make')).toBe('RUN make');
    expect(dockerfileLine('RUN /bin/sh -c npm ci # buildkit')).toBe('RUN npm ci');
    expect(dockerfileLine('RUN |2 A=1 B=2 /bin/sh -c npm ci # buildkit')).toBe('RUN npm ci');
    expect(dockerfileLine('COPY /app /app # buildkit')).toBe('COPY /app /app');
    expect(dockerfileLine("# debian.sh --arch 'amd64' out/ 'bookworm'")).toBe(
      "# debian.sh --arch 'amd64' out/ 'bookworm'",
    );
  });
});

describe('describeOrigin', () => {
  it('names the layer and its line, cut to a readable length', () => {
    expect(describeOrigin({ layer: 2, createdBy: 'RUN /bin/sh -c make # buildkit' })).toBe(
      'layer 2 (RUN make)',
    );
    expect(describeOrigin({ layer: 0 })).toBe('layer 0');
    const long = describeOrigin({ layer: 1, createdBy: `/bin/sh -c ${'x'.repeat(300)}` });
    expect(long).toHaveLength('layer 1 ()'.length + 120);
    expect(long.endsWith('…)')).toBe(true);
  });

  it('names the step that set a config field, or says none is recorded', () => {
    expect(describeOrigin({ createdBy: 'USER root' })).toBe('USER root');
    expect(describeOrigin({})).toBe('the base image or an unrecorded step');
  });
});
