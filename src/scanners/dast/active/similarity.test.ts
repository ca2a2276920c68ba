import { describe, expect, it } from 'vitest';
import { normalize, similarity } from './similarity.js';

describe('normalize', () => {
  it('removes what changes on every request and the values sent', () => {
    const a = normalize(
      '<p>Category: Gifts&#39; AND &#39;1&#39;=&#39;1</p><p>Request 3f2c1e0a-1b2c-4d5e-8f90-0123456789ab at 12:01</p>',
      ["Gifts' AND '1'='1", 'Gifts'],
    );
    const b = normalize(
      '<p>Category: Gifts</p><p>Request 9a8b7c6d-1b2c-4d5e-8f90-fedcba987654 at 12:02</p>',
      ['Gifts'],
    );
    expect(similarity(a, b)).toBe(1);
  });

  it('removes the URL-encoded echo too', () => {
    expect(normalize('<a href="?q=a%27%20b">', ["a' b"])).not.toContain('a%27');
  });

  it('takes out session-like tokens', () => {
    expect(normalize('csrf ab12cd34ef56ab78cd90')).toBe('csrf  ');
  });
});

describe('similarity', () => {
  it('is 1 for the same tokens and falls with what differs', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('a b c', 'c b a')).toBe(1);
    expect(similarity('a b c d', 'a b c e')).toBe(0.75);
    expect(similarity('a b', 'x y')).toBe(0);
  });

  it('sees a list item disappear', () => {
    const list = '<ul><li>Espresso cup</li><li>Travel mug</li><li>Gift card</li></ul>';
    const empty = '<p>No products found.</p>';
    expect(similarity(list, empty)).toBeLessThan(0.5);
  });
});
