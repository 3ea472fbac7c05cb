import { useId, useState } from 'react';

// A field that saves itself: on blur (text) or on change (select, checkbox, date), only when the
// value differs from the stored one. The page shows one saved state for the whole card.

interface Option {
  value: string;
  label: string;
}

interface AutoFieldProps {
  label: string;
  /** The stored value, as text ('' for none). */
  value: string;
  onSave(value: string): void;
  kind?: 'text' | 'textarea' | 'number' | 'date' | 'select';
  options?: readonly Option[];
  placeholder?: string;
  hint?: string;
  disabled?: boolean;
}

export function AutoField({ label, value, onSave, kind = 'text', options = [], placeholder, hint, disabled }: AutoFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  // A save elsewhere (or a reload after a stale edit) replaces what is shown (React's "adjust state
  // when a prop changes" pattern: set during render, no effect).
  if (value !== stored) {
    setStored(value);
    setDraft(value);
  }

  const commit = (next: string) => {
    if (next.trim() !== value.trim()) onSave(next.trim());
  };
  const common = { id, disabled, 'aria-describedby': hint ? `${id}-hint` : undefined };

  let control;
  if (kind === 'textarea') {
    control = <textarea {...common} rows={3} value={draft} placeholder={placeholder} onChange={(e) => setDraft(e.target.value)} onBlur={() => commit(draft)} />;
  } else if (kind === 'select') {
    control = (
      <select
        {...common}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        // Numbers as text: a manager types "1 234,50", which a number input would refuse silently.
        type={kind === 'number' ? 'text' : kind}
        inputMode={kind === 'number' ? 'decimal' : undefined}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => {
          setDraft(e.target.value);
          // A date picker has no typing in progress: save as soon as a whole date is chosen.
          if (kind === 'date' && (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value))) commit(e.target.value);
        }}
        onBlur={() => kind !== 'date' && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
        }}
      />
    );
  }
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div>
        {control}
        {hint && (
          <div id={`${id}-hint`} className="muted small">
            {hint}
          </div>
        )}
      </div>
    </>
  );
}

/** "1 234,5" → 1234.5; '' → null; anything else → NaN (the caller reports it). */
export function parseNumberInput(text: string): number | null {
  const bare = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (bare === '') return null;
  return /^-?\d+(\.\d+)?$/.test(bare) ? Number(bare) : Number.NaN;
}

/** "a@x.ru; b@x.ru", "a, b", one per line → a list without blanks. Phones pass /[;\n]+/: a comma may be part of one. */
export function splitListInput(text: string, separators = /[;,\n]+/): string[] {
  return text
    .split(separators)
    .map((part) => part.trim())
    .filter(Boolean);
}
