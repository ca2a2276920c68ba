import { describe, expect, it } from 'vitest';
import { visitTags } from './html.js';

function tags(html: string, names = ['form', 'input', 'link']) {
  const out: string[] = [];
  visitTags(html, new Set(names), {
    open: (name, attrs) => out.push(`${name}${JSON.stringify({ ...attrs })}`),
    close: (name) => out.push(`/${name}`),
  });
  return out;
}

describe('visitTags', () => {
  it('reads attributes quoted, unquoted and bare, in any case, entities decoded', () => {
    expect(
      tags(`<FORM Autocomplete=OFF action='/a?x=1&amp;y=2'><input type="password" disabled></form>`),
    ).toEqual([
      'form{"autocomplete":"OFF","action":"/a?x=1&y=2"}',
      'input{"type":"password","disabled":""}',
      '/form',
    ]);
    expect(tags('<input type = "a" type="b" __proto__="x">')).toEqual(['input{"type":"a","__proto__":"x"}']);
  });

  it('skips comments, scripts and text that is not a tag', () => {
    expect(tags('<!-- <input type="password"> --><script>"<input>"</script>a < b <3 <input name=x>')).toEqual(
      ['input{"name":"x"}'],
    );
  });

  it('stops cleanly on truncated markup', () => {
    expect(tags('<input type="password')).toEqual(['input{"type":"password"}']);
    expect(tags('<!-- <input>')).toEqual([]);
    expect(tags('<script><input>')).toEqual([]);
  });

  it('is linear on hostile markup', () => {
    for (const html of [
      '<div>'.repeat(500_000),
      '<'.repeat(3_000_000),
      `<input ${'a='.repeat(1_000_000)}`,
      `<a ${'"'.repeat(1_000_000)}`,
    ]) {
      tags(html);
    }
  });
});
