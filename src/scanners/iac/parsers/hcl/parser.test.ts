import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Body, Expr, TemplatePart } from './ast.js';
import { parseHcl, parseTemplate } from './parser.js';
import { MAX_DEPTH } from './stream.js';

/** An expression as a compact s-expression, to compare structure (precedence, nesting) at a glance. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return JSON.stringify(e.value);
    case 'template':
      return `(tpl${e.heredoc ? '<<' : ''} ${e.parts.map(part).join(' ')})`;
    case 'tuple':
      return `[${e.items.map(show).join(' ')}]`;
    case 'object':
      return `{${e.items.map((i) => `${show(i.key)}=${show(i.value)}`).join(' ')}}`;
    case 'variable':
      return e.name;
    case 'getattr':
      return `${show(e.target)}.${e.name}`;
    case 'index':
      return `${show(e.target)}[${show(e.key)}]`;
    case 'splat':
      return `(splat ${show(e.source)} ${show(e.each)})`;
    case 'splatItem':
      return '@';
    case 'call':
      return `(${e.name} ${e.args.map(show).join(' ')}${e.expand ? '...' : ''})`;
    case 'for': {
      const vars = e.keyVar ? `${e.keyVar},${e.valueVar}` : e.valueVar;
      const body = e.key ? `${show(e.key)}=>${show(e.value)}${e.group ? '...' : ''}` : show(e.value);
      return `(for ${vars} ${show(e.collection)} ${body}${e.cond ? ` if ${show(e.cond)}` : ''})`;
    }
    case 'conditional':
      return `(? ${show(e.cond)} ${show(e.ifTrue)} ${show(e.ifFalse)})`;
    case 'unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'paren':
      return `(paren ${show(e.inner)})`;
  }
}

function part(p: TemplatePart): string {
  if (p.kind === 'lit') return JSON.stringify(p.value);
  if (p.kind === 'interp') return `\${${show(p.expr)}}`;
  if (p.kind === 'if')
    return `%{if ${show(p.cond)} ${p.ifTrue.map(part).join(' ')} else ${p.ifFalse.map(part).join(' ')}}`;
  return `%{for ${p.keyVar ? `${p.keyVar},` : ''}${p.valueVar} ${show(p.collection)} ${p.body.map(part).join(' ')}}`;
}

function body(text: string): Body {
  const r = parseHcl(text);
  if (r.error) throw new Error(`line ${r.error.line}: ${r.error.message}`);
  return r.body;
}

/** The expression of `x = <text>`. */
const expr = (text: string) => show((body(`x = ${text}\n`).items[0] as Attribute).expr);
const errorOf = (text: string) => parseHcl(text).error;

describe('HCL parser: structure', () => {
  it('reads attributes and blocks with quoted and bare labels, in source order', () => {
    const b = body('a = 1\nresource "aws_s3_bucket" logs {\n  b = 2\n  inner {}\n}\nc = 3\n');
    expect(b.items.map((i) => (i.kind === 'block' ? `${i.type}(${i.labels})` : i.name))).toEqual([
      'a',
      'resource(aws_s3_bucket,logs)',
      'c',
    ]);
    const block = b.items[1] as Block;
    expect(block.body.items.map((i) => i.kind)).toEqual(['attribute', 'block']);
  });

  it('reads one-line blocks, empty blocks and a file without a final newline', () => {
    const b = body('variable "x" {}\nlifecycle { ignore_changes = [tags] }\nv "a" { default = 1 }');
    expect(b.items).toHaveLength(3);
    expect((b.items[1] as Block).body.items).toHaveLength(1);
  });

  it('gives every node its start line and column and end line', () => {
    const b = body('\n\nresource "a" "b" {\n  tags = {\n    k = "v"\n  }\n}\n');
    const block = b.items[0] as Block;
    expect(block).toMatchObject({ line: 3, col: 1, endLine: 7 });
    const tags = block.body.items[0] as Attribute;
    expect(tags).toMatchObject({ line: 4, col: 3, endLine: 6 });
    const obj = tags.expr as Extract<Expr, { kind: 'object' }>;
    expect(obj.items[0]).toMatchObject({ line: 5, col: 5, endLine: 5 });
  });

  it('gives template parts their positions, a directive spanning to its end', () => {
    const b = body('x = <<EOT\nline one\n${a}\n%{ if b }\nyes\n%{ endif }\nEOT\n');
    const tpl = (b.items[0] as Attribute).expr as Extract<Expr, { kind: 'template' }>;
    expect(tpl.parts.map((p) => [p.kind, p.line, p.col, p.endLine])).toEqual([
      ['lit', 2, 1, 2],
      ['interp', 3, 1, 3],
      ['lit', 3, 5, 3],
      ['if', 4, 1, 6],
      ['lit', 6, 11, 6],
    ]);
    expect(tpl).toMatchObject({ line: 1, endLine: 7 });
  });

  it('ignores comments everywhere', () => {
    const text = [
      '# head',
      'resource "a" "b" { // after brace',
      '  /* before */ x = [ # in list',
      '    1, /* mid */ 2 // end',
      '  ] # after',
      '  y = { # in object',
      '    k = 1 // c',
      '    /* c */ l = 2',
      '  }',
      '} /* tail */',
      '// last',
    ].join('\n');
    const block = body(text).items[0] as Block;
    expect(block.body.items.map((i) => show((i as Attribute).expr))).toEqual(['[1 2]', '{k=1 l=2}']);
  });

  it('reads CRLF files and a leading byte order mark', () => {
    const b = body('\uFEFFa = "x"\r\nb {\r\n  c = <<EOT\r\nline\r\nEOT\r\n}\r\n');
    expect(b.items.map((i) => i.line)).toEqual([1, 2]);
    expect(show(((b.items[1] as Block).body.items[0] as Attribute).expr)).toBe('"line\\n"');
  });

  it('reads unicode in identifiers, strings and comments', () => {
    const b = body('# ünïcödé ✓\nnäme = "日本語 😀"\n');
    expect((b.items[0] as Attribute).name).toBe('näme');
    expect(show((b.items[0] as Attribute).expr)).toBe('"日本語 😀"');
  });
});

