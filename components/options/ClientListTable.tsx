import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { effectiveOverdue, FIRST_SORT_DIRECTION, type ClientListRow, type ClientSort, type ClientSortKey } from '@/lib/domain/client-list';
import { formatDay, formatMoney, STATUS_LABELS } from '@/lib/domain/format';

// Fixed heights: the virtualizer positions rows by arithmetic, never by measuring 100,000 of them.
// client-list.css keeps the content inside these heights.
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
const OVERSCAN = 8;

interface Column {
  label: string;
  sortKey?: ClientSortKey;
  width: string;
}

const COLUMNS: Column[] = [
  { label: 'Company', sortKey: 'name', width: '20%' },
  { label: 'Status', sortKey: 'status', width: '88px' },
  { label: 'Main contact', width: '14%' },
  { label: 'E-mail', width: '16%' },
  { label: 'Phone', width: '140px' },
  { label: 'Tags', width: '10%' },
  { label: 'Last contact', sortKey: 'lastContactAt', width: '104px' },
  { label: 'Next contact', sortKey: 'nextContactAt', width: '104px' },
  { label: 'Overdue', sortKey: 'overdue', width: '96px' },
];
const COLUMN_COUNT = COLUMNS.length + 1; // + the checkbox column

export interface ClientListTableProps {
  rows: ClientListRow[];
  today: string;
  sort: ClientSort;
  onSortChange(sort: ClientSort): void;
  selected: ReadonlySet<string>;
  /** How many of `rows` are selected (the header checkbox shows all / some / none). */
  selectedCount: number;
  onToggleRow(id: string): void;
  onToggleAll(select: boolean): void;
  onOpenClient(id: string): void;
  /** A new object whenever the filter or sort changes: the list then starts again at the top. */
  viewKey: object;
}

