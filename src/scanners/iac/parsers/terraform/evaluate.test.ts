import { describe, expect, it } from 'vitest';
import { type IacValue, isUnknown, Unknown } from '../../model.js';
import { loadTerraform } from './loader.js';

/** The value of `x = <expr>` in a resource, with `decls` (variables, locals) beside it (null: left out). */
function evalExpr(expr: string, decls = '', extra: { path: string; text: string }[] = []): IacValue {
  const text = `${decls}\nresource "t" "r" {\n  x = ${expr}\n}\n`;
  const r = loadTerraform([{ path: 'main.tf', text }, ...extra]);
  expect(r.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return r.documents[0]!.resources.find((res) => res.address === 't.r')!.value.x ?? null;
}

const unknown = (v: IacValue): Unknown => {
  expect(v).toBeInstanceOf(Unknown);
  return v as Unknown;
};

describe('Terraform evaluation: operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 / 4', 2.5],
    ['7 % 3', 1],
    ['-3 + 1', -2],
    ['"5" + 1', 6],
    ['1 < 2 && 2 <= 2', true],
    ['3 > 4 || 4 >= 5', false],
    ['!true', false],
    ['1 == 1.0', true],
    ['"1" == 1', false],
    ['[1, "a"] == [1, "a"]', true],
    ['{ a = 1 } != { a = 2 }', true],
    ['null == null', true],
    ['"true" && true', true],
  ] as [string, IacValue][])('%s', (e, want) => {
    expect(evalExpr(e)).toEqual(want);
  });

  it('makes an operation on an unknown value unknown, keeping its references', () => {
    expect(unknown(evalExpr('aws_vpc.main.cidr_block == "10.0.0.0/16"')).refs).toEqual(['aws_vpc.main']);
    expect(unknown(evalExpr('var.n + 1', 'variable "n" {}')).expr).toBe('var.n + 1');
  });

  it('decides && and || from a known left side', () => {
    expect(evalExpr('false && aws_x.y.z')).toBe(false);
    expect(evalExpr('true || aws_x.y.z')).toBe(true);
    expect(evalExpr('aws_x.y.z || true')).toBe(true);
    expect(isUnknown(evalExpr('true && aws_x.y.z'))).toBe(true);
    expect(evalExpr('var.o != null && var.o.k == 1', 'variable "o" { default = null }')).toBe(false);
  });

  it('makes what Terraform rejects unknown rather than failing', () => {
    expect(isUnknown(evalExpr('1 / 0'))).toBe(true);
    expect(isUnknown(evalExpr('"a" + 1'))).toBe(true);
    expect(isUnknown(evalExpr('[1][5]'))).toBe(true);
    expect(isUnknown(evalExpr('{ a = 1 }.b'))).toBe(true);
    expect(isUnknown(evalExpr('"x${null}"'))).toBe(true);
  });
});