describe('HCL parser: expressions', () => {
  it('reads literals', () => {
    expect(expr('1.5e3')).toBe('1500');
    expect(expr('true')).toBe('true');
    expect(expr('null')).toBe('null');
    expect(expr('"s"')).toBe('"s"');
  });

  it('applies HCL operator precedence, left associative', () => {
    expect(expr('1 + 2 * 3')).toBe('(+ 1 (* 2 3))');
    expect(expr('a - b - c')).toBe('(- (- a b) c)');
    expect(expr('x / y * z')).toBe('(* (/ x y) z)');
    expect(expr('a || b && c == d < e + f * g')).toBe('(|| a (&& b (== c (< d (+ e (* f g))))))');
    expect(expr('!a && -b > c % 2')).toBe('(&& (! a) (> (- b) (% c 2)))');
    expect(expr('(a + b) * c')).toBe('(* (paren (+ a b)) c)');
    expect(expr('a != b || c >= d')).toBe('(|| (!= a b) (>= c d))');
  });

  it('reads conditionals, nested to the right, lowest precedence', () => {
    expect(expr('a ? b : c ? d : e')).toBe('(? a b (? c d e))');
    expect(expr('a == 1 ? x + 1 : y')).toBe('(? (== a 1) (+ x 1) y)');
    expect(expr('(a\n ? b\n : c)')).toBe('(paren (? a b c))');
    expect(expr('a ?\n b :\n c')).toBe('(? a b c)');
  });

  it('reads tuples and objects with commas, newlines and trailing separators', () => {
    expect(expr('[1, 2,\n 3,\n]')).toBe('[1 2 3]');
    expect(expr('[]')).toBe('[]');
    expect(expr('{a = 1, b: 2\n "c" = 3\n (d) = 4,\n}')).toBe('{a=1 b=2 "c"=3 (paren d)=4}');
    expect(expr('{\n}')).toBe('{}');
    expect(expr('{ a = {\n b = [1,\n 2] } }')).toBe('{a={b=[1 2]}}');
  });

  it('reads traversals: attributes, indexes, legacy indexes', () => {
    expect(expr('var.a.b')).toBe('var.a.b');
    expect(expr('a[0]["k"][b.c]')).toBe('a[0]["k"][b.c]');
    expect(expr('a.0.b')).toBe('a[0].b');
    expect(expr('aws_instance.web[count.index].id')).toBe('aws_instance.web[count.index].id');
  });

  it('reads attribute-only and full splats', () => {
    expect(expr('a.*.b.c')).toBe('(splat a @.b.c)');
    expect(expr('a.*.b[0]')).toBe('(splat a @.b)[0]');
    expect(expr('a[*].b[0].c')).toBe('(splat a @.b[0].c)');
    expect(expr('a[*]')).toBe('(splat a @)');
    expect(expr('a[*].b[*].c')).toBe('(splat a (splat @.b @.c))');
  });

  it('reads function calls with expansion and namespaced names', () => {
    expect(expr('f()')).toBe('(f )');
    expect(expr('merge(a, {b = 1},\n c,\n)')).toBe('(merge a {b=1} c)');
    expect(expr('concat(a, b...)')).toBe('(concat a b...)');
    expect(expr('provider::aws::arn_parse(x)')).toBe('(provider::aws::arn_parse x)');
  });

  it('reads for expressions for tuples and objects, with conditions and grouping', () => {
    expect(expr('[for v in xs : upper(v)]')).toBe('(for v xs (upper v))');
    expect(expr('[for i, v in xs : v if i < 2]')).toBe('(for i,v xs v if (< i 2))');
    expect(expr('{for k, v in m : k => v}')).toBe('(for k,v m k=>v)');
    expect(expr('{\n for k, v in m :\n v => k...\n if k != ""\n}')).toBe('(for k,v m v=>k... if (!= k ""))');
  });

  it('refuses `for` as a plain key or element, as the specification says', () => {
    expect(errorOf('x = {for = 1}\n')).toBeDefined();
    expect(errorOf('x = [for, foo]\n')).toBeDefined();
    expect(expr('{"for" = 1}')).toBe('{"for"=1}');
  });
});

