import { useState } from 'react';

/**
 * A button for something that cannot be undone: the first press asks, in place, and focus lands
 * on "Cancel" so a second Enter does no harm.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <fieldset aria-label={question} className="confirm-ask">
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      {/* biome-ignore lint/a11y/noAutofocus: the safe answer takes focus when the question appears */}
      <button type="button" autoFocus onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
