import { useEffect, useId, useRef, useState } from 'react';

/**
 * A secret the server answered once (a token, a generated password, a webhook key): shown here
 * with a copy button and a warning, and gone when dismissed or when the page reloads — nothing
 * keeps it.
 */
export function OneTimeSecret({
  title,
  value,
  onDismiss,
}: {
  title: string;
  value: string;
  onDismiss: () => void;
}) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  // Announced and focused when it appears: the one moment it can be copied.
  useEffect(() => box.current?.focus(), []);

  async function copyIt() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section ref={box} tabIndex={-1} className="one-time-secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-warning`} className="warning">
        Copy it now: it is shown only this once and cannot be shown again. If it is lost, make a new one.
      </p>
      <div className="secret-row">
        <label>
          Secret value
          <input
            readOnly
            value={value}
            spellCheck={false}
            aria-describedby={`${id}-warning`}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <button type="button" onClick={() => void copyIt()}>
          Copy
        </button>
      </div>
      <p role="status" className="muted">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'failed' && 'Could not copy here: select the text and copy it by hand.'}
      </p>
      <button type="button" onClick={onDismiss}>
        I have stored it — hide it
      </button>
    </section>
  );
}