describe('HCL parser: templates', () => {
  it('reads interpolations between literals', () => {
    expect(expr('"a-${b}-c"')).toBe('(tpl "a-" ${b} "-c")');
    expect(expr('"${b}"')).toBe('(tpl ${b})');
  });

  it('nests templates inside interpolations', () => {
    expect(expr('"${a ? "x" : "${b}"}"')).toBe('(tpl ${(? a "x" (tpl ${b}))})');
    expect(expr('"${join(",", [for s in l : "<${s}>"])}"')).toBe(
      '(tpl ${(join "," (for s l (tpl "<" ${s} ">")))})',
    );
  });

  it('reads if and for directives, else optional', () => {
    expect(expr('"%{if a}yes%{else}no%{endif}"')).toBe('(tpl %{if a "yes" else "no"})');
    expect(expr('"%{ if a }yes%{ endif }"')).toBe('(tpl %{if a "yes" else })');
    expect(expr('"%{for k, v in m}${k}=${v};%{endfor}"')).toBe('(tpl %{for k,v m ${k} "=" ${v} ";"})');
  });

  it('applies strip markers to the adjacent literal only', () => {
    expect(expr('"hello ${~ "world" }"')).toBe('(tpl "hello" ${"world"})');
    expect(expr('"%{ if true ~}  hello  %{~ endif }"')).toBe('(tpl %{if true "hello" else })');
    expect(expr('"${"hello" ~}${" world"}"')).toBe('(tpl ${"hello"} ${" world"})');
  });

  it('reads heredocs, keeping the text verbatim', () => {
    expect(expr('<<EOT\n  a\n    b ${c}\nEOT')).toBe('(tpl<< "  a\\n    b " ${c} "\\n")');
    expect(expr('<<EOT\nno interpolation\nEOT')).toBe('"no interpolation\\n"');
    expect(expr('<<EOT\nEOT')).toBe('""');
  });

  it('removes the common indentation of an indented heredoc, blank lines aside', () => {
    expect(expr('<<-EOT\n    a\n\n      b\n    EOT')).toBe('"a\\n\\n  b\\n"');
    expect(expr('<<-EOT\n    a ${x}\n${y}\n    EOT')).toBe('(tpl<< "    a " ${x} "\\n" ${y} "\\n")');
    expect(expr('<<-EOT\n    a ${x}\n  ${y}\n    EOT')).toBe('(tpl<< "  a " ${x} "\\n" ${y} "\\n")');
    expect(expr('<<-EOT\n\t\tone\n\t\ttwo\n\tEOT')).toBe('"one\\ntwo\\n"');
  });

  it('reads heredocs with directives and interpolations spanning lines', () => {
    expect(expr('<<EOT\n%{ for s in l ~}\n${s}\n%{ endfor ~}\nEOT')).toBe('(tpl<< %{for s l ${s} "\\n"})');
    expect(expr('<<EOT\n${merge(\n  a,\n  b)}\nEOT')).toBe('(tpl<< ${(merge a b)} "\\n")');
  });

  it('refuses mismatched directives', () => {
    expect(errorOf('x = "%{if a}b"\n')?.message).toMatch(/without its closing %\{ endif \}/);
    expect(errorOf('x = "%{endfor}"\n')?.message).toMatch(/unexpected %\{ endfor \}/);
    expect(errorOf('x = "%{for a in b}%{endif}"\n')).toBeDefined();
    expect(errorOf('x = "%{ while }"\n')?.message).toMatch(/expected if, else, endif, for or endfor/);
  });
});

