import { useEffect, useRef, useState } from 'react';

/**
 * A text field's own value while someone types, handed to `commit` once typing pauses for
 * `delayMs` (one request per pause, not per key). When the committed value changes from outside
 * (Back, "Clear filters", a shared link), the field takes it.
 */
export function useDebouncedText(
  value: string,
  commit: (text: string) => void,
  delayMs = 300,
): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const latestCommit = useRef(commit);
  latestCommit.current = commit;

  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setDraft(value);
  }, [value]);

  useEffect(() => {
    if (draft === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = draft;
      latestCommit.current(draft);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, delayMs]);

  return [draft, setDraft];
}

/** `value` once it has stayed the same for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
