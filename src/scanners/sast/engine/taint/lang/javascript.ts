import type { CallParts, FunctionParts, Shape, TaintLanguage, Target } from '../shapes.js';
import { fieldOf, kindOf, type TNode } from '../tree.js';
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

/** JavaScript, TypeScript and TSX (one grammar family: tree-sitter-javascript and -typescript). */

const FUNCTIONS = [
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
];

/** Operators whose result can carry an operand's text; the rest give numbers or booleans. */
const PROPAGATING = new Set(['+', '||', '&&', '??']);

const LITERALS = new Set([
  'string',
  'number',
  'regex',
  'true',
  'false',
  'null',
  'undefined',
  'comment',
  'import_statement',
  'type_annotation',
  'type_arguments',
  'type_parameters',
  'interface_declaration',
  'type_alias_declaration',
  'property_identifier',
  'private_property_identifier',
  'statement_identifier',
]);

const cleanFunction = calleeIn([
  'parseInt',
  'parseFloat',
  'Number',
  'Boolean',
  'isNaN',
  'isFinite',
  'Number.parseInt',
  'Number.parseFloat',
  'Number.isInteger',
  'Number.isSafeInteger',
  'Array.isArray',
  'Date.now',
]);

const CLEAN_METHODS = new Set([
  'includes',
  'startsWith',
  'endsWith',
  'test',
  'has',
  'indexOf',
  'lastIndexOf',
  'localeCompare',
  'some',
  'every',
  'findIndex',
  'hasOwnProperty',
  'charCodeAt',
  'codePointAt',
  'getTime',
]);

function shape(n: TNode): Shape {
  if (FUNCTIONS.includes(n.kind)) return { type: 'function', fn: functionParts(n) };
  if (LITERALS.has(n.kind) || n.kind.endsWith('_type')) return LITERAL;
  switch (n.kind) {
    case 'identifier':
    case 'shorthand_property_identifier':
      return { type: 'name', name: n.text };
    case 'this':
      return { type: 'name', name: 'this' };
    case 'variable_declarator': {
      // name, optional type annotation, optional value
      const value = n.children().length > 1 ? n.at(-1) : undefined;
      return assign([n.at(0)], [value?.kind === 'type_annotation' ? undefined : value], false);
    }
    case 'assignment_expression':
      return assign([n.at(0)], [n.at(1)], false);
    case 'augmented_assignment_expression':
      return assign([n.at(0)], [n.at(1)], true);
    case 'return_statement':
      return { type: 'return', value: n.children()[0] };
    case 'if_statement':
      return conditional(n.field('condition'), n.field('consequence'), n.field('alternative'));
    case 'ternary_expression':
      return conditional(n.field('condition'), n.field('consequence'), n.field('alternative'), true);
    case 'switch_statement': {
      const cases = n.field('body')?.children() ?? [];
      return branch([n.field('value')], cases, {
        exhaustive: cases.some((c) => c.kind === 'switch_default'),
      });
    }
    case 'try_statement':
      return branch([n.field('body')], [n.field('handler')], { post: [n.field('finalizer')] });
    case 'for_statement':
      return loop([n.field('initializer')], [n.field('condition'), n.field('body'), n.field('increment')]);
    case 'for_in_statement':
      return loop([], [n.field('body')], [{ targets: [n.field('left')], from: n.field('right') }]);
    case 'while_statement':
    case 'do_statement':
      return loop([], [n.field('condition'), n.field('body')]);
    case 'call_expression':
      // callee, optional `?.` and type arguments, then the arguments (a template for tagged calls)
      return call(callParts(n.at(0), n.at(-1)));
    case 'new_expression': {
      const last = n.at(-1);
      return call(callParts(n.at(0), last?.kind === 'arguments' ? last : undefined));
    }
    case 'member_expression':
      return member(n.at(0));
    case 'subscript_expression':
      return member(n.at(0), [n.at(-1)]);
    case 'pair':
      return member(n.at(1), [n.at(0)]);
    case 'binary_expression':
      return PROPAGATING.has(n.operatorBetween(n.at(0), n.at(-1))) ? OTHER : CLEAN;
    case 'unary_expression':
    case 'update_expression':
      return CLEAN;
    default:
      return OTHER;
  }
}

function functionParts(n: TNode): FunctionParts {
  const list = n.field('parameters');
  const single = n.field('parameter');
  const body = n.field('body');
  return {
    name: n.field('name')?.text ?? assignedName(n),
    isMethod: n.kind === 'method_definition',
    params: list ? list.children() : single ? [single] : [],
    body,
    expressionBody: body !== undefined && body.kind !== 'statement_block',
  };
}

/** `const f = () => ...`, `handler = async (req) => ...` in a class, `{ run: function () {} }`. */
function assignedName(n: TNode): string | undefined {
  const parent = n.sg.parent();
  switch (parent && kindOf(parent)) {
    case 'variable_declarator': {
      const name = fieldOf(parent, 'name');
      return name && kindOf(name) === 'identifier' ? name.text() : undefined;
    }
    case 'public_field_definition':
    case 'field_definition':
      return fieldOf(parent, 'name')?.text();
    case 'pair':
      return fieldOf(parent, 'key')?.text();
    default:
      return undefined;
  }
}

function callParts(callee: TNode | undefined, argList: TNode | undefined): CallParts {
  const args = argList?.children() ?? [];
  const base = { args, calleeText: callee?.text ?? '', callee: [] as TNode[] };
  if (callee?.kind === 'member_expression') {
    const object = callee.at(0);
    const method = callee.at(-1)?.text;
    const self = object?.kind === 'this' && method !== undefined;
    return { ...base, receiver: object, method, local: self ? { name: method, self: true } : undefined };
  }
  return unqualifiedCall(base, callee);
}

function target(n: TNode): Target {
  switch (n.kind) {
    case 'identifier':
    case 'shorthand_property_identifier_pattern':
      return { names: [n.text], strong: true };
    case 'member_expression':
    case 'subscript_expression':
      return rootTarget(root(n.field('object')));
    case 'object_pattern':
    case 'array_pattern':
      return patternTarget(n.children(), target);
    case 'pair_pattern':
      return n.field('value') ? target(n.field('value')!) : NO_TARGET;
    case 'assignment_pattern':
    case 'object_assignment_pattern':
      return n.field('left') ? target(n.field('left')!) : NO_TARGET;
    case 'required_parameter':
    case 'optional_parameter':
      return n.field('pattern') ? target(n.field('pattern')!) : NO_TARGET;
    case 'rest_pattern':
    case 'parenthesized_expression':
    case 'non_null_expression':
      return n.children()[0] ? target(n.children()[0]!) : NO_TARGET;
    default:
      return NO_TARGET;
  }
}

/** The variable at the root of `a.b[c].d`, or `this`. */
function root(n: TNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'identifier') return n.text;
  if (n.kind === 'this') return 'this';
  if (n.kind === 'member_expression' || n.kind === 'subscript_expression') return root(n.field('object'));
  return undefined;
}

export const javascript: TaintLanguage = {
  shape,
  target,
  functionKinds: FUNCTIONS,
  cleanCall: (c) =>
    cleanFunction(c.calleeText) || (c.receiver !== undefined && CLEAN_METHODS.has(c.method ?? '')),
  mutators: new Set(['push', 'unshift', 'append', 'add', 'set', 'write']),
};
