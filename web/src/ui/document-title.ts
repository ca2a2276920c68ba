import { useEffect } from 'react';

/**
 * Names the browser tab (and the window screen readers announce on navigation) after the page:
 * "Findings · Gatehouse". A single-page app keeps one document, so each page says its own name.
 */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Gatehouse` : 'Gatehouse';
  }, [title]);
}
