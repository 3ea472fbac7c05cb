// Reads a vCard file (Outlook 2.1, Google Contacts 3.0, Apple/Android 3.0 and 4.0) into a RawTable
// whose header is our own import field names, so that mapping is exact. One row per card.
//
// Our own line parser, not a package: the maintained candidates in the npm list were tried on real
// exports. `vcf` (2.1.2) neither decodes QUOTED-PRINTABLE nor joins its soft line breaks, leaves
// "\," and "\n" escaped and does not split ORG; `ical.js` (2.2.1) handles 3.0/4.0 well but throws
// on 2.1 QUOTED-PRINTABLE soft breaks and has no CHARSET support. Outlook's 2.1 export with
// Russian names is exactly that case, so the parts of RFC 2426/6350 and vCard 2.1 we need (unfolding,
// QP, CHARSET, parameters, escapes, compound values) are written out below. Pure; never throws.
import { decodeTextFile } from './decode-text';
import { fatalTable, type RawRow, type RawTable } from './table';

/** The header of every vCard table; the names are import fields except department, website and address. */
export const VCARD_COLUMNS = [
  'contact', 'first_name', 'middle_name', 'last_name', 'company', 'department', 'position',
  'email', 'phone', 'birthday', 'website', 'address', 'tags', 'notes',
] as const;
type VcardColumn = (typeof VCARD_COLUMNS)[number];

interface LogicalLine {
  line: number;
  text: string;
}

interface Property {
  name: string;
  /** Parameter names upper-cased; a vCard 2.1 bare parameter ("TEL;WORK;VOICE") is a TYPE. */
  params: Map<string, string[]>;
  value: string;
}

interface Card {
  line: number;
  properties: Property[];
  error?: string;
}

export function readVcardTable(input: string): RawTable {
  try {
    return readVcard(input);
  } catch (error) {
    return fatalTable(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readVcard(input: string): RawTable {
  if (input.includes('\0')) return fatalTable('The file is not a text vCard file (it contains NUL bytes)');
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fatalTable('The file is empty');
  const cards = readCards(logicalLines(text));
  if (cards.length === 0) return fatalTable('The file is not a vCard file: it has no BEGIN:VCARD line');
  const rows: RawRow[] = cards.map((card) => {
    const cells = cardCells(card.properties);
    const row: RawRow = { line: card.line, cells: VCARD_COLUMNS.map((column) => cells[column] ?? '') };
    return card.error ? { ...row, error: card.error } : row;
  });
  return { header: [...VCARD_COLUMNS], rows, warnings: [], fatal: null };
}

/** Unfolds continuation lines (RFC 6350 §3.2) and joins QUOTED-PRINTABLE soft line breaks ("=" at the end).
 *  Parts are joined once at the end: appending to one growing string and reading its end each time
 *  would copy a large BASE64 photo over and over. */
function logicalLines(text: string): LogicalLine[] {
  const lines: { line: number; parts: string[]; quotedPrintable: boolean }[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const current = lines.at(-1);
    const last = current?.parts.at(-1) ?? '';
    if (current?.quotedPrintable && last.endsWith('=')) {
      current.parts[current.parts.length - 1] = last.slice(0, -1);
      current.parts.push(raw);
    } else if (current && /^[ \t]/.test(raw)) {
      current.parts.push(raw.slice(1));
    } else if (raw.trim() !== '') {
      lines.push({ line: index + 1, parts: [raw], quotedPrintable: isQuotedPrintable(raw) });
    }
  });
  return lines.map(({ line, parts }) => ({ line, text: parts.join('') }));
}

function isQuotedPrintable(line: string): boolean {
  const colon = valueStart(line);
  return colon > 0 && /;\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE\b/i.test(line.slice(0, colon));
}

function readCards(lines: LogicalLine[]): Card[] {
  const cards: Card[] = [];
  let card: Card | null = null;
  for (const { line, text } of lines) {
    const property = parseProperty(text);
    if (!property) continue;
    const marker = property.value.trim().toUpperCase();
    if (property.name === 'BEGIN' && marker === 'VCARD') {
      if (card) cards.push({ ...card, error: `the card has no END:VCARD before the next card at line ${line}` });
      card = { line, properties: [] };
    } else if (property.name === 'END' && marker === 'VCARD') {
      if (card) cards.push(card);
      card = null;
    } else if (card) {
      card.properties.push(property);
    }
  }
  if (card) cards.push({ ...card, error: 'the card has no END:VCARD (is the file cut short?)' });
  return cards;
}

/** The first ":" outside double quotes ends the name and parameters (a parameter may quote a ":"). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

/** "item1.EMAIL;TYPE=INTERNET,WORK:a@b.ru" → EMAIL, {TYPE: [INTERNET, WORK]}, "a@b.ru". null for a line that is no property. */
function parseProperty(line: string): Property | null {
  const colon = valueStart(line);
  if (colon <= 0) return null;
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = nameWithGroup.trim().replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).trim().toUpperCase();
    const unquoted = splitOutsideQuotes(eq < 0 ? raw : raw.slice(eq + 1), ',').map((value) => value.trim().replace(/^"(.*)"$/, '$1'));
    // TYPE="work,voice" (vCard 4.0) is a list even when quoted.
    const values = key === 'TYPE' ? unquoted.flatMap((value) => value.split(',')) : unquoted;
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  // vCard 2.1 writes bare "QUOTED-PRINTABLE" / "BASE64" among the types.
  const types = (params.get('TYPE') ?? []).map((type) => type.toUpperCase());
  for (const encoding of ['QUOTED-PRINTABLE', 'BASE64']) if (types.includes(encoding)) params.set('ENCODING', [encoding]);
  return { name, params, value: line.slice(colon + 1) };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function param(property: Property, key: string): string {
  return (property.params.get(key)?.[0] ?? '').toUpperCase();
}

/** The value with QUOTED-PRINTABLE decoded in its CHARSET; null for binary (BASE64 photos, keys). */
function decodedValue(property: Property): string | null {
  const encoding = param(property, 'ENCODING');
  if (encoding === 'BASE64' || encoding === 'B') return null;
  if (encoding !== 'QUOTED-PRINTABLE') return property.value;
  return decodeQuotedPrintable(property.value, param(property, 'CHARSET'));
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(value.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...encoder.encode(value[i]));
    }
  }
  const data = new Uint8Array(bytes);
  if (charset !== '') {
    try {
      return new TextDecoder(charset, { fatal: true }).decode(data);
    } catch {
      // An unknown or wrong CHARSET: fall back to what the bytes look like.
    }
  }
  return decodeTextFile(data);
}

