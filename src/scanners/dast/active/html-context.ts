import { Parser } from 'htmlparser2';

/**
 * Elements whose content a browser parses but never runs: `<template>` content is inert, and
 * `<noscript>` is raw text whenever scripts are enabled (and without scripts nothing runs).
 */
const INERT = new Set(['template', 'noscript']);

/** `<script type>` values browsers execute; anything else (JSON, templates) is data. */
const SCRIPT_TYPES = new Set([
  '',
  'module',
  'text/javascript',
  'application/javascript',
  'text/ecmascript',
  'application/ecmascript',
  'application/x-javascript',
  'application/x-ecmascript',
  'text/x-javascript',
  'text/x-ecmascript',
  'text/jscript',
  'text/livescript',
]);

const OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/**
 * True when the document has an element named `tag`, as a browser would build it: text inside
 * `<textarea>`, `<title>`, `<script>`, `<style>`, `<xmp>` or a comment is not an element (the
 * parser knows these raw-text states), and one inside `<template>` or `<noscript>` is inert.
 */
export function elementInjected(html: string, tag: string): boolean {
  let found = false;
  let inert = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === tag && inert === 0) found = true;
        if (INERT.has(name)) inert++;
      },
      onclosetag(name) {
        if (INERT.has(name) && inert > 0) inert--;
      },
    },
    OPTIONS,
  );
  parser.end(html);
  return found;
}

/** The source of every script the page runs inline (external and data scripts left out). */
export function executableScripts(html: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'script') return;
        const type = (attrs.type ?? '').split(';')[0]!.trim().toLowerCase();
        current = SCRIPT_TYPES.has(type) && attrs.src === undefined ? '' : undefined;
      },
      ontext(text) {
        if (current !== undefined) current += text;
      },
      onclosetag(name) {
        if (name !== 'script') return;
        if (current !== undefined) out.push(current);
        current = undefined;
      },
    },
    OPTIONS,
  );
  parser.end(html);
  return out;
}

export type JsState = 'code' | '"' | "'" | '`' | 'regex' | 'comment';

/** After these (or at the start), a `/` opens a regular expression rather than dividing. */
const BEFORE_REGEX = new Set([
  '',
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
]);

/**
 * The lexical state of a script at `index`: in code, in a string (by its quote), in a regular
 * expression literal or in a comment. A lexer, not a parser: template literals are treated as
 * one string (a `${}` inside is not code), which only ever makes the check miss, never fire.
 */
export function jsStateAt(src: string, index: number): JsState {
  let state: JsState = 'code';
  let lineComment = false;
  let inClass = false;
  let last = '';
  let i = 0;
  const end = Math.min(index, src.length);
  while (i < end) {
    const c = src[i]!;
    const next = src[i + 1];
    if (state === 'code') {
      if (c === '/' && next === '/') {
        state = 'comment';
        lineComment = true;
        i += 2;
      } else if (c === '/' && next === '*') {
        state = 'comment';
        lineComment = false;
        i += 2;
      } else if (c === '/' && BEFORE_REGEX.has(last)) {
        state = 'regex';
        inClass = false;
        i++;
      } else if (c === '"' || c === "'" || c === '`') {
        state = c;
        i++;
      } else {
        if (!/\s/.test(c)) last = /[\w$]/.test(c) ? 'w' : c;
        i++;
      }
      continue;
    }
    if (state === 'comment') {
      if (lineComment ? c === '\n' || c === '\r' : c === '*' && next === '/') {
        state = 'code';
        i += lineComment ? 1 : 2;
      } else {
        i++;
      }
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (state === 'regex') {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        state = 'code';
        last = 'w';
      } else if (c === '\n') state = 'code';
      i++;
      continue;
    }
    if (c === state || ((c === '\n' || c === '\r') && state !== '`')) {
      state = 'code';
      last = 'w';
    }
    i++;
  }
  return state;
}

/** The lexical state at each place `needle` appears in the page's executable inline scripts. */
export function scriptStates(html: string, needle: string): JsState[] {
  const states: JsState[] = [];
  for (const src of executableScripts(html)) {
    for (let at = src.indexOf(needle); at >= 0 && states.length < 20; at = src.indexOf(needle, at + 1))
      states.push(jsStateAt(src, at));
  }
  return states;
}
