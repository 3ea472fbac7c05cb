import { useDeferredValue, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_SORT,
  distinctPriceTypes,
  distinctTags,
  emptyFilter,
  filterClientsWithFacets,
  prepareSearch,
  sortClients,
  type ClientFilter,
  type ClientListRow,
  type ClientSort,
  type SavedFilter,
} from '@/lib/domain/client-list';
import { ClientListFilters } from './ClientListFilters';
import { ClientListTable } from './ClientListTable';
import { SavedFilters } from './SavedFilters';
import './client-list.css';

export interface ClientListProps {
  /** Every client, projected with toListRow. */
  rows: ClientListRow[];
  loading: boolean;
  /** The local day, YYYY-MM-DD: "next contact due", "overdue" and "not contacted" count from it. */
  today: string;
  savedFilters: SavedFilter[];
  onSaveFilters(next: SavedFilter[]): void;
  onOpenClient(id: string): void;
  /** The selected clients among those shown, in list order. */
  onSelectionChange?(ids: string[]): void;
  /** The filtered and sorted list, for "export current list". */
  onVisibleRowsChange?(rows: ClientListRow[]): void;
}

/** Builds the search index in idle time, so the first keystroke after a load or re-sort is as quick as the rest. */
function usePreparedSearch(rows: ClientListRow[]): void {
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => prepareSearch(rows), { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(() => prepareSearch(rows), 50);
    return () => clearTimeout(handle);
  }, [rows]);
}

/**
 * All clients in one virtualized table with search, filters, sorting and saved filters. The
 * search box and checkboxes update at once; the list follows at lower priority (useDeferredValue),
 * so typing never waits for a scan of 100,000 rows. Sorting runs once per sort change or reload;
 * each filter change filters the sorted array.
 */
export function ClientList(props: ClientListProps) {
  const { rows, loading, today, savedFilters, onSaveFilters, onOpenClient, onSelectionChange, onVisibleRowsChange } = props;
  const [filter, setFilter] = useState<ClientFilter>(emptyFilter);
  const [sort, setSort] = useState<ClientSort>(DEFAULT_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const deferredRows = useDeferredValue(rows);
  const deferredSort = useDeferredValue(sort);
  const deferredFilter = useDeferredValue(filter);
  const pending = deferredRows !== rows || deferredSort !== sort || deferredFilter !== filter;

  const sorted = useMemo(() => sortClients(deferredRows, deferredSort, today), [deferredRows, deferredSort, today]);
  const { rows: visible, statusCounts } = useMemo(() => filterClientsWithFacets(sorted, deferredFilter, today), [sorted, deferredFilter, today]);
  const tags = useMemo(() => distinctTags(deferredRows), [deferredRows]);
  const priceTypes = useMemo(() => distinctPriceTypes(deferredRows), [deferredRows]);
  // Identity of what the table shows: when it changes the table goes back to the top.
  const viewKey = useMemo(() => ({ filter: deferredFilter, sort: deferredSort }), [deferredFilter, deferredSort]);
  usePreparedSearch(sorted);

  // What is selected and still shown: hidden rows are never acted on by accident.
  const selectedIds = useMemo(
    () => (selected.size === 0 ? [] : visible.filter((row) => selected.has(row.id)).map((row) => row.id)),
    [visible, selected],
  );
  const reportedSelection = useRef<string[] | null>(null);
  const reportSelection = useEffectEvent((ids: string[]) => {
    // The list changes on every keystroke; the selection mostly does not: report real changes only.
    const last = reportedSelection.current;
    if (last && last.length === ids.length && last.every((id, i) => id === ids[i])) return;
    reportedSelection.current = ids;
    onSelectionChange?.(ids);
  });
  const reportVisible = useEffectEvent((list: ClientListRow[]) => onVisibleRowsChange?.(list));
  useEffect(() => {
    reportSelection(selectedIds);
  }, [selectedIds]);
  useEffect(() => {
    reportVisible(visible);
  }, [visible]);

  const toggleRow = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (select: boolean) => setSelected(select ? new Set(visible.map((row) => row.id)) : new Set());
  const clearFilters = () => setFilter(emptyFilter());
  const applySaved = (entry: SavedFilter) => {
    setFilter(entry.filter);
    setSort(entry.sort);
  };

  // Right after the rows arrive, the deferred copy may still be the empty one: not "no clients".
  const stillLoading = loading || (rows.length > 0 && deferredRows.length === 0);
  let body;
  if (stillLoading) body = <p className="cl-message" role="status">Loading clients…</p>;
  else if (rows.length === 0 && deferredRows.length === 0) body = <p className="cl-message">No clients yet: import a file or add one</p>;
  else if (visible.length === 0 && !pending) {
    body = (
      <p className="cl-message">
        No client matches these filters.{' '}
        <button type="button" className="link" onClick={clearFilters}>Show all clients</button>
      </p>
    );
  } else {
    body = (
      <ClientListTable
        rows={visible}
        today={today}
        sort={sort}
        onSortChange={setSort}
        selected={selected}
        selectedCount={selectedIds.length}
        onToggleRow={toggleRow}
        onToggleAll={toggleAll}
        onOpenClient={onOpenClient}
        viewKey={viewKey}
      />
    );
  }

  return (
    <section className="client-list" data-testid="client-list" aria-label="Clients" aria-busy={stillLoading || pending}>
      <header className="cl-head">
        <h2>Clients</h2>
        <p className="cl-count" data-testid="client-count" data-shown={visible.length} data-total={deferredRows.length} role="status">
          {visible.length} of {deferredRows.length} clients
          {selectedIds.length > 0 && <span className="muted"> · {selectedIds.length} selected</span>}
        </p>
      </header>
      <ClientListFilters
        filter={filter}
        onChange={setFilter}
        onClear={clearFilters}
        statusCounts={statusCounts}
        tags={tags}
        priceTypes={priceTypes}
      />
      <SavedFilters saved={savedFilters} filter={filter} sort={sort} onApply={applySaved} onSave={onSaveFilters} />
      <div className={pending ? 'cl-body cl-pending' : 'cl-body'}>{body}</div>
    </section>
  );
}
