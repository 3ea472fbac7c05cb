// Picks the reader for a file the user chose to import: XLSX/XLS/ODS by their bytes, vCard by its
// first line, anything else as CSV text. By content first, name second: "clients.csv" saved by
// Excel as a workbook, or a vCard named .txt, are read right. Pure; runs in the import worker.

import { decodeText, TEXT_ENCODING_LABELS, type DecodedText, type TextEncodingName } from './decode-text';
import { fileTooLargeMessage, IMPORT_MAX_BYTES, IMPORT_MAX_COLUMNS, tooManyColumnsMessage } from './import-limits';
import { linesText, plural } from './import-warnings';
import { fatalTable, readCsvTable, withoutEmptyColumns, type RawTable } from './table';
import { readVcardTable } from './vcard';
import { readXlsxTable } from './xlsx-table';

export type ImportFileKind = 'csv' | 'xlsx' | 'vcard';

export interface ImportFileRead {
  kind: ImportFileKind;
  /** Only the columns with a header or a value. */
  table: RawTable;
  /** The encoding a text file (CSV, vCard) was read in; null for a workbook, which names its own. */
  encoding: TextEncodingName | null;
  /** For each column of `table`, its 0-based position in the file. */
  sourceColumns: number[];
  /** How many columns the file has, empty ones included. */
  fileColumns: number;
}

export interface ReadImportFileOptions {
  /** Read a text file in this encoding instead of the detected one (the user's choice). */
  encoding?: TextEncodingName;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // XLSX, ODS
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // XLS (Excel 97-2003)

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export function detectImportFileKind(name: string, bytes: Uint8Array): ImportFileKind {
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return 'xlsx';
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(name)) return 'xlsx';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(head) || /\.(vcf|vcard)$/i.test(name)) return 'vcard';
  return 'csv';
}

export function readImportFile(name: string, input: Uint8Array | ArrayBuffer, options: ReadImportFileOptions = {}): ImportFileRead {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const failed = (kind: ImportFileKind, message: string, encoding: TextEncodingName | null = null): ImportFileRead =>
    ({ kind, table: fatalTable(message), encoding, sourceColumns: [], fileColumns: 0 });
  if (bytes.length === 0) return failed('csv', 'The file is empty');
  const kind = detectImportFileKind(name, bytes);
  if (bytes.length > IMPORT_MAX_BYTES) return failed(kind, fileTooLargeMessage(bytes.length));
  if (kind === 'xlsx') return withColumns(kind, readXlsxTable(bytes, { maxColumns: IMPORT_MAX_COLUMNS }), null);

  const decoded = decodeText(bytes, options.encoding);
  const table = kind === 'vcard' ? readVcardTable(decoded.text) : readCsvTable(decoded.text, { maxColumns: IMPORT_MAX_COLUMNS });
  const damage = damageWarning(decoded);
  return withColumns(kind, damage && !table.fatal ? { ...table, warnings: [damage, ...table.warnings] } : table, decoded.encoding);
}

function withColumns(kind: ImportFileKind, table: RawTable, encoding: TextEncodingName | null): ImportFileRead {
  if (table.fatal) return { kind, table, encoding, sourceColumns: [], fileColumns: 0 };
  const used = withoutEmptyColumns(table);
  if (used.sourceColumns.length > IMPORT_MAX_COLUMNS) {
    return { kind, table: fatalTable(tooManyColumnsMessage(used.sourceColumns.length)), encoding, sourceColumns: [], fileColumns: 0 };
  }
  return { kind, table: used.table, encoding, sourceColumns: used.sourceColumns, fileColumns: table.header.length };
}

/** "This file is UTF-8 with 2 damaged characters (lines 3, 7)…": said once, before the mapping. */
function damageWarning({ encoding, damaged, damagedLines }: DecodedText): string | null {
  if (damaged === 0) return null;
  return `This file is ${TEXT_ENCODING_LABELS[encoding]} with ${plural(damaged, 'damaged character')} (${linesText(damagedLines)}), shown as �. ` +
    'If names look wrong, choose another encoding.';
}
