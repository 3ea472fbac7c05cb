// File-level warnings of the import: things that are not wrong enough to reject a row, but that
// the user should know before the base changes. Pure.
import { isListField } from './column-mapping';
import type { ImportField } from './import-row';
import { unique } from './import-values';
import type { RawRow } from './table';

/** "lines 4, 9" — the first ten, then "…". */
export function linesText(lines: readonly number[]): string {
  const shown = lines.length > 10 ? `${lines.slice(0, 10).join(', ')}…` : lines.join(', ');
  return `line${lines.length === 1 ? '' : 's'} ${shown}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Exact repeats are kept (the importer merges them into one client), but the user should know. */
export function duplicateWarnings(rows: readonly RawRow[]): string[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  for (const row of rows) {
    const key = JSON.stringify(row.cells.map((cell) => cell.trim()));
    if (seen.has(key)) repeats.push(row.line);
    else seen.add(key);
  }
  if (repeats.length === 0) return [];
  return [`${plural(repeats.length, 'duplicate row')} (the same as an earlier row; merged on import): ${linesText(repeats)}`];
}

export function yearlessWarnings(lines: readonly number[]): string[] {
  if (lines.length === 0) return [];
  return [`${plural(lines.length, 'birthday')} without a year left out (a birthday is kept with its year): ${linesText(lines)}`];
}

interface MappedColumn {
  index: number;
  field: ImportField;
  label: string;
}

/** Several columns for one single field (two "Organization N - Name"): say when they disagree. */
export function conflictWarnings(columns: readonly MappedColumn[], rows: readonly RawRow[], cellValue: (row: RawRow, index: number) => string): string[] {
  const warnings: string[] = [];
  for (const field of unique(columns.map((column) => column.field))) {
    const same = columns.filter((column) => column.field === field);
    if (same.length < 2 || isListField(field)) continue;
    const differing = rows.filter((row) => unique(same.map((column) => cellValue(row, column.index)).filter((value) => value !== '')).length > 1).length;
    if (differing > 0) {
      const names = same.map((column) => `"${column.label}"`).join(', ');
      warnings.push(`Columns ${names} all give ${field}; in ${plural(differing, 'row')} they differ and the first non-empty one was used`);
    }
  }
  return warnings;
}
