import { describe, expect, it } from 'vitest';
import { LockfileError, type LockfileInput, MAX_LOCKFILE_BYTES } from './parser.js';
import { pomXmlParser as parser } from './pom-xml.js';

function input(text: string, files: Record<string, string> = {}, path = 'svc/pom.xml'): LockfileInput {
  return { path, text, readFile: (p) => files[p] };
}

const dep = (g: string, a: string, extra = '') =>
  `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${extra}</dependency>`;

function pom(
  body: string,
  head = '<groupId>com.acme</groupId><artifactId>svc</artifactId><version>1.4.0</version>',
) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n${head}\n${body}\n</project>\n`;
}

function summary(text: string, files: Record<string, string> = {}) {
  const { packages, warnings } = parser.parse(input(text, files));
  return {
    packages: packages.map((p) => [p.name, p.version, p.resolved, p.constraint ?? null]),
    warnings: warnings.map((w) => w.message),
  };
}

describe('pom.xml parser', () => {
  it('matches pom.xml only', () => {
    expect(parser.matches('pom.xml')).toBe(true);
    expect(parser.matches('a/b/pom.xml')).toBe(true);
    expect(parser.matches('pom.properties')).toBe(false);
  });

  it('reports declared dependencies as direct, with scope, type, classifier and line', () => {
    const text = pom(
      `<dependencies>
        ${dep('org.slf4j', 'slf4j-api', '<version>2.0.9</version>')}
        ${dep('junit', 'junit', '<version>4.13.2</version><scope>test</scope>')}
        ${dep('jakarta.servlet', 'jakarta.servlet-api', '<version>6.0.0</version><scope>provided</scope><optional>true</optional>')}
        ${dep('com.acme', 'natives', '<version>1.0</version><type>zip</type><classifier>linux</classifier>')}
      </dependencies>`,
    );
    const { packages, warnings } = parser.parse(input(text));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.key, p.dev, p.groups])).toEqual([
      ['org.slf4j:slf4j-api:jar', false, ['compile']],
      ['junit:junit:jar', true, ['test']],
      ['jakarta.servlet:jakarta.servlet-api:jar', true, ['provided', 'optional']],
      ['com.acme:natives:zip:linux', false, ['compile']],
    ]);
    expect(packages[0]).toMatchObject({
      ecosystem: 'Maven',
      name: 'org.slf4j:slf4j-api',
      version: '2.0.9',
      resolved: true,
      direct: true,
      source: { path: 'svc/pom.xml', line: 5 },
    });
    expect(packages[3]!.purl).toMatch(/classifier=linux/);
    expect(packages[3]!.purl).toMatch(/type=zip/);
    expect(packages[0]!.purl).not.toMatch(/type=/);
  });

  it('interpolates properties, project built-ins and nested references', () => {
    const text = pom(
      `<properties><netty.version>4.1.${'${patch}'}</netty.version><patch>100.Final</patch></properties>
      <dependencies>
        ${dep('io.netty', 'netty-all', '<version>${netty.version}</version>')}
        ${dep('${project.groupId}', 'core', '<version>${project.version}</version>')}
        ${dep('com.acme', 'api', '<version>${pom.version}</version>')}
      </dependencies>`,
    );
    expect(summary(text).packages).toEqual([
      ['io.netty:netty-all', '4.1.100.Final', true, null],
      ['com.acme:core', '1.4.0', true, null],
      ['com.acme:api', '1.4.0', true, null],
    ]);
  });

  it('reports ranges and unknown properties as unresolved constraints, never as versions', () => {
    const text = pom(
      `<dependencies>
        ${dep('a', 'range', '<version>[1.0,2.0)</version>')}
        ${dep('a', 'pinned', '<version>[1.5]</version>')}
        ${dep('a', 'unknown', '<version>${nowhere.version}</version>')}
        ${dep('a', 'env', '<version>${env.LIB_VERSION}</version>')}
        ${dep('a', 'missing')}
      </dependencies>`,
    );
    const { packages, warnings } = summary(text);
    expect(packages).toEqual([
      ['a:range', '', false, '[1.0,2.0)'],
      ['a:pinned', '1.5', true, null],
      ['a:unknown', '', false, '${nowhere.version}'],
      ['a:env', '', false, '${env.LIB_VERSION}'],
      ['a:missing', '', false, null],
    ]);
    expect(warnings).toEqual([
      'a:range: version range [1.0,2.0): Maven picks from the repository',
      'a:unknown: version ${nowhere.version} cannot be resolved',
      'a:env: version ${env.LIB_VERSION} cannot be resolved',
      'a:missing: no version, and none is managed here or in a local parent',
    ]);
  });

  it('takes missing versions and scopes from dependencyManagement and warns about imported BOMs', () => {
    const text = pom(
      `<dependencies>${dep('org.chuck', 'chuck')}${dep('org.frank', 'frank')}</dependencies>
      <dependencyManagement><dependencies>
        ${dep('org.chuck', 'chuck', '<version>3.0.0</version><scope>test</scope>')}
        ${dep('org.springframework.boot', 'spring-boot-dependencies', '<version>3.2.0</version><type>pom</type><scope>import</scope>')}
      </dependencies></dependencyManagement>`,
    );
    const { packages, warnings } = parser.parse(input(text));
    expect(packages.map((p) => [p.name, p.version, p.dev])).toEqual([
      ['org.chuck:chuck', '3.0.0', true],
      ['org.frank:frank', '', false],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'imported BOM org.springframework.boot:spring-boot-dependencies:3.2.0 is not read: the versions it manages are unknown',
      'org.frank:frank: no version, and none is managed here or in a local parent',
    ]);
  });

  it('inherits properties, management and dependencies from local parents, nearest first', () => {
    const grand = pom(
      `<properties><lib.version>1.0</lib.version><shared.version>9.9</shared.version></properties>
       <dependencyManagement><dependencies>${dep('org.m', 'managed', '<version>${shared.version}</version>')}</dependencies></dependencyManagement>`,
      '<groupId>com.acme</groupId><artifactId>root</artifactId><version>1</version>',
    );
    const parent = pom(
      `<properties><lib.version>2.0</lib.version></properties>
       <dependencies>${dep('org.dave', 'dave', '<version>${lib.version}</version>')}${dep('org.x', 'x', '<version>1</version>')}</dependencies>`,
      '<parent><groupId>com.acme</groupId><artifactId>root</artifactId><version>1</version><relativePath>root</relativePath></parent><artifactId>parent</artifactId>',
    );
    const child = pom(
      `<dependencies>${dep('org.m', 'managed')}${dep('org.x', 'x', '<version>2</version>')}</dependencies>`,
      '<parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>svc</artifactId>',
    );
    const files = { 'pom.xml': parent, 'root/pom.xml': grand };
    const { packages, warnings } = parser.parse(input(child, files));
    expect(warnings).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.source])).toEqual([
      ['org.m:managed', '9.9', { path: 'svc/pom.xml', line: 4 }],
      ['org.x:x', '2', { path: 'svc/pom.xml', line: 4 }],
      ['org.dave:dave', '2.0', { path: 'svc/pom.xml' }],
    ]);
  });

  it('stops at parents that are elsewhere, mismatched, looping or outside the tree, with warnings', () => {
    const parentDecl = (rel: string) =>
      `<parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version>${rel}</parent><artifactId>svc</artifactId>`;
    const other = pom('', '<groupId>g</groupId><artifactId>someone-else</artifactId>');
    const looping = pom(
      '',
      parentDecl('<relativePath>svc/pom.xml</relativePath>').replace('svc</artifactId>', 'p</artifactId>'),
    );
    const cases: [string, Record<string, string>, RegExp][] = [
      [parentDecl(''), {}, /parent g:p:1 is not in the scanned tree/],
      [parentDecl('<relativePath/>'), { 'pom.xml': looping }, /parent g:p:1 is not in the scanned tree/],
      [parentDecl(''), { 'pom.xml': other }, /pom\.xml is not the declared parent g:p:1/],
      [parentDecl('<relativePath>../../../pom.xml</relativePath>'), {}, /not in the scanned tree/],
      [parentDecl(''), { 'pom.xml': looping }, /loop through svc\/pom\.xml/],
      [
        parentDecl(''),
        { 'pom.xml': '<project><oops>' },
        /parent POM pom\.xml cannot be read: not well-formed/,
      ],
    ];
    for (const [head, files, warning] of cases) {
      const { warnings } = parser.parse(input(pom('', head), files));
      expect(warnings.map((w) => w.message).join('\n')).toMatch(warning);
    }
  });

  it('reads active-by-default profiles, ignores other profiles and build plugin dependencies', () => {
    const text = pom(
      `<profiles>
        <profile><activation><activeByDefault>true</activeByDefault></activation>
          <properties><p.version>1.2.3</p.version></properties>
          <dependencies>${dep('org.profile', 'on', '<version>${p.version}</version>')}</dependencies></profile>
        <profile><id>ci</id><dependencies>${dep('org.profile', 'off', '<version>1</version>')}</dependencies></profile>
      </profiles>
      <build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
        <dependencies>${dep('org.plugin', 'tool', '<version>1</version>')}</dependencies></plugin></plugins></build>`,
    );
    expect(summary(text).packages).toEqual([['org.profile:on', '1.2.3', true, null]]);
  });

  it('keeps the last of two declarations of one dependency, as Maven does, and drops nameless ones', () => {
    const text = pom(
      `<dependencies>${dep('abc', 'x', '<version>1.0.0</version>')}${dep('abc', 'x', '<version>1.1.1</version>')}
        <dependency><artifactId>drop-me</artifactId></dependency>${dep('${undefined.group}', 'y')}</dependencies>`,
    );
    const { packages, warnings } = summary(text);
    expect(packages).toEqual([['abc:x', '1.1.1', true, null]]);
    expect(warnings).toEqual([
      'abc:x:jar is declared twice; Maven uses the last declaration',
      'dependency without a resolvable groupId and artifactId; skipped',
      'dependency without a resolvable groupId and artifactId; skipped',
    ]);
  });

  it('does not expand cyclic, self-referencing or exponential properties', () => {
    const bomb = Array.from(
      { length: 20 },
      (_, i) => `<p${i + 1}>\${p${i}}\${p${i}}\${p${i}}\${p${i}}</p${i + 1}>`,
    ).join('');
    const text = pom(
      `<properties><a>\${b}</a><b>\${a}</b><self>\${self}</self><p0>xxxxxxxx</p0>${bomb}</properties>
      <dependencies>${dep('g', 'cycle', '<version>${a}</version>')}${dep('g', 'self', '<version>${self}</version>')}${dep('g', 'bomb', '<version>${p20}</version>')}</dependencies>`,
    );
    const started = Date.now();
    expect(summary(text).packages).toEqual([
      ['g:cycle', '', false, '${a}'],
      ['g:self', '', false, '${self}'],
      ['g:bomb', '', false, '${p20}'],
    ]);
    expect(Date.now() - started).toBeLessThan(30_000); // hang guard, not a speed target
  });

  it('refuses DOCTYPE declarations, so entity bombs and external entities never expand', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<project><dependencies>${dep('g', 'a', '<version>&lol2;</version>')}</dependencies></project>`;
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><project><version>&x;</version></project>';
    for (const text of [bomb, xxe]) {
      expect(() => parser.parse(input(text))).toThrow(/DOCTYPE declarations are not allowed/);
    }
  });

  it('fails clearly on input that is not a POM, not XML, truncated, too deep or too large', () => {
    expect(() => parser.parse(input('this is not a pom.xml file!'))).toThrow(LockfileError);
    expect(() => parser.parse(input('<packages><package/></packages>'))).toThrow(
      /root element is not <project>/,
    );
    expect(() =>
      parser.parse(input('<project>\n  <properties>\n    <${Id}.version>1</${Id}.version>')),
    ).toThrow(expect.objectContaining({ line: 3 }));
    expect(() => parser.parse(input(pom(`<dependencies>${dep('a', 'b')}`).slice(0, 150)))).toThrow(
      /not well-formed/,
    );
    expect(() =>
      parser.parse(input(`<project>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</project>`)),
    ).toThrow(LockfileError);
    expect(() => parser.parse(input(`<project>${'x'.repeat(9 * 1024 * 1024)}</project>`))).toThrow(
      /larger than 8 MiB/,
    );
    expect(parser.parse(input(`${pom('')}${'  \n'.repeat(MAX_LOCKFILE_BYTES / 4)}`)).packages).toEqual([]);
  });
});