/** The client table: only the rows in view (plus a few) are in the DOM; spacer rows stand for the rest. */
export function ClientListTable(props: ClientListTableProps) {
  const { rows, today, sort, onSortChange, selected, selectedCount, onToggleRow, onToggleAll, onOpenClient, viewKey } = props;
  const idPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The keyboard-focused row; back to the first one when the view changes.
  const [active, setActiveState] = useState({ viewKey, index: 0 });
  const activeIndex = active.viewKey === viewKey ? Math.min(active.index, rows.length - 1) : 0;
  const setActive = (index: number) => setActiveState({ viewKey, index });

  // Back to the top when the view changes (not when rows reload after an edit, which keeps the place).
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);

  // Stable while the rows are the same: the virtualizer re-measures every shown row whenever this
  // function changes (a new one each render cost ~10 ms a keystroke at 100,000 rows; bench profile).
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns fresh values each render; nothing here is memoized on it
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: OVERSCAN,
    // The sticky header sits above the first row inside the scroll area.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const spaceAbove = first ? first.start - HEADER_HEIGHT : 0;
  const spaceBelow = last ? virtualizer.getTotalSize() - last.end : 0;
  const activeRendered = items.some((item) => item.index === activeIndex);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys pressed on the header's buttons and checkbox do what they normally do.
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const visibleRows = Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT);
    const page = Math.max(1, visibleRows - 1);
    const row = rows[activeIndex];
    switch (event.key) {
      case 'ArrowDown': moveTo(activeIndex + 1); break;
      case 'ArrowUp': moveTo(activeIndex - 1); break;
      case 'PageDown': moveTo(activeIndex + page); break;
      case 'PageUp': moveTo(activeIndex - page); break;
      case 'Home': moveTo(0); break;
      case 'End': moveTo(rows.length - 1); break;
      case 'Enter': if (row) onOpenClient(row.id); break;
      case ' ': if (row) onToggleRow(row.id); break;
      default: return;
    }
    event.preventDefault();
  };

  const onRowClick = (event: MouseEvent, index: number, id: string) => {
    setActive(index);
    // Ctrl/⌘-click selects, as in a file list; a plain click opens the card.
    if (event.ctrlKey || event.metaKey) onToggleRow(id);
    else onOpenClient(id);
  };

  const sortBy = (key: ClientSortKey) =>
    onSortChange(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_SORT_DIRECTION[key] });

  const allSelected = rows.length > 0 && selectedCount === rows.length;
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  return (
    <div className="cl-scroll" ref={scrollRef}>
      <table
        className="cl-table"
        role="grid"
        aria-label="Clients"
        aria-rowcount={rows.length + 1}
        aria-colcount={COLUMN_COUNT}
        aria-multiselectable="true"
        aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <colgroup>
          <col style={{ width: 36 }} />
          {COLUMNS.map((column) => <col key={column.label} style={{ width: column.width }} />)}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            <th scope="col" className="cl-check">
              <input
                type="checkbox"
                aria-label={`Select all ${rows.length} clients shown`}
                checked={allSelected}
                ref={(box) => { if (box) box.indeterminate = selectedCount > 0 && !allSelected; }}
                onChange={() => onToggleAll(!allSelected)}
              />
            </th>
            {COLUMNS.map(({ label, sortKey }) => {
              const sorted = sortKey !== undefined && sort.key === sortKey;
              return (
                <th key={label} scope="col" aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : sortKey ? 'none' : undefined}>
                  {sortKey ? (
                    <button type="button" className="cl-sort" onClick={() => sortBy(sortKey)}>
                      {label}
                      <span aria-hidden="true" className="cl-sort-mark">{sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                    </button>
                  ) : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {spaceAbove > 0 && <tr className="cl-spacer" aria-hidden="true" style={{ height: spaceAbove }}><td colSpan={COLUMN_COUNT} /></tr>}
          {items.map((item) => {
            const row = rows[item.index]!;
            const isSelected = selected.has(row.id);
            return (
              <tr
                key={item.key}
                id={rowId(item.index)}
                data-testid="client-row"
                data-client-id={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`${item.index === activeIndex ? 'cl-active' : ''}${isSelected ? ' cl-selected' : ''}`}
                style={{ height: ROW_HEIGHT }}
                onClick={(event) => onRowClick(event, item.index, row.id)}
              >
                <ClientCells row={row} today={today} selected={isSelected} onToggle={() => onToggleRow(row.id)} />
              </tr>
            );
          })}
          {spaceBelow > 0 && <tr className="cl-spacer" aria-hidden="true" style={{ height: spaceBelow }}><td colSpan={COLUMN_COUNT} /></tr>}
        </tbody>
      </table>
    </div>
  );
}

function ClientCells({ row, today, selected, onToggle }: { row: ClientListRow; today: string; selected: boolean; onToggle(): void }) {
  const overdue = effectiveOverdue(row, today);
  const due = row.nextContactAt !== null && row.nextContactAt <= today;
  const others = row.contactCount > 1 ? ` +${row.contactCount - 1}` : '';
  const tags = row.tags.join(', ');
  return (
    <>
      {/* The checkbox is reached with Space on the focused row, so it stays out of the Tab order. */}
      <td className="cl-check" onClick={(event) => event.stopPropagation()}>
        <input type="checkbox" tabIndex={-1} aria-label={`Select ${row.name || 'client'}`} checked={selected} onChange={onToggle} />
      </td>
      <td title={row.legalName ? `${row.name}\n${row.legalName}` : row.name}>
        <div className="cl-name">{row.name || <span className="muted">(no name)</span>}</div>
        {row.legalName && <div className="cl-legal">{row.legalName}</div>}
      </td>
      <td><span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span></td>
      <td title={row.primaryContactName}>{row.primaryContactName}<span className="muted">{others}</span></td>
      <td title={row.primaryEmail}>{row.primaryEmail}</td>
      <td title={row.primaryPhone}>{row.primaryPhone}</td>
      <td title={tags}>{tags}</td>
      <td>{formatDay(row.lastContactAt)}</td>
      <td className={due ? 'cl-due' : undefined}>{formatDay(row.nextContactAt)}</td>
      <td className={overdue !== null ? 'cl-num cl-overdue' : 'cl-num muted'}>{formatMoney(overdue)}</td>
    </>
  );
}
