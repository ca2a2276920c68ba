import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedText } from '../ui/debounce';
import { FINDING_STATUSES, type FindingStatusName, OPEN_STATUSES, STATUS_LABELS } from '../ui/finding-status';
import { SEVERITIES, type Severity } from '../ui/severity';
import { SLA_LABELS, SLA_NAMES } from '../ui/sla-label';
import {
  EMPTY_FILTER,
  type FindingsFilter,
  type FindingsView,
  isDefaultFilter,
  readView,
  writeView,
} from './findings-url';

/** Gatehouse's own scanners; reports of other tools arrive as `sarif:<tool>`. */
const KNOWN_SCANNERS = ['sast', 'sca', 'secrets', 'iac', 'container', 'dast'];

/**
 * The view in the URL, and how to move it: every change is a new address (Back undoes it). The
 * router takes a moment to commit a navigation, so the view changed last is used at once (the
 * ticked box shows ticked, the request starts) until the URL catches up with it.
 */
export function useFindingsView() {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => readView(params), [params]);
  const [pending, setPending] = useState<FindingsView | null>(null);
  const latest = useRef(fromUrl);
  useEffect(() => {
    latest.current = fromUrl;
    setPending(null);
  }, [fromUrl]);
  const change = (to: (v: FindingsView) => FindingsView, replace = false) => {
    const next = to(latest.current);
    latest.current = next;
    setPending(next);
    setParams(writeView(next), { replace });
  };
  return { view: pending ?? fromUrl, change };
}

export type FilterChange = (patch: Partial<FindingsFilter>, how?: { replace?: boolean }) => void;

const joinList = (values: string[]) => values.join(', ');
const splitList = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/**
 * A comma-separated list of names (projects, scanners, rules) with suggestions. Unlike free text
 * it applies on Enter, on leaving the field or on picking a suggestion: half a name is not a
 * name, and asking the server for "alp" on the way to "alpha" is a wasted request (an unknown
 * project is even an error).
 */
function ListField({
  label,
  values,
  onCommit,
  suggestions,
  onDraft,
  describedBy,
}: {
  label: string;
  values: string[];
  onCommit: (values: string[]) => void;
  suggestions: readonly string[];
  onDraft?: (text: string) => void;
  describedBy: string;
}) {
  const id = useId();
  const shown = joinList(values);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = (text: string) => {
    if (joinList(splitList(text)) !== shown) onCommit(splitList(text));
  };
  return (
    <label>
      {label}
      <input
        type="text"
        list={`${id}-options`}
        value={draft}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value);
          onDraft?.(e.target.value.split(',').at(-1)?.trim() ?? '');
          // Chromium picks a suggestion as one replacement of the whole text.
          if ((e.nativeEvent as InputEvent).inputType === 'insertReplacementText') commit(e.target.value);
        }}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') setDraft(shown);
        }}
        onBlur={(e) => commit(e.currentTarget.value)}
      />
      <datalist id={`${id}-options`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </label>
  );
}

function Checkboxes<T extends string>({
  legend,
  options,
  checked,
  labels,
  onChange,
  classOf,
}: {
  legend: string;
  options: readonly T[];
  checked: readonly T[];
  labels: Record<T, string>;
  onChange: (values: T[]) => void;
  classOf?: (value: T) => string;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend className="group-legend">{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check">
          <input
            type="checkbox"
            checked={checked.includes(o)}
            onChange={(e) =>
              onChange(options.filter((x) => (x === o ? e.target.checked : checked.includes(x))))
            }
          />
          <span className={classOf?.(o)}>{labels[o]}</span>
        </label>
      ))}
    </fieldset>
  );
}

const SEVERITY_WORDS = Object.fromEntries(SEVERITIES.map((s) => [s, s])) as Record<Severity, string>;

/**
 * The findings table's filters: exactly those GET /api/v1/findings takes. The form holds no state
 * of its own beyond what is being typed: every value comes from, and goes to, the URL.
 */
export function FindingsFilters({
  filter,
  onChange,
  projectSuggestions,
  onProjectDraft,
}: {
  filter: FindingsFilter;
  onChange: FilterChange;
  projectSuggestions: readonly string[];
  onProjectDraft: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useDebouncedText(filter.text, (t) => onChange({ text: t }, { replace: true }));
  // No status in the URL means the server's default; the boxes say which that is.
  const statuses: FindingStatusName[] = filter.status.length ? filter.status : [...OPEN_STATUSES];
  return (
    <form className="filters" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-row">
        <label className="grow">
          Search
          <input
            type="search"
            value={text}
            maxLength={200}
            placeholder="title, message, path or rule"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <ListField
          label="Project"
          values={filter.project}
          suggestions={projectSuggestions}
          onDraft={onProjectDraft}
          onCommit={(project) => onChange({ project })}
          describedBy={`${id}-lists`}
        />
        <ListField
          label="Scanner"
          values={filter.scanner}
          suggestions={KNOWN_SCANNERS}
          onCommit={(scanner) => onChange({ scanner })}
          describedBy={`${id}-lists`}
        />
        <ListField
          label="Rule"
          values={filter.rule}
          suggestions={[]}
          onCommit={(rule) => onChange({ rule })}
          describedBy={`${id}-lists`}
        />
        <label>
          SLA
          <select
            value={filter.sla}
            onChange={(e) => onChange({ sla: e.target.value as FindingsFilter['sla'] })}
          >
            <option value="">any</option>
            {SLA_NAMES.map((s) => (
              <option key={s} value={s}>
                {SLA_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          First seen from
          <input
            type="date"
            value={filter.firstSeenFrom}
            max={filter.firstSeenTo || undefined}
            onChange={(e) => onChange({ firstSeenFrom: e.target.value })}
          />
        </label>
        <label>
          First seen to
          <input
            type="date"
            value={filter.firstSeenTo}
            min={filter.firstSeenFrom || undefined}
            onChange={(e) => onChange({ firstSeenTo: e.target.value })}
          />
        </label>
      </div>
      <div className="filter-row">
        <Checkboxes
          legend="Severity"
          options={SEVERITIES}
          checked={filter.severity}
          labels={SEVERITY_WORDS}
          classOf={(s) => `sev-${s}`}
          onChange={(severity) => onChange({ severity })}
        />
        <Checkboxes
          legend="Status"
          options={FINDING_STATUSES}
          checked={statuses}
          labels={STATUS_LABELS}
          onChange={(status) => onChange({ status })}
        />
        <button
          type="button"
          className="clear-filters"
          disabled={isDefaultFilter(filter)}
          onClick={() => onChange(EMPTY_FILTER)}
        >
          Clear filters
        </button>
      </div>
      <p id={`${id}-lists`} className="hint muted">
        Project, scanner and rule take names separated by commas and apply on Enter. Dates are whole days
        (UTC). Without a status ticked by you, the list shows open, confirmed and in-progress findings.
      </p>
    </form>
  );
}
