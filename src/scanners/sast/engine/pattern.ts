import type { Rule as SgRule } from '@ast-grep/napi';
import { EXPANDO, type Parser, parseSource } from '../languages.js';
import { RuleFormatError } from './errors.js';

type PatternStyle = NonNullable<SgRule['pattern']>;

/**
 * Turns a rule's pattern text into what ast-grep needs for this grammar, refusing text that
 * does not parse: tree-sitter would still build a tree with ERROR nodes, and the pattern would
 * then match something other than what its author meant, or nothing, without a word.
 */
export function compilePattern(text: string, parser: Parser, at: string): PatternStyle {
  // A lone metavariable matches any one node; it is not code to parse.
  if (/^\s*\$(\$\$)?[A-Z_][A-Z0-9_]*\s*$/.test(text)) return text.trim();
  if (parser === 'go' && syntaxError(goContext(text), parser) === undefined) return goPattern(text);
  const firstError = syntaxError(text, parser);
  if (firstError !== undefined)
    throw new RuleFormatError(
      at,
      `does not parse as ${parser} code (near ${JSON.stringify(firstError)}); write a complete expression or statement, or give {context, selector}`,
    );
  return text;
}

/** Checks an explicit {context, selector} pattern's context the same way. */
export function checkContext(context: string, parser: Parser, at: string): void {
  const firstError = syntaxError(context, parser);
  if (firstError !== undefined)
    throw new RuleFormatError(
      at,
      `context does not parse as ${parser} code (near ${JSON.stringify(firstError)})`,
    );
}

function syntaxError(text: string, parser: Parser): string | undefined {
  const expando = EXPANDO[parser];
  const source = expando === '$' ? text : text.replaceAll('$', expando);
  const error = parseSource(parser, source)
    .root()
    .find({ rule: { kind: 'ERROR' } });
  return error ? error.text().slice(0, 40) : undefined;
}

/**
 * Go's grammar reads a lone `pkg.Func(args)` at the top of a file as something other than a call,
 * so such a pattern matches nothing. Parsed inside a function body it is a call expression: the
 * pattern becomes that context with the statement's own node kind as selector.
 */
const goContext = (text: string) => `package p\nfunc gatehouse() {\n${text}\n}`;

function goPattern(text: string): PatternStyle {
  const context = goContext(text);
  const root = parseSource('go', context.replaceAll('$', EXPANDO.go)).root();
  const list = root.find({ rule: { kind: 'statement_list' } });
  const statements = list?.namedChildren() ?? [];
  if (statements.length !== 1) return text;
  const statement = statements[0]!;
  const node = statement.kind() === 'expression_statement' ? statement.namedChildren()[0] : statement;
  return node ? { context, selector: node.kind() } : text;
}
