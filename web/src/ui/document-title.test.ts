import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDocumentTitle } from './document-title';

describe('useDocumentTitle', () => {
  it('names the tab after the page, and follows the page when its title changes', () => {
    const { rerender } = renderHook(({ title }) => useDocumentTitle(title), {
      initialProps: { title: 'Finding #42' as string | undefined },
    });
    expect(document.title).toBe('Finding #42 · Gatehouse');
    rerender({ title: 'SQL built from request data (#42)' });
    expect(document.title).toBe('SQL built from request data (#42) · Gatehouse');
    rerender({ title: undefined });
    expect(document.title).toBe('Gatehouse');
  });
});
