import { describe, expect, it } from 'vitest';
import { renderJunit, xmlAttr, xmlText } from './junit.js';
import { cleanReport, sampleReport, shownSecret } from './test-report.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}="[^"]*")*)\\s*(/?)>`, 'y');
const ATTR = new RegExp(`(${NAME})="([^"]*)"`, 'g');
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Checks character data: no `<`, every `&` starts a known reference; returns it decoded. */
function charData(s: string): string {
  if (s.includes('<')) throw new Error(`'<' in character data: ${s}`);
  for (let i = s.indexOf('&'); i !== -1; i = s.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(s)) throw new Error(`bare '&' in: ${s}`);
  }
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x?)?([0-9A-Za-z]+);/g, (_, num: string | undefined, v: string) =>
    num ? String.fromCodePoint(Number.parseInt(v, num === '#x' ? 16 : 10)) : named[v]!,
  );
}

/** A strict little XML reader: enough to prove the output is well-formed, and to read it back. */
function parseXml(xml: string): XmlElement {
  if (ILLEGAL.test(xml)) throw new Error('character not allowed in XML 1.0');
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  while (i < xml.length) {
    TAG.lastIndex = i;
    const m = TAG.exec(xml);
    if (!m) {
      const end = xml.indexOf('<', i);
      if (end === i) throw new Error(`malformed markup at ${i}`);
      const stop = end === -1 ? xml.length : end;
      stack.at(-1)!.text += charData(xml.slice(i, stop));
      i = stop;
      continue;
    }
    i = TAG.lastIndex;
    const [, close, name, rawAttrs = '', selfClose] = m;
    if (close) {
      if (stack.pop()?.name !== name) throw new Error(`mismatched </${name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, k, v] of rawAttrs.matchAll(ATTR)) {
      if (k! in attrs) throw new Error(`duplicate attribute ${k}`);
      attrs[k!] = charData(v!);
    }
    const el: XmlElement = { name: name!, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1 || root.children.length !== 1 || root.text.trim())
    throw new Error('not one root element');
  return root.children[0]!;
}

const all = (el: XmlElement, name: string): XmlElement[] =>
  el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);

describe('junit format', () => {
  it('is well-formed XML with one suite per scanner and one case per rule that ran', () => {
    const doc = parseXml(renderJunit(sampleReport()));
    expect(doc.name).toBe('testsuites');
    expect(doc.attrs).toMatchObject({ tests: '9', failures: '3', errors: '0', time: '1.321' });
    const suites = all(doc, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['iac', 'secrets']);
    expect(suites[0]!.attrs).toMatchObject({ tests: '5', failures: '1', time: '0.087' });
    const names = all(suites[1]!, 'testcase').map((c) => c.attrs.name);
    expect(names).toEqual([
      'secrets/aws-access-key-id: AWS access key ID',
      'secrets/generic-api-key: Generic API key',
      'secrets/github-pat: GitHub personal access token',
      'secrets/slack-webhook: Slack webhook URL',
    ]);
    for (const c of all(doc, 'testcase')) expect(c.attrs.classname).toBe(c.attrs.name!.split('/')[0]);
  });

  it('fails a rule once per blocking finding, with location, message, severity and remediation', () => {
    const doc = parseXml(renderJunit(sampleReport()));
    const aws = all(doc, 'testcase').find((c) => c.attrs.name!.startsWith('secrets/aws-access-key-id'))!;
    const [failure, ...more] = all(aws, 'failure');
    expect(more).toEqual([]);
    expect(failure!.attrs).toEqual({
      message: 'src/a|b <c>.js:3 AWS access key ID in source code',
      type: 'critical',
    });
    expect(failure!.text).toContain(`\nsecret: ${shownSecret('secrets/aws-access-key-id')}\n`);
    expect(failure!.text).toContain('How to fix:\nDeactivate the key in AWS IAM now');
  });

  it('passes rules without blocking findings, and lists warnings as system-out', () => {
    const doc = parseXml(renderJunit(sampleReport()));
    const cases = all(doc, 'testcase');
    const pat = cases.find((c) => c.attrs.name!.startsWith('secrets/github-pat'))!;
    expect(pat.children).toEqual([]);
    const latest = cases.find((c) => c.attrs.name!.startsWith('iac/dockerfile-latest-tag'))!;
    expect(all(latest, 'failure')).toEqual([]);
    expect(all(latest, 'system-out')[0]!.text).toBe(
      "WARN medium Dockerfile:1: Base image 'node:latest' is 100% unpinned Pin it: FROM node:20.11::sha256 (50% of builds differ)",
    );
  });

  it('reports a failed scanner as an error and its diagnostics as system-err', () => {
    const report = sampleReport();
    report.result.scanners[0] = {
      ...report.result.scanners[0]!,
      status: 'failed',
      error: 'parser crashed: <EOF>',
    };
    const doc = parseXml(renderJunit(report));
    const iac = all(doc, 'testsuite')[0]!;
    expect(iac.attrs).toMatchObject({ tests: '6', errors: '1' });
    expect(all(iac, 'error')[0]!.attrs).toEqual({ message: 'parser crashed: <EOF>', type: 'scanner-failed' });
    expect(all(iac, 'system-err')[0]!.text).toContain(
      'error parse-error deploy/k8s/broken.yaml: invalid YAML',
    );
  });

  it('escapes markup, quotes and control characters so the text reads back unchanged', () => {
    const nasty = `a<b>&c"d'e]]>f`;
    expect(xmlAttr(nasty)).toBe('a&lt;b&gt;&amp;c&quot;d&apos;e]]&gt;f');
    expect(xmlText(nasty)).toBe(`a&lt;b&gt;&amp;c"d'e]]&gt;f`);
    expect(xmlText('bell\u0007 nul\u0000 esc\u001b ok\ttab')).toBe('bell\ufffd nul\ufffd esc\ufffd ok\ttab');
    expect(xmlText('\ufffe\uffff lone \ud800 pair \ud83d\ude00')).toBe(
      '\ufffd\ufffd lone \ufffd pair \ud83d\ude00',
    );
    expect(xmlAttr('line\none\ttab\rcr')).toBe('line&#10;one&#9;tab&#13;cr');

    const report = sampleReport();
    const f = report.result.findings[0]!;
    f.message = `${nasty} \u0000\u0008\u000b\u001f end`;
    f.ruleId = `secrets/aws-access-key-id`;
    report.result.rules[5] = { ...report.result.rules[5]!, title: `Title with <x> & "q" 'a'` };
    const doc = parseXml(renderJunit(report));
    const failure = all(doc, 'failure').find((x) => x.attrs.type === 'critical')!;
    expect(failure.attrs.message).toBe(`src/a|b <c>.js:3 ${nasty} \ufffd\ufffd\ufffd\ufffd end`);
    expect(failure.text).toContain(`${nasty} \ufffd\ufffd\ufffd\ufffd end`);
    const names = all(doc, 'testcase').map((c) => c.attrs.name);
    expect(names).toContain(`secrets/aws-access-key-id: Title with <x> & "q" 'a'`);
  });

  it('the checker used here rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a t="<"/>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(parseXml('<a t="&lt;&#65;"/>').attrs.t).toBe('<A');
  });

  it('writes a passing suite for a clean scan', () => {
    const doc = parseXml(renderJunit(cleanReport()));
    expect(doc.attrs).toMatchObject({ tests: '9', failures: '0', errors: '0' });
    expect(all(doc, 'failure')).toEqual([]);
  });
});