describe('Terraform evaluation: conditionals, templates, collections', () => {
  it('selects a branch, or is unknown with the references of both', () => {
    expect(evalExpr('2 > 1 ? "yes" : aws_x.y.z')).toBe('yes');
    expect(unknown(evalExpr('aws_a.b.c ? aws_d.e.f : "x"')).refs).toEqual(['aws_a.b', 'aws_d.e']);
  });

  it('renders templates with interpolation, directives and strip markers', () => {
    const decls = 'locals {\n  l = ["a", "b"]\n  m = { k = "v" }\n}';
    expect(evalExpr('"x-${1 + 1}-${true}"', decls)).toBe('x-2-true');
    expect(evalExpr('"%{ for s in local.l ~} ${s} %{~ endfor }"', decls)).toBe('ab');
    expect(evalExpr('"%{if length(local.l) > 1}many%{else}few%{endif}"', decls)).toBe('many');
    expect(evalExpr('"%{for k, v in local.m}${k}=${v}%{endfor}"', decls)).toBe('k=v');
    expect(evalExpr('<<-EOT\n    a ${local.m.k}\n    EOT', decls)).toBe('a v\n');
  });

  it('unwraps a template made of one interpolation, keeping the type', () => {
    expect(evalExpr('"${[1, 2]}"')).toEqual([1, 2]);
    expect(evalExpr('"${"${true}"}"')).toBe(true);
  });

  it('is unknown when an interpolated value is, with its references', () => {
    const u = unknown(evalExpr('"arn:${aws_s3_bucket.logs.arn}/*"'));
    expect(u.refs).toEqual(['aws_s3_bucket.logs']);
    expect(u.expr).toBe('"arn:${aws_s3_bucket.logs.arn}/*"');
  });

  it('builds tuples and objects, keeping unknown elements unknown', () => {
    const v = evalExpr('[1, aws_x.y.id, { (local.k) = "v", "q" = 2, n = null }]', 'locals {\n  k = "dyn"\n}');
    expect(Array.isArray(v)).toBe(true);
    const [a, b, c] = v as IacValue[];
    expect(a).toBe(1);
    expect(unknown(b!).refs).toEqual(['aws_x.y']);
    expect(c).toEqual({ dyn: 'v', q: 2, n: null });
  });

  it('evaluates for expressions: filters, object keys in order, grouping', () => {
    const decls = 'locals {\n  m = { b = 2, a = 1, c = 3 }\n  l = ["x", "y", "x"]\n}';
    expect(evalExpr('[for k, v in local.m : "${k}${v}" if v > 1]', decls)).toEqual(['b2', 'c3']);
    expect(evalExpr('[for i, v in local.l : i]', decls)).toEqual([0, 1, 2]);
    expect(evalExpr('{for i, v in local.l : v => i...}', decls)).toEqual({ x: [0, 2], y: [1] });
    expect(isUnknown(evalExpr('{for i, v in local.l : v => i}', decls))).toBe(true);
    expect(unknown(evalExpr('[for s in aws_x.y.list : s]')).refs).toEqual(['aws_x.y']);
  });

  it('evaluates splats over lists, single values and null', () => {
    const decls =
      'locals {\n  l = [{ id = 1, t = { n = "a" } }, { id = 2, t = { n = "b" } }]\n  o = { id = 9 }\n}';
    expect(evalExpr('local.l[*].id', decls)).toEqual([1, 2]);
    expect(evalExpr('local.l.*.t.n', decls)).toEqual(['a', 'b']);
    expect(evalExpr('local.l[*].t.n', decls)).toEqual(['a', 'b']);
    expect(evalExpr('local.l.*.id[1]', decls)).toBe(2);
    expect(evalExpr('local.o[*].id', decls)).toEqual([9]);
    expect(evalExpr('null[*]')).toEqual([]);
    expect(unknown(evalExpr('aws_instance.web[*].id')).refs).toEqual(['aws_instance.web']);
  });

  it('indexes with brackets, legacy dots and string keys', () => {
    const decls = 'locals {\n  l = [[10, 20], [30]]\n  m = { "k-1" = "v" }\n}';
    expect(evalExpr('local.l.0', decls)).toEqual([10, 20]);
    expect(evalExpr('local.l[0][1]', decls)).toBe(20);
    expect(evalExpr('local.l["1"][0]', decls)).toBe(30);
    expect(evalExpr('local.m["k-1"]', decls)).toBe('v');
  });
});

