export type {
  Attribute,
  BinaryOp,
  Block,
  Body,
  Expr,
  ExprOf,
  ObjectItem,
  Span,
  TemplatePart,
} from './ast.js';
export { lex } from './lexer.js';
export { type HclError, type HclParse, parseHcl, parseTemplate } from './parser.js';
export type { Token, TokenType } from './token.js';
