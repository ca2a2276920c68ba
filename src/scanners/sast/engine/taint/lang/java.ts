import type { CallParts, FunctionParts, Shape, TaintLanguage, Target } from '../shapes.js';
import type { TNode } from '../tree.js';
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
} from './common.js';

const FUNCTIONS = ['method_declaration', 'constructor_declaration', 'lambda_expression'];

const LITERALS = new Set([
  'decimal_integer_literal',
  'hex_integer_literal',
  'octal_integer_literal',
  'binary_integer_literal',
  'decimal_floating_point_literal',
  'hex_floating_point_literal',
  'string_literal',
  'text_block',
  'character_literal',
  'true',
  'false',
  'null_literal',
  'class_literal',
  'line_comment',
  'block_comment',
  'modifiers',
  'marker_annotation',
  'annotation',
  'package_declaration',
  'import_declaration',
  'type_identifier',
  'scoped_type_identifier',
  'generic_type',
  'array_type',
  'integral_type',
  'floating_point_type',
  'boolean_type',
  'void_type',
  'type_arguments',
  'type_parameters',
  'dimensions',
  'method_reference',
  'throws',
  'superclass',
  'super_interfaces',
]);

const cleanFunction = calleeIn([
  'Integer.parseInt',
  'Integer.valueOf',
  'Long.parseLong',
  'Long.valueOf',
  'Short.parseShort',
  'Double.parseDouble',
  'Double.valueOf',
  'Float.parseFloat',
  'Boolean.parseBoolean',
  'Boolean.valueOf',
  'UUID.fromString',
  'Objects.equals',
  'Objects.hash',
]);

const CLEAN_METHODS = new Set([
  'equals',
  'equalsIgnoreCase',
  'contains',
  'containsKey',
  'startsWith',
  'endsWith',
  'isEmpty',
  'isBlank',
  'length',
  'size',
  'matches',
  'hashCode',
  'compareTo',
  'indexOf',
  'lastIndexOf',
  'intValue',
  'longValue',
]);

function shape(n: TNode): Shape {
  if (FUNCTIONS.includes(n.kind)) return { type: 'function', fn: functionParts(n) };
  if (LITERALS.has(n.kind)) return LITERAL;
  switch (n.kind) {
    case 'identifier':
      return { type: 'name', name: n.text };
    case 'this':
      return { type: 'name', name: 'this' };
    case 'variable_declarator': {
      // name, optional array dimensions, optional value
      const value = n.children().length > 1 ? n.at(-1) : undefined;
      return assign([n.at(0)], [value?.kind === 'dimensions' ? undefined : value], false);
    }
    case 'assignment_expression':
      return assign([n.at(0)], [n.at(1)], n.operatorBetween(n.at(0), n.at(1)) !== '=');
    case 'return_statement':
      return { type: 'return', value: n.children()[0] };
    case 'if_statement':
      return conditional(n.field('condition'), n.field('consequence'), n.field('alternative'));
    case 'ternary_expression':
      return conditional(n.field('condition'), n.field('consequence'), n.field('alternative'), true);
    case 'switch_expression':
    case 'switch_statement':
      return branch([n.field('condition')], n.field('body')?.children() ?? []);
    case 'try_statement':
    case 'try_with_resources_statement':
      return tryShape(n);
    case 'for_statement':
      return loop(n.fieldAll('init'), [n.field('condition'), n.field('body'), ...n.fieldAll('update')]);
    case 'enhanced_for_statement':
      return loop([], [n.field('body')], [{ targets: [n.field('name')], from: n.field('value') }]);
    case 'while_statement':
    case 'do_statement':
      return loop([], [n.field('condition'), n.field('body')]);
    case 'method_invocation':
      return call(invocationParts(n));
    case 'object_creation_expression':
      return call({
        receiver: undefined,
        callee: n.children().filter((c) => c.kind === 'class_body'),
        method: undefined,
        calleeText: n.field('type')?.text ?? '',
        args: n.field('arguments')?.children() ?? [],
        local: undefined,
      });
    case 'field_access':
      return member(n.at(0));
    case 'array_access':
      return member(n.at(0), [n.at(1)]);
    case 'cast_expression':
      return member(n.field('value'));
    case 'binary_expression':
      return n.operatorBetween(n.at(0), n.at(1)) === '+' ? OTHER : CLEAN;
    case 'unary_expression':
    case 'update_expression':
    case 'instanceof_expression':
      return CLEAN;
    default:
      return OTHER;
  }
}

function tryShape(n: TNode): Shape {
  const kids = n.children();
  return branch(
    [n.field('resources'), n.field('body')],
    kids.filter((c) => c.kind === 'catch_clause'),
    { post: kids.filter((c) => c.kind === 'finally_clause') },
  );
}

function functionParts(n: TNode): FunctionParts {
  const params = n.field('parameters');
  const list = params?.kind === 'identifier' ? [params] : (params?.children() ?? []);
  const body = n.field('body');
  return {
    name: n.kind === 'lambda_expression' ? undefined : n.field('name')?.text,
    // Java has only methods, and calls them without a receiver: resolve `m(x)` like a function.
    isMethod: false,
    params: list,
    body,
    expressionBody: n.kind === 'lambda_expression' && body?.kind !== 'block',
  };
}

/** `[object] [type arguments] name arguments`: the object is there when three or more parts are. */
function invocationParts(n: TNode): CallParts {
  const object = n.children().length >= 3 ? n.at(0) : undefined;
  const name = n.at(-2)?.text;
  const calleeText = object ? `${object.text}.${name ?? ''}` : (name ?? '');
  const self = !object || object.kind === 'this';
  return {
    receiver: object,
    callee: [],
    method: name,
    calleeText,
    args: n.at(-1)?.children() ?? [],
    local: self && name ? { name, self: object !== undefined } : undefined,
  };
}

function target(n: TNode): Target {
  switch (n.kind) {
    case 'identifier':
      return { names: [n.text], strong: true };
    case 'field_access':
      return rootTarget(root(n.field('object')));
    case 'array_access':
      return rootTarget(root(n.field('array')));
    case 'formal_parameter':
    case 'spread_parameter':
    case 'catch_formal_parameter':
      return n.field('name') ? target(n.field('name')!) : patternTarget(n.children(), target);
    case 'variable_declarator':
      return n.field('name') ? target(n.field('name')!) : NO_TARGET;
    case 'inferred_parameters':
      return patternTarget(n.children(), target);
    default:
      return NO_TARGET;
  }
}

function root(n: TNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.kind === 'identifier') return n.text;
  if (n.kind === 'this') return 'this';
  if (n.kind === 'field_access') return root(n.field('object'));
  if (n.kind === 'array_access') return root(n.field('array'));
  return undefined;
}

export const java: TaintLanguage = {
  shape,
  target,
  functionKinds: FUNCTIONS,
  cleanCall: (c) =>
    cleanFunction(c.calleeText) || (c.receiver !== undefined && CLEAN_METHODS.has(c.method ?? '')),
  mutators: new Set([
    'append',
    'insert',
    'add',
    'addAll',
    'put',
    'putAll',
    'write',
    'print',
    'println',
    'set',
  ]),
};
