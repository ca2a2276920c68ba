import { useState } from 'react';

/**
 * Copies the page's address (a view whose state lives in the URL) to the clipboard. Where the
 * clipboard is not allowed (plain http on another host), it shows the address, selected, to copy
 * by hand.
 */
export function CopyLinkButton({ label = 'Copy link' }: { label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [href, setHref] = useState('');

  async function copy() {
    // The address as it is now: filters typed a moment ago are in it.
    const now = window.location.href;
    setHref(now);
    try {
      await navigator.clipboard.writeText(now);
      setState('copied');
    } catch {
      setState('manual');
    }
  }

  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="muted">
        {state === 'copied' && 'Link copied.'}
      </span>
      {state === 'manual' && (
        <label>
          Copy this address
          {/* biome-ignore lint/a11y/noAutofocus: the address to copy takes focus when it appears */}
          <input readOnly value={href} autoFocus onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
    </span>
  );
}
