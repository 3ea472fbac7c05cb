// Picks the reader for a file the user chose to import: XLSX/XLS/ODS by their bytes, vCard by its
// first line, anything else as CSV text. By content first, name second: "clients.csv" saved by
// Excel as a workbook, or a vCard named .txt, are read right.

import { decodeTextFile } from './decode-text';
import { fatalTable, readCsvTable, type RawTable } from './table';
import { readVcardTable } from './vcard';
import { readXlsxTable } from './xlsx-table';

export type ImportFileKind = 'csv' | 'xlsx' | 'vcard';

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

export function readImportFile(name: string, input: Uint8Array | ArrayBuffer): { kind: ImportFileKind; table: RawTable } {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) return { kind: 'csv', table: fatalTable('The file is empty') };
  const kind = detectImportFileKind(name, bytes);
  if (kind === 'xlsx') return { kind, table: readXlsxTable(bytes) };
  const text = decodeTextFile(bytes);
  return { kind, table: kind === 'vcard' ? readVcardTable(text) : readCsvTable(text) };
}
