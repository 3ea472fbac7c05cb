import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  addSavedFilter,
  cleanSavedFilterName,
  findSavedFilterByName,
  removeSavedFilter,
  renameSavedFilter,
  SAVED_FILTER_NAME_MAX,
  sameFilter,
  sameSort,
  type ClientFilter,
  type ClientSort,
  type SavedFilter,
} from '@/lib/domain/client-list';

export interface SavedFiltersProps {
  saved: SavedFilter[];
  filter: ClientFilter;
  sort: ClientSort;
  onApply(entry: SavedFilter): void;
  /** The whole new list; the caller stores it. */
  onSave(next: SavedFilter[]): void;
}

type Naming = { mode: 'save' | 'rename'; name: string; error: string | null } | null;

/**
 * Pick a saved filter to apply it; save the current filter and sort under a name (an existing
 * name is replaced); rename or delete the one in use. The select shows a saved filter only while
 * the current filter and sort are exactly it.
 */
export function SavedFilters({ saved, filter, sort, onApply, onSave }: SavedFiltersProps) {
  const [naming, setNaming] = useState<Naming>(null);
  const current = saved.find((entry) => sameFilter(entry.filter, filter) && sameSort(entry.sort, sort));

  const apply = (id: string) => {
    const entry = saved.find((item) => item.id === id);
    if (entry) onApply(entry);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!naming) return;
    const name = cleanSavedFilterName(naming.name);
    if (name === '') return setNaming({ ...naming, error: 'Give the filter a name.' });
    if (naming.mode === 'rename' && current) {
      const holder = findSavedFilterByName(saved, name);
      if (holder && holder.id !== current.id) return setNaming({ ...naming, error: `“${holder.name}” is already a saved filter.` });
      onSave(renameSavedFilter(saved, current.id, name));
    } else {
      onSave(addSavedFilter(saved, { id: crypto.randomUUID(), name, filter, sort }));
    }
    setNaming(null);
  };

  const cancelOnEscape = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') setNaming(null);
  };

  const replaces = naming?.mode === 'save' ? findSavedFilterByName(saved, naming.name) : undefined;

  return (
    <div className="cl-saved">
      <label className="cl-field">
        Saved filters
        <select value={current?.id ?? ''} onChange={(event) => apply(event.target.value)} disabled={saved.length === 0}>
          <option value="">{saved.length === 0 ? 'None yet' : current ? '—' : 'Choose…'}</option>
          {saved.map((entry) => <option key={entry.id} value={entry.id}>{entry.name}</option>)}
        </select>
      </label>
      {naming ? (
        <form className="cl-naming" onSubmit={submit} aria-label={naming.mode === 'save' ? 'Save current filter' : 'Rename saved filter'}>
          <input
            aria-label="Filter name"
            value={naming.name}
            maxLength={SAVED_FILTER_NAME_MAX}
            onChange={(event) => setNaming({ ...naming, name: event.target.value, error: null })}
            onKeyDown={cancelOnEscape}
            placeholder="e.g. Debtors to call"
            // The field appears because the user asked to name the filter: typing goes straight into it.
            autoFocus
          />
          <button type="submit">{naming.mode === 'rename' ? 'Rename' : replaces ? `Replace “${replaces.name}”` : 'Save'}</button>
          <button type="button" className="link" onClick={() => setNaming(null)}>Cancel</button>
          {naming.error && <span className="error" role="alert">{naming.error}</span>}
        </form>
      ) : (
        <>
          <button type="button" className="link" onClick={() => setNaming({ mode: 'save', name: current?.name ?? '', error: null })}>
            Save current filter…
          </button>
          {current && (
            <>
              <button type="button" className="link" onClick={() => setNaming({ mode: 'rename', name: current.name, error: null })}>
                Rename…
              </button>
              <button type="button" className="link cl-danger" onClick={() => onSave(removeSavedFilter(saved, current.id))} aria-label={`Delete saved filter ${current.name}`}>
                Delete
              </button>
            </>
          )}
        </>
      )}
    </div>
  );
}
