import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';
import { IMPORT_FIELD_LABELS } from '@/lib/io/column-mapping';
import { IMPORT_FIELDS, type ImportField } from '@/lib/io/import-row';
import type { RawTable } from '@/lib/io/table';

// The columns of the file side by side, each with the field it feeds and the first rows under it.
// Only the columns in view are in the page: a 1,000-column file rendered whole is 33,000 <option>s
// and 5,000 cells, and took the page seconds to lay out (issue 12.12).

const PREVIEW_ROWS = 5;
const COLUMN_WIDTH = 160;
const OVERSCAN = 4;

interface MappingTableProps {
  table: RawTable;
  /** For each column of the table, its 0-based position in the file ("Column 12" when it has no header). */
  sourceColumns: readonly number[];
  mapping: readonly (ImportField | null)[];
  onChange(index: number, field: ImportField | null): void;
}

export function MappingTable({ table, sourceColumns, mapping, onChange }: MappingTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns fresh values each render; nothing here is memoized on it
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: table.header.length,
    getScrollElement,
    estimateSize: () => COLUMN_WIDTH,
    overscan: OVERSCAN,
  });
  const columns = virtualizer.getVirtualItems();
  const spaceBefore = columns[0]?.start ?? 0;
  const spaceAfter = virtualizer.getTotalSize() - (columns[columns.length - 1]?.end ?? 0);
  const preview = table.rows.slice(0, PREVIEW_ROWS);
  const name = (index: number) => table.header[index] || `Column ${(sourceColumns[index] ?? index) + 1}`;
  const spacer = (width: number, Cell: 'th' | 'td') => (width > 0 ? <Cell aria-hidden="true" className="spacer" style={{ width, minWidth: width }} /> : null);

  return (
    <div className="mapping-scroll" ref={scrollRef}>
      <table aria-label="Column mapping" aria-colcount={table.header.length} style={{ width: virtualizer.getTotalSize() }}>
        <thead>
          <tr>
            {spacer(spaceBefore, 'th')}
            {columns.map(({ index }) => (
              <th key={index} scope="col" aria-colindex={index + 1} style={{ width: COLUMN_WIDTH, minWidth: COLUMN_WIDTH }}>
                <div className="column-name" title={name(index)}>{name(index)}</div>
                <select aria-label={`Field for column ${name(index)}`} value={mapping[index] ?? ''} onChange={(e) => onChange(index, e.target.value === '' ? null : (e.target.value as ImportField))}>
                  <option value="">Ignore</option>
                  {IMPORT_FIELDS.map((f) => (
                    <option key={f} value={f}>{IMPORT_FIELD_LABELS[f]}</option>
                  ))}
                </select>
              </th>
            ))}
            {spacer(spaceAfter, 'th')}
          </tr>
        </thead>
        <tbody data-testid="import-preview">
          {preview.map((row) => (
            <tr key={row.line}>
              {spacer(spaceBefore, 'td')}
              {columns.map(({ index }) => (
                <td key={index} aria-colindex={index + 1} className={mapping[index] ? undefined : 'ignored'}>{row.cells[index] ?? ''}</td>
              ))}
              {spacer(spaceAfter, 'td')}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
