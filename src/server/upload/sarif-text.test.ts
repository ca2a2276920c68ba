import { describe, expect, it } from 'vitest';
import { messageText, ruleTitle } from './sarif-text.js';
import { Shape } from './shape.js';

const shape = new Shape('SARIF');
const message = (m: unknown, rule?: object, global?: object) =>
  messageText(shape, m, 'message', rule as Record<string, unknown>, global as Record<string, unknown>);

describe('messageText', () => {
  it('reads text, then markdown, then the message string its id names', () => {
    expect(message({ text: 't', markdown: 'm' })).toBe('t');
    expect(message({ markdown: '**m**' })).toBe('**m**');
    expect(message({ id: 'a', arguments: ['x'] }, { messageStrings: { a: { text: 'rule {0}' } } })).toBe(
      'rule x',
    );
    expect(message({ id: 'g' }, {}, { g: { text: 'global' } })).toBe('global');
    expect(message({ id: 'missing' })).toBe('');
    expect(message(undefined)).toBe('');
  });

  it('fills placeholders it has arguments for, and keeps the others', () => {
    expect(message({ text: '{0} reaches {1} via {2}', arguments: ['input', 'sink'] })).toBe(
      'input reaches sink via {2}',
    );
  });

  it('reduces links to related locations to their text, and keeps web links', () => {
    expect(message({ text: 'depends on [user input](1) and [docs](https://x.io)' })).toBe(
      'depends on user input and [docs](https://x.io)',
    );
  });

  it('does not look up inherited keys as message ids', () => {
    expect(message({ id: 'toString' }, { messageStrings: {} })).toBe('');
  });

  it('refuses a message that is not an object, or text that is not a string', () => {
    expect(() => message('text')).toThrow('SARIF message: expected an object, found a string');
    expect(() => message({ text: 5 })).toThrow('SARIF message.text: expected a string, found a number');
  });
});

describe('ruleTitle', () => {
  it('prefers a prose name, then an informative short description', () => {
    expect(ruleTitle({ name: 'AWS Access Key', shortDescription: { text: 'AKIA[0-9A-Z]{16}' } }, 'aws')).toBe(
      'AWS Access Key',
    );
    expect(ruleTitle({ name: 'js/xss', shortDescription: { text: 'Cross-site scripting' } }, 'js/xss')).toBe(
      'Cross-site scripting',
    );
    expect(
      ruleTitle(
        {
          name: 'a.b.c',
          shortDescription: { text: 'Semgrep Finding: a.b.c' },
          fullDescription: { text: 'Use of eval.' },
        },
        'a.b.c',
      ),
    ).toBe('Use of eval.');
    expect(ruleTitle({ name: 'hardcoded_password' }, 'B105')).toBe('hardcoded_password');
    expect(ruleTitle(undefined, 'R1')).toBe('R1');
  });

  it('shortens a paragraph to its first sentence', () => {
    const long = `This rule finds a problem that matters. ${'It goes on and on. '.repeat(20)}`;
    expect(ruleTitle({ fullDescription: { text: long } }, 'r')).toBe(
      'This rule finds a problem that matters.',
    );
  });
});