describe('Terraform evaluation: functions', () => {
  it.each([
    ['jsonencode({ b = [1, true, null], a = "<x>" })', '{"a":"\\u003cx\\u003e","b":[1,true,null]}'],
    ['jsondecode("{\\"a\\": [1, {\\"b\\": null}]}")', { a: [1, { b: null }] }],
    ['yamlencode({ a = 1 })', 'a: 1\n'],
    ['yamldecode("a: [1, 2]")', { a: [1, 2] }],
    ['merge({ a = 1, b = 1 }, null, { b = 2 })', { a: 1, b: 2 }],
    ['concat([1], [], [2, 3])', [1, 2, 3]],
    ['lookup({ a = 1 }, "b", "d")', 'd'],
    ['element(["a", "b"], 3)', 'b'],
    ['length("héllo")', 5],
    ['length({ a = 1, b = 2 })', 2],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['lower("AbC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['title("hello world")', 'Hello World'],
    ['format("%s-%03d-%.2f-%v-%q-%t-%x", "a", 7, 1.5, 2, "q", true, 255)', 'a-007-1.50-2-"q"-true-ff'],
    ['format("%[2]s %[1]s %%", "a", "b")', 'b a %'],
    ['formatlist("%s=%s", ["a", "b"], "v")', ['a=v', 'b=v']],
    ['join(",", ["a", 1, true])', 'a,1,true'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("abc123", "/[0-9]+/", "#")', 'abc#'],
    ['tostring(5)', '5'],
    ['tonumber("4.5")', 4.5],
    ['tobool("true")', true],
    ['tolist(["a"])', ['a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['tomap({ a = 1 })', { a: 1 }],
    ['coalesce("", null, "x")', 'x'],
    ['coalescelist([], [1])', [1]],
    ['contains(["a", "b"], "b")', true],
    ['flatten([[1, [2]], 3])', [1, 2, 3]],
    ['distinct([1, 2, 1])', [1, 2]],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'],
    ['cidrhost("10.0.1.0/24", 5)', '10.0.1.5'],
    ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
    ['cidrsubnets("10.0.0.0/16", 8, 4)', ['10.0.0.0/24', '10.0.16.0/20']],
    ['range(3)', [0, 1, 2]],
    ['range(1, 10, 4)', [1, 5, 9]],
    ['slice(["a", "b", "c"], 1, 3)', ['b', 'c']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['substr("hello", -3, -1)', 'llo'],
    ['trimspace("  x ")', 'x'],
    ['trimprefix("ab", "a")', 'b'],
    ['trim("?!x!?", "!?")', 'x'],
    ['startswith("abc", "ab")', true],
    ['max(1, 5, 3)', 5],
    ['abs(-2)', 2],
    ['ceil(1.2)', 2],
    ['parseint("ff", 16)', 255],
    ['base64encode("hi")', 'aGk='],
    ['base64decode("aGk=")', 'hi'],
    ['sha256("a")', 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb'],
    ['regex("^(\\\\w+)-(\\\\d+)$", "ab-12")', ['ab', '12']],
    ['regexall("[0-9]", "a1b2")', ['1', '2']],
    ['one([])', null],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    ['alltrue([true, "true"])', true],
    ['sensitive("s")', 's'],
    ['try(local.missing, "fallback")', 'fallback'],
    ['try({ a = 1 }.a, 2)', 1],
    ['can([][0])', false],
    ['can(1 + 1)', true],
    ['max([1, 5, 2]...)', 5],
    ['format("%s-%s", ["a", "b"]...)', 'a-b'],
  ] as [string, IacValue][])('%s', (e, want) => {
    expect(evalExpr(e, 'locals {\n  unused = 1\n}')).toEqual(want);
  });

  it('leaves functions that read files, the clock or random sources unknown', () => {
    for (const e of ['file("x.json")', 'templatefile("t.tpl", {})', 'timestamp()', 'uuid()', 'nosuchfn(1)'])
      expect(isUnknown(evalExpr(e)), e).toBe(true);
    expect(unknown(evalExpr('provider::aws::arn_parse(aws_s3_bucket.b.arn)')).refs).toEqual([
      'aws_s3_bucket.b',
    ]);
  });

  it('is unknown when an argument is, except for functions that keep unknown elements', () => {
    expect(unknown(evalExpr('upper(aws_x.y.name)')).refs).toEqual(['aws_x.y']);
    expect(evalExpr('length([aws_x.y.a, 2])')).toBe(2);
    const merged = evalExpr('merge({ a = aws_x.y.id }, { b = 1 })') as Record<string, IacValue>;
    expect(isUnknown(merged.a!)).toBe(true);
    expect(merged.b).toBe(1);
    expect(isUnknown(evalExpr('join(",", [aws_x.y.id])'))).toBe(true);
    expect(isUnknown(evalExpr('contains([aws_x.y.id], "a")'))).toBe(true);
    expect(evalExpr('contains([aws_x.y.id, "a"], "a")')).toBe(true);
    expect(isUnknown(evalExpr('try(aws_x.y.id, "d")'))).toBe(true);
    expect(isUnknown(evalExpr('can(aws_x.y.id)'))).toBe(true);
  });

  it('keeps the structure of a jsonencode document with unknown members', () => {
    const doc = evalExpr('jsonencode({ Action = "*", Resource = [aws_s3_bucket.b.arn] })') as Record<
      string,
      IacValue
    >;
    expect(doc.Action).toBe('*');
    expect(unknown((doc.Resource as IacValue[])[0]!).refs).toEqual(['aws_s3_bucket.b']);
    expect(unknown(evalExpr('jsonencode(aws_x.y.doc)')).refs).toEqual(['aws_x.y']);
    expect((evalExpr('"${jsonencode({ a = aws_x.y.id })}"') as Record<string, IacValue>).a).toBeInstanceOf(
      Unknown,
    );
    // Only a whole attribute: inside an expression it is the string Terraform builds.
    expect(isUnknown(evalExpr('length(jsonencode({ a = aws_x.y.id }))'))).toBe(true);
    expect(isUnknown(evalExpr('"p-${jsonencode({ a = aws_x.y.id })}"'))).toBe(true);
  });

  it('keeps the structure of a heredoc JSON document with unknown interpolations', () => {
    const heredoc = (body: string) => `<<EOF\n${body}\nEOF`;
    const doc = evalExpr(
      heredoc('{"Action": "*", "Resource": ["${aws_s3_bucket.b.arn}/*", "${aws_x.y.id}"]}'),
    );
    const [arn, id] = (doc as Record<string, IacValue[]>).Resource!;
    expect((doc as Record<string, IacValue>).Action).toBe('*');
    expect(unknown(arn!)).toMatchObject({ expr: '${aws_s3_bucket.b.arn}/*', refs: ['aws_s3_bucket.b'] });
    expect(unknown(id!).expr).toBe('aws_x.y.id');
    // Not a document, an unknown outside a string or a key, unknown directive output, a quoted string.
    for (const e of [
      heredoc('arn=${aws_x.y.id}'),
      heredoc('{"Resource": ${aws_x.y.list}}'),
      heredoc('{"${aws_x.y.key}": 1}'),
      heredoc('[%{ for a in aws_x.y.list }"${a}",%{ endfor }"b"]'),
      '"[\\"${aws_x.y.id}\\"]"',
      `replace(${heredoc('{"a": "${aws_x.y.id}"}')}\n, "a", "b")`,
    ])
      expect(isUnknown(evalExpr(e)), e).toBe(true);
  });

  it('refuses regular expressions that could backtrack for ever', () => {
    expect(
      isUnknown(evalExpr('replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "/(a+)+$/", "")')),
    ).toBe(true);
    expect(isUnknown(evalExpr('regex("(a|a)*b", "aaaa")'))).toBe(true);
  });

  it('does not build huge ranges', () => {
    expect(isUnknown(evalExpr('range(1e9)'))).toBe(true);
  });
});

describe('Terraform evaluation: variables, locals, references', () => {
  it('takes a variable from tfvars, auto.tfvars in order, or its default', () => {
    const decls =
      'variable "a" { default = "d" }\nvariable "b" { default = "d" }\nvariable "c" { default = "d" }';
    const files = [
      { path: 'terraform.tfvars', text: 'a = "tfvars"\nb = "tfvars"\n' },
      { path: 'b.auto.tfvars', text: 'b = "b-auto"\n' },
      { path: 'a.auto.tfvars', text: 'b = "a-auto"\n' },
      { path: 'prod.tfvars', text: 'c = "not loaded"\n' },
    ];
    expect(evalExpr('[var.a, var.b, var.c]', decls, files)).toEqual(['tfvars', 'b-auto', 'd']);
  });

  it('converts a variable to its declared primitive type', () => {
    const decls = 'variable "port" { type = number }\nvariable "on" { type = bool }';
    const files = [{ path: 'terraform.tfvars', text: 'port = "8080"\non = "true"\n' }];
    expect(evalExpr('[var.port, var.on]', decls, files)).toEqual([8080, true]);
  });

  it('leaves a variable without default or value unknown, and null when its default is null', () => {
    const u = unknown(evalExpr('var.x', 'variable "x" {}'));
    expect(u.expr).toBe('var.x');
    expect(u.refs).toEqual([]);
    expect(evalExpr('var.y', 'variable "y" { default = null }')).toBeNull();
    expect(isUnknown(evalExpr('var.undeclared'))).toBe(true);
  });

  it('evaluates locals in dependency order, whatever the declaration order', () => {
    const decls =
      'locals {\n  c = "${local.b}-c"\n}\nlocals {\n  b = "${local.a}-b"\n  a = upper(var.v)\n}\nvariable "v" { default = "a" }';
    expect(evalExpr('local.c', decls)).toBe('A-b-c');
  });

  it('makes locals that depend on themselves unknown, with a diagnostic', () => {
    const text =
      'locals {\n  a = local.b\n  b = "${local.a}x"\n  c = local.c\n}\nresource "t" "r" {\n  x = local.a\n  y = local.c\n}\n';
    const r = loadTerraform([{ path: 'main.tf', text }]);
    const v = r.documents[0]!.resources[0]!.value;
    expect(isUnknown(v.x!)).toBe(true);
    expect(isUnknown(v.y!)).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toContain('terraform-cycle');
  });

  it('refers to resources, data sources and instances by address', () => {
    expect(unknown(evalExpr('aws_s3_bucket.logs.arn')).refs).toEqual(['aws_s3_bucket.logs']);
    expect(unknown(evalExpr('data.aws_iam_policy_document.p.json')).refs).toEqual([
      'data.aws_iam_policy_document.p',
    ]);
    expect(unknown(evalExpr('aws_instance.web[0].id')).refs).toEqual([
      'aws_instance.web',
      'aws_instance.web[0]',
    ]);
    expect(unknown(evalExpr('aws_s3_bucket.b["k"].id')).refs).toEqual([
      'aws_s3_bucket.b',
      'aws_s3_bucket.b["k"]',
    ]);
    expect(unknown(evalExpr('data.aws_ami.x[1].id')).refs).toEqual(['data.aws_ami.x', 'data.aws_ami.x[1]']);
  });

  it('knows path.module, path.root and terraform.workspace', () => {
    expect(evalExpr('[path.module, path.root, terraform.workspace]')).toEqual(['.', '.', 'default']);
  });
});
