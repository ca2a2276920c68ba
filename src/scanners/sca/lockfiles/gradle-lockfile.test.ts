import { describe, expect, it } from 'vitest';
import { gradleLockfileParser as parser } from './gradle-lockfile.js';
import { type LockfileInput, MAX_LOCKFILE_BYTES } from './parser.js';

function input(text: string, path = 'app/gradle.lockfile'): LockfileInput {
  return { path, text, readFile: () => undefined };
}

const LOCK = `# This is a Gradle generated file for dependency locking.
# Manual edits can break the build and are not advised.
# This file is expected to be part of source control.
com.google.guava:guava:32.1.3-jre=compileClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath
junit:junit:4.13.2=testCompileClasspath,testRuntimeClasspath
org.projectlombok:lombok:1.18.30=annotationProcessor
empty=incomingCatalogForLibs0,signatures
`;

describe('gradle.lockfile parser', () => {
  it('matches gradle.lockfile and legacy per-configuration lockfiles', () => {
    expect(parser.matches('gradle.lockfile')).toBe(true);
    expect(parser.matches('sub/gradle.lockfile')).toBe(true);
    expect(parser.matches('gradle/dependency-locks/compileClasspath.lockfile')).toBe(true);
    expect(parser.matches('other.lockfile')).toBe(false);
  });

  it('reads each module with its configurations; only test configurations make it dev', () => {
    const { packages, warnings } = parser.parse(input(LOCK));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.key, p.name, p.version, p.dev, p.source.line])).toEqual([
      ['com.google.guava:guava:32.1.3-jre', 'com.google.guava:guava', '32.1.3-jre', false, 4],
      ['junit:junit:4.13.2', 'junit:junit', '4.13.2', true, 5],
      ['org.projectlombok:lombok:1.18.30', 'org.projectlombok:lombok', '1.18.30', false, 6],
    ]);
    expect(packages[1]!.groups).toEqual(['testCompileClasspath', 'testRuntimeClasspath']);
    expect(packages.every((p) => p.ecosystem === 'Maven' && p.resolved && p.direct === undefined)).toBe(true);
    expect(packages[0]!.purl).toContain('guava');
  });

  it('takes the configuration of a legacy lockfile from its file name', () => {
    const { packages } = parser.parse(
      input('# comment\njunit:junit:4.12\n', 'gradle/dependency-locks/testRuntimeClasspath.lockfile'),
    );
    expect(packages.map((p) => [p.name, p.groups, p.dev])).toEqual([
      ['junit:junit', ['testRuntimeClasspath'], true],
    ]);
  });

  it('merges a module listed twice and returns nothing for comment-only or empty lockfiles', () => {
    const { packages } = parser.parse(input('a:b:1=compileClasspath\na:b:1=testRuntimeClasspath\n'));
    expect(packages.map((p) => [p.key, p.groups, p.dev])).toEqual([
      ['a:b:1', ['compileClasspath', 'testRuntimeClasspath'], false],
    ]);
    expect(parser.parse(input('# only\n# comments\n'))).toEqual({ packages: [], warnings: [] });
    expect(parser.parse(input('empty=\n'))).toEqual({ packages: [], warnings: [] });
  });

  it('skips malformed and truncated lines with a warning naming the line', () => {
    const text = '>>>\n////\na:b:1=compileClasspath\n      a\na:b\nx:y:z:w=c\nc:d:2=runtime';
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => p.key)).toEqual(['a:b:1', 'c:d:2']);
    expect(warnings.map((w) => w.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('refuses oversized text and stays linear on long lines', () => {
    expect(() => parser.parse(input(' '.repeat(MAX_LOCKFILE_BYTES + 1)))).toThrow(/larger than/);
    const started = Date.now();
    parser.parse(input(`a:b:1=${'c,'.repeat(1_000_000)}\n${':'.repeat(1_000_000)}\n`));
    expect(Date.now() - started).toBeLessThan(30_000); // hang guard, not a speed target
  });
});
