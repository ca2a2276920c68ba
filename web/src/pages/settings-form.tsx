import { type ReactNode, useId } from 'react';

export type Problems = Record<string, string>;

export interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form control with its validation message tied to it (aria-describedby) and
 * announced when it appears.
 */
export function Field({
  label,
  problem,
  children,
}: {
  label: ReactNode;
  problem: string | undefined;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': problem ? `${id}-problem` : undefined,
      })}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The server's refusal of a change, or nothing. */
export function Refusal({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}

export const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();
