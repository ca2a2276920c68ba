import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from './line-index.js';
import { LockfileError } from './parser.js';

/** A parsed XML element: child elements by tag name (always arrays), attributes, text. */
export interface XmlNode {
  [child: string]: unknown;
}

const META = XMLParser.getMetaDataSymbol();

/**
 * Real POMs and packages.config files are kilobytes; the XML parser needs seconds per ten
 * megabytes, so anything past this is refused rather than left to stall a scan.
 */
const MAX_XML_BYTES = 8 * 1024 * 1024;

/**
 * Parses untrusted XML (pom.xml, packages.config). A DOCTYPE is refused outright: neither
 * format needs one, and refusing it is the only sure way to stop entity bombs and external
 * entities. Only the five built-in entities are decoded; nesting is bounded by the parser.
 */
export function parseXml(untrimmed: string, arrayTags: ReadonlySet<string>): XmlNode {
  // Whitespace after the root element means nothing, but the XML parser pays for every character.
  const text = untrimmed.trimEnd();
  if (text.length > MAX_XML_BYTES) {
    throw new LockfileError(
      `larger than ${MAX_XML_BYTES / 1024 / 1024} MiB of XML; no real manifest comes close`,
    );
  }
  const doctype = /<!DOCTYPE/.exec(text);
  if (doctype)
    throw new LockfileError(
      'DOCTYPE declarations are not allowed',
      new LineIndex(text).lineOf(doctype.index),
    );
  const check = XMLValidator.validate(text);
  if (check !== true) throw new LockfileError(`not well-formed XML: ${check.err.msg}`, check.err.line);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
    processEntities: { enabled: true, maxEntityCount: 0 },
    captureMetaData: true,
    maxNestedTags: 64,
    isArray: (tag, _path, _leaf, isAttribute) => !isAttribute && arrayTags.has(tag),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    throw new LockfileError(`cannot read XML: ${(e as Error).message}`);
  }
}

/** The 1-based line where an element starts, when the parser recorded it. */
export function elementLine(lines: LineIndex, node: unknown): number | undefined {
  if (!isNode(node)) return undefined;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META as symbol];
  return meta?.startIndex === undefined ? undefined : lines.lineOf(meta.startIndex);
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child element's text (trimmed), or undefined when absent or not a leaf. */
export function childText(node: XmlNode, tag: string): string | undefined {
  const v = node[tag];
  if (typeof v === 'string') return v.trim();
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'].trim();
  if (isNode(v)) return '';
  return undefined;
}

/** A child element, or undefined when absent, empty or repeated. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  const v = node[tag];
  return isNode(v) ? v : undefined;
}

/** Repeated child elements (tags listed in `arrayTags` at parse time), elements only. */
export function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  const v = node?.[tag];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@${name}`];
  return typeof v === 'string' ? v.trim() : undefined;
}
