import type { TextEncodingName } from '@/lib/io/decode-text';
import { IMPORT_FIELD_LABELS, IDENTIFYING_FIELDS, isListField } from '@/lib/io/column-mapping';
import { IMPORT_FIELDS, type ImportField } from '@/lib/io/import-row';
import type { ImportFileKind, ImportFileRead } from '@/lib/io/read-import-file';
import { EncodingChoice } from './EncodingChoice';
import { MappingTable } from './MappingTable';
import './import.css';

// The mapping step: each column of the file, the field it feeds (chosen automatically for known
// headers, by the user otherwise), and the first rows as they are in the file; for a text file,
// the encoding it was read in and the switch to another.

const KIND_LABEL: Record<ImportFileKind, string> = { csv: 'CSV', xlsx: 'Excel workbook', vcard: 'vCard contacts' };

export interface EncodingSwitch {
  rereading: TextEncodingName | null;
  error: string | null;
  onChange(encoding: TextEncodingName): void;
}

interface ColumnMappingProps {
  file: string;
  read: ImportFileRead;
  mapping: (ImportField | null)[];
  encodingSwitch: EncodingSwitch;
  onChange(mapping: (ImportField | null)[]): void;
  onCheck(): void;
  onCancel(): void;
}

export function ColumnMapping({ file, read, mapping, encodingSwitch, onChange, onCheck, onCancel }: ColumnMappingProps) {
  const { table } = read;
  const identifies = mapping.some((field) => field !== null && IDENTIFYING_FIELDS.includes(field));
  // A single-value field fed by two columns: only the first non-empty one is used; say so.
  const doubled = IMPORT_FIELDS.filter((f) => !isListField(f) && mapping.filter((m) => m === f).length > 1);
  const set = (index: number, field: ImportField | null) => onChange(mapping.map((m, i) => (i === index ? field : m)));
  const emptyColumns = read.fileColumns - table.header.length;

  return (
    <div className="column-mapping">
      <p>
        <strong>{file}</strong> ({KIND_LABEL[read.kind]}): {table.rows.length.toLocaleString()} rows, {table.header.length.toLocaleString()} columns
        {emptyColumns > 0 && ` (${emptyColumns.toLocaleString()} empty columns left out)`}. Check what each column is; columns set to “Ignore” are not imported.
      </p>
      {read.encoding && <EncodingChoice encoding={read.encoding} {...encodingSwitch} />}
      {table.warnings.map((w) => (
        <p key={w} className="warning small">{w}</p>
      ))}
      <MappingTable table={table} sourceColumns={read.sourceColumns} mapping={mapping} onChange={set} />
      {!identifies && <p className="error" role="alert">Map at least one column to Company, Contact, First or Last name, E-mail or Phone.</p>}
      {doubled.map((f) => (
        <p key={f} className="warning small">Several columns feed “{IMPORT_FIELD_LABELS[f]}”: the first non-empty one is used.</p>
      ))}
      <span className="buttons">
        <button type="button" disabled={!identifies || encodingSwitch.rereading !== null} onClick={onCheck}>Check the file</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </span>
    </div>
  );
}
