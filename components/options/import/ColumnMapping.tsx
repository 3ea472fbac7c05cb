import { IMPORT_FIELD_LABELS, IDENTIFYING_FIELDS, isListField } from '@/lib/io/column-mapping';
import { IMPORT_FIELDS, type ImportField } from '@/lib/io/import-row';
import type { ImportFileKind } from '@/lib/io/read-import-file';
import type { RawTable } from '@/lib/io/table';

// The mapping step: each column of the file, the field it feeds (chosen automatically for known
// headers, by the user otherwise), and the first rows as they are in the file.

const PREVIEW_ROWS = 5;
const KIND_LABEL: Record<ImportFileKind, string> = { csv: 'CSV', xlsx: 'Excel workbook', vcard: 'vCard contacts' };

interface ColumnMappingProps {
  file: string;
  fileKind: ImportFileKind;
  table: RawTable;
  mapping: (ImportField | null)[];
  onChange(mapping: (ImportField | null)[]): void;
  onCheck(): void;
  onCancel(): void;
}

export function ColumnMapping({ file, fileKind, table, mapping, onChange, onCheck, onCancel }: ColumnMappingProps) {
  const identifies = mapping.some((field) => field !== null && IDENTIFYING_FIELDS.includes(field));
  // A single-value field fed by two columns: only the first non-empty one is used; say so.
  const doubled = IMPORT_FIELDS.filter((f) => !isListField(f) && mapping.filter((m) => m === f).length > 1);
  const set = (index: number, value: string) => onChange(mapping.map((m, i) => (i === index ? (value === '' ? null : (value as ImportField)) : m)));

  return (
    <div className="column-mapping">
      <p>
        <strong>{file}</strong> ({KIND_LABEL[fileKind]}): {table.rows.length.toLocaleString()} rows. Check what each column is; columns set to “Ignore” are not imported.
      </p>
      {table.warnings.map((w) => (
        <p key={w} className="warning small">{w}</p>
      ))}
      <div className="mapping-scroll">
        <table aria-label="Column mapping">
          <thead>
            <tr>
              {table.header.map((name, i) => (
                <th key={i} scope="col">
                  <div className="column-name">{name || `Column ${i + 1}`}</div>
                  <select aria-label={`Field for column ${name || i + 1}`} value={mapping[i] ?? ''} onChange={(e) => set(i, e.target.value)}>
                    <option value="">Ignore</option>
                    {IMPORT_FIELDS.map((f) => (
                      <option key={f} value={f}>{IMPORT_FIELD_LABELS[f]}</option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody data-testid="import-preview">
            {table.rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr key={row.line}>
                {table.header.map((_, i) => (
                  <td key={i} className={mapping[i] ? undefined : 'ignored'}>{row.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!identifies && <p className="error" role="alert">Map at least one column to Company, Contact, First or Last name, E-mail or Phone.</p>}
      {doubled.map((f) => (
        <p key={f} className="warning small">Several columns feed “{IMPORT_FIELD_LABELS[f]}”: the first non-empty one is used.</p>
      ))}
      <span className="buttons">
        <button type="button" disabled={!identifies} onClick={onCheck}>Check the file</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </span>
    </div>
  );
}