/** Splits at unescaped separators (";" of N, ORG, ADR; "," of lists) and resolves the escapes. */
function components(value: string, separator: ';' | ',' | null): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === '\\' && i + 1 < value.length) {
      current += unescapeChar(value[i + 1] ?? '');
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unescapeChar(char: string): string {
  if (char === 'n' || char === 'N') return '\n';
  // "\," "\;" "\\" and Google's "\:"; an unknown escape keeps its backslash (a Windows path in a 2.1 NOTE).
  return ',;:\\'.includes(char) ? char : `\\${char}`;
}

function textValue(property: Property): string {
  const value = decodedValue(property);
  return value === null ? '' : (components(value, null)[0] ?? '').replace(/\r\n?/g, '\n').trim();
}

function cardCells(properties: Property[]): Partial<Record<VcardColumn, string>> {
  const all = (name: string): Property[] => properties.filter((property) => property.name === name);
  const first = (name: string): Property | undefined => all(name)[0];
  const texts = (name: string, clean: (value: string) => string = (value) => value): string[] =>
    all(name).map((property) => clean(textValue(property))).filter((value) => value !== '');

  const [family = '', given = '', additional = ''] = compound(first('N')).map((part) => part.replace(/\s*,\s*/g, ' ').trim());
  const [company = '', ...units] = compound(first('ORG'));
  const fullName = texts('FN')[0] ?? '';
  // A company's own card (Outlook, Apple): FN repeats ORG and N is empty; the card has no person.
  const showsCompany = texts('X-ABSHOWAS')[0]?.toUpperCase() === 'COMPANY';
  const isCompanyCard = showsCompany || (family === '' && given === '' && fullName !== '' && fullName === company);

  return {
    contact: isCompanyCard ? '' : fullName,
    first_name: given,
    middle_name: additional,
    last_name: family,
    company,
    department: units.filter((unit) => unit !== '').join(', '),
    position: texts('TITLE')[0] ?? texts('ROLE')[0] ?? '',
    email: unique(texts('EMAIL', (value) => value.replace(/^mailto:/i, ''))).join('; '),
    phone: unique(voicePhones(all('TEL')).map((property) => textValue(property).replace(/^tel:/i, '')).filter((value) => value !== '')).join('; '),
    birthday: birthday(first('BDAY')),
    website: unique(texts('URL')).join('; '),
    address: all('ADR').map((property) => compound(property).filter((part) => part !== '').join(', ')).filter((value) => value !== '').join('; '),
    tags: unique(all('CATEGORIES').flatMap((property) => components(decodedValue(property) ?? '', ',').map((tag) => tag.trim()))).filter((tag) => tag !== '').join('; '),
    notes: texts('NOTE').join('\n'),
  };
}

/** Fax and pager numbers are no one to call (Outlook's CSV columns for them are not mapped either). */
function voicePhones(properties: Property[]): Property[] {
  return properties.filter((property) => {
    const types = (property.params.get('TYPE') ?? []).map((type) => type.toUpperCase());
    return !types.some((type) => type === 'FAX' || type === 'PAGER') || types.some((type) => type === 'VOICE' || type === 'CELL');
  });
}

function compound(property: Property | undefined): string[] {
  const value = property ? decodedValue(property) : null;
  return value === null ? [] : components(value, ';').map((part) => part.trim());
}

/** "1980-05-15", "19800515", "1980-05-15T00:00:00Z" → "1980-05-15"; "--0515", "--05-15" → "--05-15" (no year). */
function birthday(property: Property | undefined): string {
  const value = property ? textValue(property) : '';
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(value);
  // Apple writes a birthday without a year as 1604-MM-DD and says so in X-APPLE-OMIT-YEAR.
  if (full && property && param(property, 'X-APPLE-OMIT-YEAR') !== full[1]) return `${full[1]}-${full[2]}-${full[3]}`;
  if (full) return `--${full[2]}-${full[3]}`;
  const yearless = /^--(\d{2})-?(\d{2})$/.exec(value);
  return yearless ? `--${yearless[1]}-${yearless[2]}` : value;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