describe('HCL parser: standalone templates', () => {
  it('parses text from an offset as a template, with offsets into the whole text', () => {
    const text = 'ignored|a-${b}-%{if c}d%{endif} $${e}';
    const r = parseTemplate(text, 8);
    expect(show(r.expr!)).toBe('(tpl<< "a-" ${b} "-" %{if c "d" else } " ${e}")');
    expect(text.slice(r.expr!.start, r.expr!.end)).toBe('a-${b}-%{if c}d%{endif} $${e}');
    expect(show(parseTemplate('x\ny', 0).expr!)).toBe('"x\\ny"');
    expect(parseTemplate('a${b', 0).error?.message).toMatch(/end of file inside a template interpolation/);
  });
});

describe('HCL parser: syntax errors', () => {
  const cases: [string, string, number, RegExp][] = [
    ['missing value', 'a =\n', 2, /expected an expression, found the end of the file/],
    ['two attributes on a line', 'a = 1 b = 2\n', 1, /expected a newline after the attribute/],
    ['unclosed block', 'resource "a" "b" {\n  x = 1\n', 3, /block opened on line 1 has no closing/],
    ['stray closing brace', '}\n', 1, /a "}" without its "{"/],
    ['label with interpolation', 'resource "${a}" "b" {}\n', 1, /label cannot contain template sequences/],
    [
      'missing brace after labels',
      'resource "a" "b"\n',
      1,
      /expected "=" or "\{" after resource and its labels/,
    ],
    ['unclosed list', 'a = [1, 2\n', 2, /expected "," or "]"/],
    ['missing comma in list', 'a = [1 2]\n', 1, /expected "," or "]"/],
    ['object key without value', 'a = { b }\n', 1, /expected "=" or ":" after an object key/],
    ['object items on one line without comma', 'a = { b = 1 c = 2 }\n', 1, /expected a comma or a newline/],
    ['missing conditional colon', 'a = b ? c\n', 1, /expected ":" of the conditional/],
    ['bad traversal', 'a = b.\n', 1, /expected an attribute name after "\."/],
    ['unterminated string', 'a = "abc\nb = 1\n', 1, /unterminated string/],
    [
      'unterminated heredoc',
      'a = <<EOT\nabc\n',
      1,
      /unterminated heredoc: no line with the closing marker EOT/,
    ],
    ['unterminated comment', 'a = 1 /* x\n', 1, /unterminated comment/],
    ['truncated interpolation', 'a = "${b', 1, /end of file inside a template interpolation/],
    ['for without in', 'a = [for x : y]\n', 1, /expected "in"/],
  ];
  it.each(cases)('%s: line and message', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e?.line).toBe(line);
    expect(e?.message).toMatch(message);
  });
});

describe('HCL parser: hostile input', () => {
  it('refuses deep nesting with a diagnostic, not a stack overflow', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{a=', '}'],
      ['"${', '}"'],
      ['f(', ')'],
    ] as const) {
      const e = errorOf(`x = ${open.repeat(100_000)}1${close.repeat(100_000)}\n`);
      expect(e?.message, open).toMatch(new RegExp(`nesting deeper than ${MAX_DEPTH} levels`));
    }
    expect(errorOf(`${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`)?.message).toMatch(/nesting deeper/);
    expect(errorOf(`x = ${'-'.repeat(100_000)}1\n`)?.message).toMatch(/nesting deeper/);
    expect(errorOf(`x = "${'%{if a}'.repeat(10_000)}"\n`)?.message).toMatch(/nested deeper|closing/);
  });

  it('accepts nesting within the cap', () => {
    expect(errorOf(`x = ${'['.repeat(40)}1${']'.repeat(40)}\n`)).toBeUndefined();
  });

  it('survives binary garbage and truncated files', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const garbage = Array.from({ length: 20_000 }, () => String.fromCharCode(rand() % 256)).join('');
    expect(parseHcl(garbage).error).toBeDefined();
    const good =
      'resource "a" "b" {\n  x = "${f(a, [1, {b = 2}])}"\n  y = <<-EOT\n    z\n  EOT\n  dynamic "d" {\n    content {}\n  }\n}\n';
    for (let n = 0; n < good.length; n++) expect(() => parseHcl(good.slice(0, n))).not.toThrow();
  });

  it('parses a 5 MB file', () => {
    const block =
      'resource "aws_s3_bucket" "b%" {\n  bucket = "name-${var.env}"\n  tags   = { Name = "x", Env = var.env }\n}\n';
    let text = '';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += block.replace('%', String(i));
    const t0 = performance.now();
    const r = parseHcl(text);
    expect(r.error).toBeUndefined();
    expect(r.body!.items.length).toBeGreaterThan(40_000);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
