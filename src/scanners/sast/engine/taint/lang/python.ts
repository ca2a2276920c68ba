import type { CallParts, FunctionParts, Shape, TaintLanguage, Target } from '../shapes.js';
import { kindOf, type TNode } from '../tree.js';
import {
  assign,
  branch,
  CLEAN,
  call,
  calleeIn,
  conditional,
  LITERAL,
  loop,
  member,
  NO_TARGET,
  OTHER,
  patternTarget,
  rootTarget,
  unqualifiedCall,
} from './common.js';

const FUNCTIONS = ['function_definition', 'lambda'];

/** `+` joins strings, `%` formats them; the other arithmetic operators give numbers. */
const PROPAGATING = new Set(['+', '%']);

const LITERALS = new Set([
  'integer',
  'float',
  'true',
  'false',
  'none',
  'comment',
  'type',
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'global_statement',
  'nonlocal_statement',
  'pass_statement',
  'ellipsis',
]);

const COMPREHENSIONS = new Set([
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

const cleanFunction = calleeIn([
  'int',
  'float',
  'bool',
  'len',
  'isinstance',
  'issubclass',
  'hash',
  'abs',
  'round',
  'ord',
  'id',
  'callable',
  'uuid.UUID',
]);

const CLEAN_METHODS = new Set([
  'isdigit',
  'isdecimal',
  'isnumeric',
  'isalnum',
  'isalpha',
  'isidentifier',
  'startswith',
  'endswith',
  'count',
  'find',
  'rfind',
  'index',
  'exists',
  'is_file',
  'is_dir',
  'fullmatch',
]);

function shape(n: TNode): Shape {
  if (FUNCTIONS.includes(n.kind)) return { type: 'function', fn: functionParts(n) };
  if (LITERALS.has(n.kind)) return LITERAL;
  if (COMPREHENSIONS.has(n.kind)) return comprehension(n);
  switch (n.kind) {
    case 'identifier':
      return { type: 'name', name: n.text };
    case 'string':
      // f-strings hold `interpolation` children; a plain string is constant.
      return n.children().some((c) => c.kind === 'interpolation') ? OTHER : LITERAL;
    case 'assignment':
      return assignment(n);
    case 'augmented_assignment':
      return assign([n.at(0)], [n.at(1)], true);
    case 'named_expression':
      return assign([n.field('name')], [n.field('value')], false);
    case 'return_statement':
      return { type: 'return', value: n.children()[0] };
    case 'if_statement':
      return ifShape(n);
    case 'conditional_expression': {
      const [then, condition, otherwise] = n.children();
      return conditional(condition, then, otherwise, true);
    }
    case 'try_statement':
      return tryShape(n);
    case 'for_statement':
      return loop(
        [],
        [n.field('body'), n.field('alternative')],
        [{ targets: [n.field('left')], from: n.field('right') }],
      );
    case 'while_statement':
      return loop([], [n.field('condition'), n.field('body')]);
    case 'call':
      return call(callParts(n));
    case 'attribute':
      return member(n.at(0));
    case 'subscript':
      return member(n.at(0), n.children().slice(1));
    case 'keyword_argument':
      return member(n.at(1));
    case 'binary_operator':
      return PROPAGATING.has(n.operatorBetween(n.at(0), n.at(1))) ? OTHER : CLEAN;
    case 'comparison_operator':
    case 'not_operator':
    case 'unary_operator':
      return CLEAN;
    default:
      return OTHER;
  }
}

/** `if / elif / else`: every condition is evaluated first (approximately), then one body runs. */
function ifShape(n: TNode): Shape {
  const clauses = n.fieldAll('alternative');
  const elifs = clauses.filter((c) => c.kind === 'elif_clause');
  const otherwise = clauses.find((c) => c.kind === 'else_clause');
  return branch(
    [n.field('condition'), ...elifs.map((c) => c.field('condition'))],
    [n.field('consequence'), ...elifs.map((c) => c.field('consequence')), otherwise?.field('body')],
    { exhaustive: otherwise !== undefined },
  );
}

/** `a, b = x, y` pairs its targets and values; `a, b = pair` gives both the whole value. */
function assignment(n: TNode): Shape {
  // left, optional type, optional value
  const left = n.at(0);
  const last = n.children().length > 1 ? n.at(-1) : undefined;
  const right = last?.kind === 'type' ? undefined : last;
  const unpacks = left && right && TUPLES.has(left.kind) && TUPLES.has(right.kind);
  if (unpacks && left.children().length === right.children().length)
    return assign(left.children(), right.children(), false);
  return assign([left], [right], false);
}

const TUPLES = new Set(['pattern_list', 'tuple_pattern', 'expression_list', 'tuple']);

function tryShape(n: TNode): Shape {
  const kids = n.children();
  const handlers = kids.filter((c) => c.kind === 'except_clause' || c.kind === 'except_group_clause');
  const post = kids.filter((c) => c.kind === 'else_clause' || c.kind === 'finally_clause');
  return branch([n.field('body')], handlers, { post });
}

/** `[f(x) for x in xs if p(x)]`: each `for` binds its variables from its collection, the body yields. */
function comprehension(n: TNode): Shape {
  const clauses = n.children().filter((c) => c.kind === 'for_in_clause');
  const rest = n.children().filter((c) => c.kind !== 'for_in_clause');
  return loop(
    [],
    rest,
    clauses.map((c) => ({ targets: c.fieldAll('left'), from: c.field('right') })),
    true,
  );
}

function functionParts(n: TNode): FunctionParts {
  const params = n.field('parameters')?.children() ?? [];
  let holder = n.sg.parent();
  if (holder && kindOf(holder) === 'decorated_definition') holder = holder.parent();
  const grand = holder?.parent();
  const isMethod = grand ? kindOf(grand) === 'class_definition' : false;
  // `self` / `cls` are the receiver: `self.m(a)` passes `a` as m's first parameter.
  const first = params[0] && paramName(params[0]);
  const skip = isMethod && (first === 'self' || first === 'cls') ? 1 : 0;
  return {
    name: n.kind === 'function_definition' ? n.field('name')?.text : undefined,
    isMethod,
    params: params
      .slice(skip)
      .filter((p) => p.kind !== 'keyword_separator' && p.kind !== 'positional_separator'),
    body: n.field('body'),
    expressionBody: n.kind === 'lambda',
  };
}

function paramName(p: TNode): string | undefined {
  return target(p).names[0];
}

function callParts(n: TNode): CallParts {
  const callee = n.at(0);
  const argList = n.at(1);
  const args = argList?.kind === 'argument_list' ? argList.children() : argList ? [argList] : [];
  const base = { args, calleeText: callee?.text ?? '', callee: [] as TNode[] };
  if (callee?.kind === 'attribute') {
    const object = callee.at(0);
    const method = callee.at(1)?.text;
    const self = (object?.text === 'self' || object?.text === 'cls') && method !== undefined;
    return { ...base, receiver: object, method, local: self ? { name: method, self: true } : undefined };
  }
  return unqualifiedCall(base, callee);
}

function target(n: TNode): Target {
  switch (n.kind) {
    case 'identifier':
      return { names: [n.text], strong: true };
    case 'attribute':
      return rootTarget(root(n.field('object')));
    case 'subscript':
      return rootTarget(root(n.field('value')));
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'expression_list':
      return patternTarget(n.children(), target);
    case 'default_parameter':
    case 'typed_default_parameter':
      return n.field('name') ? target(n.field('name')!) : NO_TARGET;
    case 'typed_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
    case 'parenthesized_expression':
      return n.children()[0] ? target(n.children()[0]!) : NO_TARGET;
    default:
      return NO_TARGET;
  }
}

function root(n: TNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'identifier') return n.text;
  if (n.kind === 'attribute') return root(n.field('object'));
  if (n.kind === 'subscript') return root(n.field('value'));
  return undefined;
}

export const python: TaintLanguage = {
  shape,
  target,
  functionKinds: FUNCTIONS,
  cleanCall: (c) =>
    cleanFunction(c.calleeText) || (c.receiver !== undefined && CLEAN_METHODS.has(c.method ?? '')),
  mutators: new Set(['append', 'extend', 'insert', 'add', 'update', 'setdefault', 'write', 'writelines']),
};
