import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rulesFromYaml } from '../../format/load.js';
import type { Parser } from '../../languages.js';
import { analyseSource } from '../analyse.js';
import type { SastRule } from '../types.js';

/** A taint rule with `source()` as source, `sink(x)` as sink and `clean(x)` as sanitizer. */
function rule(language: string, overrides = ''): SastRule {
  const base = parse(`
id: test/taint
title: test taint rule
languages: [${language}]
severity: high
message: '$SOURCE reaches $SINK'
fix: do not
mode: taint
sources: [{ pattern: source() }]
sinks: [{ pattern: sink($X), focus: $X }]
sanitizers: [{ pattern: clean($$$) }]
`);
  return rulesFromYaml({ rules: [{ ...base, ...(parse(overrides) ?? {}) }] }, 'test.yml')[0]!;
}

/** Lines reported in `code`; each line the test expects ends with a `HIT` comment. */
function check(code: string, parser: Parser, r: SastRule): void {
  const analysis = analyseSource(code, parser, [r], { budgetMs: 10_000 });
  expect(analysis.diagnostics.filter((d) => d.level === 'warning')).toEqual([]);
  const expected = code.split('\n').flatMap((l, i) => (/(\/\/|#) HIT\s*$/.test(l) ? [i + 1] : []));
  expect(analysis.matches.map((m) => m.span.startLine).sort((a, b) => a - b)).toEqual(expected);
}

const js = rule('javascript');

describe('taint: JavaScript', () => {
  it('follows assignments, and a clean value assigned over a tainted one removes it', () => {
    check(
      `let a = source();
let b = a;
sink(b); // HIT
b = 'constant';
sink(b);
const c = clean(a);
sink(c);`,
      'JavaScript',
      js,
    );
  });

  it('keeps what any branch may leave (all arms of an if/else), and runs loops twice', () => {
    check(
      `function f(flag, items) {
  let a = source();
  if (flag) { a = clean(a); }
  sink(a); // HIT
  let b = source();
  if (flag) { b = 'x'; } else { b = 'y'; }
  sink(b);
  let e = source();
  if (flag) { e = clean(e); } else if (items) { e = 'y'; }
  sink(e); // HIT
  let g = source();
  switch (flag) { case 1: g = 'a'; break; default: g = clean(g); }
  sink(g);
  let c = '';
  for (const i of items) { sink(c); c = source(); } // HIT
  const d = flag ? source() : 'z';
  sink(d); // HIT
}`,
      'JavaScript',
      js,
    );
  });

  it('follows string building, objects, arrays, destructuring and mutating methods', () => {
    check(
      `const s = source();
sink('a' + s); // HIT
sink(\`x \${s} y\`); // HIT
sink({ key: s }.key); // HIT
const { inner } = { inner: s };
sink(inner); // HIT
const list = [];
list.push(s);
sink(list.join(',')); // HIT
sink(s.length > 3);
sink(parseInt(s, 10));
sink(typeof s);`,
      'JavaScript',
      js,
    );
  });

  it('summarises functions of the file: parameters to returns and to sinks, through several calls', () => {
    check(
      `function wrap(v) { return '[' + v + ']'; }
function constant(v) { return 'fixed'; }
function run(cmd) { sink(cmd); } // HIT
function relay(x) { run(x); }
function input() { return source(); }
sink(wrap(source())); // HIT
sink(constant(source()));
relay(source());
sink(input()); // HIT
const arrow = (p) => p.trim();
sink(arrow(source())); // HIT`,
      'JavaScript',
      js,
    );
  });

  it('lets lambdas see the variables they close over, and recursion end', () => {
    check(
      `const t = source();
items.forEach((item) => { sink(t + item); }); // HIT
items.forEach((t) => { sink(t); });
function loop(n) { return n > 0 ? loop(n - 1) : source(); }
sink(loop(3)); // HIT`,
      'JavaScript',
      js,
    );
  });

  it('records the path from source to sink, through a call', () => {
    const code = `function run(cmd) {
  sink(cmd);
}
const input = source();
run(input);`;
    const [m] = analyseSource(code, 'JavaScript', [js], { budgetMs: 10_000 }).matches;
    expect(m!.message).toBe('source() reaches sink(cmd)');
    expect(m!.flow!.map((s) => [s.line, s.message])).toEqual([
      [4, 'source: source()'],
      [4, 'assigned to input'],
      [5, 'passed to run()'],
      [1, 'parameter cmd'],
      [2, 'reaches the sink: cmd'],
    ]);
  });

  it('applies propagators: data flows from one metavariable into another', () => {
    const r = rule('javascript', `propagators: [{ pattern: 'copyInto($TO, $FROM)', from: $FROM, to: $TO }]`);
    check(
      `const box = {};
copyInto(box, source());
sink(box); // HIT
const other = {};
copyInto(source(), other);
sink(other);`,
      'JavaScript',
      r,
    );
  });

  it('treats parameters a source matches as tainted (framework-injected request data)', () => {
    const r = rule('typescript', `sources: [{ kind: required_parameter, regex: '^input\\b' }]`);
    check(
      `function handler(input: string, other: string) {
  sink(input); // HIT
  sink(other);
}`,
      'TypeScript',
      r,
    );
  });

  it('does not fail on very deep expressions', () => {
    const deep = `const s = source();\nsink(${Array.from({ length: 3000 }, () => 's').join(' + ')});`;
    const analysis = analyseSource(deep, 'JavaScript', [js], { budgetMs: 10_000 });
    expect(analysis.diagnostics).toEqual([]);
  });
});

describe('taint: Python', () => {
  const py = rule('python');
  it('follows f-strings, % and format, tuples, comprehensions and methods', () => {
    check(
      `def handler(flag):
    s = source()
    sink(f"select {s}")  # HIT
    sink("a %s" % s)  # HIT
    sink("{}".format(s))  # HIT
    a, b = s, "const"
    sink(a)  # HIT
    sink(b)
    sink([x.upper() for x in s.split(",")])  # HIT
    sink(int(s))
    parts = []
    parts.append(s)
    sink(" ".join(parts))  # HIT
    if flag:
        t = clean(s)
    elif s:
        t = "x"
    else:
        t = int(s)
    sink(t)
    u = s
    if flag:
        u = clean(s)
    elif s:
        u = "x"
    sink(u)  # HIT

class Repo:
    def run(self, q):
        sink(q)  # HIT

    def go(self):
        self.run(source())`,
      'python',
      py,
    );
  });
});

describe('taint: Go', () => {
  const go = rule('go');
  it('follows :=, multiple results, fmt.Sprintf, strings.Builder and methods of the file', () => {
    check(
      `package p

func (s *S) run(q string) {
	sink(q) // HIT
}

func (s *S) h() {
	v := source()
	sink(fmt.Sprintf("x %s", v)) // HIT
	n, err := strconv.Atoi(v)
	sink(n)
	var b strings.Builder
	b.WriteString(v)
	sink(b.String()) // HIT
	x, y := v, "c"
	sink(y)
	sink(x) // HIT
	s.run(v)
}`,
      'go',
      go,
    );
  });
});

describe('taint: Java', () => {
  const java = rule('java');
  it('follows concatenation, StringBuilder chains, String.format, fields through this, and methods', () => {
    check(
      `class A {
  private String kept;
  void run(String q) {
    sink(q); // HIT
  }
  void h() {
    String v = source();
    sink("a" + v); // HIT
    StringBuilder sb = new StringBuilder();
    sb.append("x").append(v);
    sink(sb.toString()); // HIT
    sink(String.format("%s", v)); // HIT
    sink(Integer.parseInt(v));
    sink(v.equals("y"));
    this.kept = v;
    sink(this.kept); // HIT
    run(v);
  }
}`,
      'java',
      java,
    );
  });
});
