import type { CallParts, FunctionParts, Shape, TaintLanguage, Target } from '../shapes.js';
import type { TNode } from '../tree.js';
import {
  assign,
  branch,
  CLEAN,
  call,
  calleeIn,
  LITERAL,
  loop,
  member,
  NO_TARGET,
  OTHER,
  patternTarget,
  rootTarget,
  unqualifiedCall,
} from './common.js';

const FUNCTIONS = ['function_declaration', 'method_declaration', 'func_literal'];

const LITERALS = new Set([
  'interpreted_string_literal',
  'raw_string_literal',
  'int_literal',
  'float_literal',
  'imaginary_literal',
  'rune_literal',
  'true',
  'false',
  'nil',
  'iota',
  'comment',
  'package_clause',
  'import_declaration',
  'type_declaration',
  'field_identifier',
  'package_identifier',
  'type_identifier',
  'qualified_type',
  'label_name',
]);

/** `&x` and `*p` are the value itself; `!`, `-`, `^` give booleans and numbers. */
const POINTER_OPERATORS = new Set(['&', '*', '<-']);

const cleanFunction = calleeIn([
  'len',
  'cap',
  'strconv.Atoi',
  'strconv.ParseInt',
  'strconv.ParseUint',
  'strconv.ParseFloat',
  'strconv.ParseBool',
  'strings.Contains',
  'strings.HasPrefix',
  'strings.HasSuffix',
  'strings.Index',
  'strings.Count',
  'strings.EqualFold',
  'uuid.Parse',
  'errors.Is',
]);

function shape(n: TNode): Shape {
  if (FUNCTIONS.includes(n.kind)) return { type: 'function', fn: functionParts(n) };
  if (LITERALS.has(n.kind) || n.kind.endsWith('_type')) return LITERAL;
  switch (n.kind) {
    case 'identifier':
      return n.text === '_' ? LITERAL : { type: 'name', name: n.text };
    case 'short_var_declaration':
      return assign(n.at(0)?.children() ?? [], n.at(1)?.children() ?? [], false);
    case 'assignment_statement':
      return assign(
        n.at(0)?.children() ?? [],
        n.at(1)?.children() ?? [],
        n.operatorBetween(n.at(0), n.at(1)) !== '=',
      );
    case 'var_spec':
    case 'const_spec':
      return assign(n.fieldAll('name'), n.field('value')?.children() ?? [], false);
    case 'return_statement':
      return { type: 'return', value: n.children()[0] };
    case 'if_statement':
      return branch(
        [n.field('initializer'), n.field('condition')],
        [n.field('consequence'), n.field('alternative')],
        { exhaustive: true },
      );
    case 'expression_switch_statement':
    case 'type_switch_statement': {
      const cases = n.children().filter((c) => c.kind.endsWith('_case'));
      return branch([n.field('initializer'), n.field('value')], cases, {
        exhaustive: cases.some((c) => c.kind === 'default_case'),
      });
    }
    case 'select_statement':
      return branch([], n.children());
    case 'for_statement':
      return forShape(n);
    case 'call_expression':
      return call(callParts(n));
    case 'selector_expression':
      return member(n.at(0));
    case 'index_expression':
      return member(n.at(0), [n.at(1)]);
    case 'slice_expression':
      return member(n.field('operand'), [n.field('start'), n.field('end'), n.field('capacity')]);
    case 'type_assertion_expression':
      return member(n.field('operand'));
    case 'binary_expression':
      return n.operatorBetween(n.at(0), n.at(1)) === '+' ? OTHER : CLEAN;
    case 'unary_expression':
      return POINTER_OPERATORS.has(n.operator()) ? OTHER : CLEAN;
    case 'keyed_element':
      return member(n.children()[1]);
    default:
      return OTHER;
  }
}

function forShape(n: TNode): Shape {
  const body = n.field('body');
  const header = n.children().find((c) => c.kind === 'range_clause' || c.kind === 'for_clause');
  if (header?.kind === 'range_clause')
    return loop(
      [],
      [body],
      [{ targets: header.field('left')?.children() ?? [], from: header.field('right') }],
    );
  if (header?.kind === 'for_clause')
    return loop([header.field('initializer')], [header.field('condition'), body, header.field('update')]);
  return loop([], n.children());
}

function functionParts(n: TNode): FunctionParts {
  // `func (a, b string)` declares two parameters in one declaration.
  const params = (n.field('parameters')?.children() ?? []).flatMap((d) => {
    const names = d.fieldAll('name');
    return names.length > 0 ? names : [d];
  });
  return {
    name: n.kind === 'func_literal' ? undefined : n.field('name')?.text,
    isMethod: n.kind === 'method_declaration',
    params,
    body: n.field('body'),
    expressionBody: false,
  };
}

function callParts(n: TNode): CallParts {
  // callee, optional type arguments, arguments
  const callee = n.at(0);
  const args = n.at(-1)?.children() ?? [];
  const base = { args, calleeText: callee?.text ?? '', callee: [] as TNode[] };
  if (callee?.kind === 'selector_expression') {
    const operand = callee.at(0);
    const method = callee.at(1)?.text;
    // A method of this file may be called on any receiver variable; package calls never resolve
    // to one because only methods are looked up for `x.m()`.
    const local = operand?.kind === 'identifier' && method ? { name: method, self: true } : undefined;
    return { ...base, receiver: operand, method, local };
  }
  return unqualifiedCall(base, callee);
}

function target(n: TNode): Target {
  switch (n.kind) {
    case 'identifier':
      return n.text === '_' ? NO_TARGET : { names: [n.text], strong: true };
    case 'selector_expression':
    case 'index_expression':
      return rootTarget(root(n.field('operand')));
    case 'unary_expression':
      return rootTarget(root(n.field('operand')));
    case 'expression_list':
      return patternTarget(n.children(), target);
    case 'parameter_declaration':
    case 'variadic_parameter_declaration':
      return patternTarget(n.fieldAll('name'), target);
    default:
      return NO_TARGET;
  }
}

function root(n: TNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'identifier') return n.text;
  if (n.kind === 'selector_expression' || n.kind === 'index_expression' || n.kind === 'unary_expression')
    return root(n.field('operand'));
  return undefined;
}

export const go: TaintLanguage = {
  shape,
  target,
  functionKinds: FUNCTIONS,
  cleanCall: (c) => cleanFunction(c.calleeText),
  mutators: new Set(['WriteString', 'Write', 'WriteByte', 'WriteRune', 'Set', 'Add']),
};
