import { describe, expect, it } from 'vitest';
import { elementInjected, executableScripts, jsStateAt, scriptStates } from './html-context.js';

describe('elementInjected', () => {
  const tag = 'ghxtest1';
  it.each([
    ['body text', `<p>Results for <${tag}></p>`],
    ['a broken-out attribute', `<input value="'"><${tag}>">`],
    ['a broken-out single-quoted attribute', `<input value=''"><${tag}>'>`],
    ['a closed textarea', `<textarea></textarea><${tag}></textarea>`],
    ['a closed comment', `<!-- x --><${tag}> -->`],
    ['a closed script', `<script>var a = "</script><${tag}>";</script>`],
  ])('finds the element in %s', (_where, html) => {
    expect(elementInjected(html, tag)).toBe(true);
  });

  it.each([
    ['encoded text', `<p>Results for &lt;${tag}&gt;</p>`],
    ['a textarea', `<textarea><${tag}></textarea>`],
    ['a title', `<title><${tag}></title>`],
    ['a comment', `<!-- <${tag}> -->`],
    ['a script string', `<script>var a = "<${tag}>";</script>`],
    ['a style sheet', `<style><${tag}></style>`],
    ['a template', `<template><${tag}></template>`],
    ['a noscript', `<noscript><${tag}></noscript>`],
    ['an attribute value', `<input value="<${tag}>">`],
  ])('does not count text in %s', (_where, html) => {
    expect(elementInjected(html, tag)).toBe(false);
  });

  it('matches the name exactly', () => {
    expect(elementInjected(`<${tag}x>`, tag)).toBe(false);
  });
});

describe('executableScripts', () => {
  it('keeps inline JavaScript and leaves data and external scripts out', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script type="application/json">{"c":1}</script>' +
      '<script src="/x.js">d()</script><script type="text/template"><p></script>';
    expect(executableScripts(html)).toEqual(['a()', 'b()']);
  });
});

describe('jsStateAt', () => {
  const at = (src: string, needle = 'X') => jsStateAt(src, src.indexOf(needle));
  it('tells code, strings, comments and regular expressions apart', () => {
    expect(at('var a = X;')).toBe('code');
    expect(at('var a = "X";')).toBe('"');
    expect(at("var a = 'X';")).toBe("'");
    expect(at('var a = `X`;')).toBe('`');
    expect(at('var a = "\\"X";')).toBe('"');
    expect(at('var a = "a\\\\"; X')).toBe('code');
    expect(at('// X')).toBe('comment');
    expect(at('/* a */ X')).toBe('code');
    expect(at('/* X */')).toBe('comment');
    expect(at('var r = /"/; var s = X;')).toBe('code');
    expect(at('var r = /["]/.test(y) ? X : 0;')).toBe('code');
    expect(at('var d = a / 2; var s = "X";')).toBe('"');
  });

  it('finds every reflection in executable scripts only', () => {
    const html = '<script>var a = "X"; b(X);</script><script type="application/json">{"a":"X"}</script>';
    expect(scriptStates(html, 'X')).toEqual(['"', 'code']);
  });
});
