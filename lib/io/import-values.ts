// Readers of single cell values for the import: statuses, amounts, dates, yes/no, e-mails,
// domains. Each returns the value, null for "not given", or says what is wrong (a string, or
// undefined where the caller words the message). Pure.
import type { ClientStatus } from '../domain/types';
import { removeFormulaGuard } from './formula-guard';

// Our words, the Russian words our users write, HubSpot lifecycle stages and Bitrix24 lead and
// deal stages. Keys are compared after wordKey(); null means "says nothing about the status".
const STATUS_WORDS: ReadonlyMap<string, ClientStatus | null> = new Map<string, ClientStatus | null>([
  ...words('prospect', ['prospect', 'potential', 'lead', 'new', 'subscriber', 'marketing qualified lead', 'sales qualified lead',
    'opportunity', 'потенциальный', 'потенциальный клиент', 'лид', 'новый', 'новый клиент', 'не обработан', 'в работе',
    'обработан', 'качественный лид']),
  ...words('active', ['active', 'customer', 'client', 'evangelist', 'активный', 'активен', 'действующий', 'клиент',
    'постоянный клиент', 'сделка успешна', 'успешная сделка']),
  ...words('vip', ['vip', 'vip клиент', 'key account', 'вип', 'вип клиент', 'ключевой', 'ключевой клиент']),
  ...words('inactive', ['inactive', 'dormant', 'неактивный', 'неактивен', 'спящий', 'архив', 'архивный']),
  ...words('lost', ['lost', 'churned', 'former', 'потерян', 'потерянный', 'ушел', 'отказ', 'некачественный лид',
    'сделка провалена', 'проиграна']),
  ...words(null, ['other', 'другое', 'прочее']),
]);

function words(status: ClientStatus | null, list: string[]): [string, ClientStatus | null][] {
  return list.map((word) => [wordKey(word), status]);
}

/** "Marketing Qualified Lead" → "marketingqualifiedlead"; "Ушёл" → "ушел". */
function wordKey(value: string): string {
  return value.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** null for an empty cell or a word that says nothing, undefined for an unknown word. */
export function readStatus(value: string): ClientStatus | null | undefined {
  if (value === '') return null;
  const key = wordKey(value);
  return STATUS_WORDS.has(key) ? (STATUS_WORDS.get(key) ?? null) : undefined;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'х', '+', '✓', '✔', 'да', 'д']);
const NO = new Set(['no', 'n', 'false', '0', '-', 'нет', 'н']);

/** yes/no, да/нет, 1/0, true/false, "x" for a ticked box. */
export function readBoolean(value: string): boolean | null | undefined {
  if (value === '') return null;
  const key = value.toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
}

/** "1 234,56", "1234.56", "1,234.56", "-500 ₽" → number; null when empty; a string says what is wrong.
 *  A cell that was a number in the sheet (`numeric`) is read as it is: no separator to guess. */
export function readAmount(value: string, numeric = false): number | null | string {
  if (value === '') return null;
  if (numeric && Number.isFinite(Number(value))) return Number(value);
  const bare = value
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^(?:[₽$€£¥]|руб\.?|р\.|rub|usd|eur)|(?:[₽$€£¥]|руб\.?|р\.?|rub|usd|eur)$/giu, '')
    .replace(/^[−–]/, '-');
  const notNumber = `"${value}" is not a number`;
  if (!/^-?\d[\d.,]*$/.test(bare)) return notNumber;
  // The last separator is the decimal mark unless it also appears earlier ("1,234,567").
  const separators = bare.replace(/[^.,]/g, '');
  const last = separators.at(-1);
  const decimal = last !== undefined && !separators.slice(0, -1).includes(last) ? last : null;
  const cut = decimal === null ? bare.length : bare.lastIndexOf(decimal);
  const [whole, fraction] = [bare.slice(0, cut), bare.slice(cut + 1)];
  if (decimal !== null && fraction === '') return notNumber;
  // "1,234" is 1234 to an American and 1.234 to a Russian: refuse to guess, by a factor of 1000.
  if (separators.length === 1 && /^-?[1-9]\d{0,2}$/.test(whole) && fraction.length === 3) {
    return `"${value}" is ambiguous (write 1234 or 1234,00)`;
  }
  if (/[.,]/.test(whole) && !/^-?\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.test(whole)) return notNumber;
  const number = Number(`${whole.replace(/[.,]/g, '')}${fraction === '' ? '' : `.${fraction}`}`);
  // Hundreds of digits overflow to Infinity, which no field can hold.
  return Number.isFinite(number) ? number : notNumber;
}

/** A whole number in [min, max] ("30", "30 дней", "30 days" for a deferral; "4" for a rating). */
export function readWholeNumber(value: string, numeric: boolean, min: number, max: number): number | null | string {
  const bare = value.replace(/\s*(?:дн[а-яё]*|days?|d)\.?$/iu, '');
  const amount = readAmount(bare, numeric);
  if (amount === null || typeof amount === 'string') return value === '' ? null : `"${value}" is not a whole number`;
  if (!Number.isInteger(amount) || amount < min || amount > max) return `"${value}" is not a whole number from ${min} to ${max}`;
  return amount;
}

/** "5", "5%", "12,5 %" → 5, 5, 12.5; from 0 to 100. */
export function readPercent(value: string, numeric: boolean): number | null | string {
  const amount = readAmount(value.replace(/\s*%$/, ''), numeric);
  if (typeof amount === 'number' && (amount < 0 || amount > 100)) return `"${value}" is not a percentage from 0 to 100`;
  return typeof amount === 'string' ? `"${value}" is not a percentage` : amount;
}

export interface DateOptions {
  /** The cell was a number in the sheet: read it as an Excel date serial. */
  numeric?: boolean;
  /** Birthdays and holidays may come without a year ("--05-15", "15.05"): read as "--MM-DD", and the caller decides. */
  yearless?: boolean;
  /** How this column writes "a/b/yyyy": day first (Europe, default) or month first (a US Outlook). */
  monthFirst?: boolean;
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO_DATE = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(`^(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})${TIME}$`);
// Outlook and Excel write a missing date as "0/0/00" or "00.00.0000".
const ZERO_DATE = /^0{1,2}([./])0{1,2}\1(?:00|0000)$/;

/** "1980-05-15", "15.05.1980", "15/05/1980", an Excel serial → "1980-05-15"; null when empty or a zero
 *  date; undefined when not a real date. */
export function readDate(value: string, options: DateOptions = {}): string | null | undefined {
  if (value === '' || ZERO_DATE.test(value)) return null;
  if (options.numeric && /^\d+(?:\.\d+)?$/.test(value)) return excelSerialDate(Number(value));
  const iso = ISO_DATE.exec(value);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = NUMERIC_DATE.exec(value);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[3])];
    const monthFirst = numeric[2] === '/' && options.monthFirst === true;
    return calendarDate(Number(numeric[4]), monthFirst ? first : second, monthFirst ? second : first);
  }
  if (!options.yearless) return undefined;
  const isoNoYear = /^--(\d{2})-?(\d{2})$/.exec(value);
  const russianNoYear = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(value);
  const [month, day] = isoNoYear ? [isoNoYear[1], isoNoYear[2]] : russianNoYear ? [russianNoYear[2], russianNoYear[1]] : [];
  if (month === undefined || day === undefined) return undefined;
  // 2000 is a leap year, so 29 February without a year is a valid birthday.
  return calendarDate(2000, Number(month), Number(day))?.replace(/^2000/, '-');
}

/** For a column of "a/b/yyyy" dates: true when some value only makes sense month first (5/15/1980). */
export function isMonthFirstColumn(values: readonly string[]): boolean {
  let monthFirst = false;
  for (const value of values) {
    const match = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(value);
    if (!match) continue;
    if (Number(match[1]) > 12) return false;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  return monthFirst;
}

/** Excel's day number (1 = 1900-01-01, with Lotus's phantom 1900-02-29 as day 60) → "YYYY-MM-DD". */
function excelSerialDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  if (day < 1 || day === 60 || day > 2958465) return undefined;
  const date = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function calendarDate(y: number, m: number, d: number): string | undefined {
  // Day 0 of the next month is its last day: rejects 31.02, and 29.02 of common years.
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(y, m, 0);
  // A year before 1000 is a typo ("15.05.0198"), and day keys elsewhere read years 0–99 as 19xx.
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > lastDay.getUTCDate()) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
// Labels of letters/digits/hyphens (Cyrillic .рф included), at least two, TLD not numeric.
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?=[\\p{N}-]*\\p{L})${LABEL}$`, 'u');
const EMAIL_LOCAL = /^[^\s@"(),:;<>[\]\\]+$/u;

export function isDomain(value: string): boolean {
  return value.length <= 253 && DOMAIN.test(value);
}

export function isEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  return email.length <= 320 && at > 0 && EMAIL_LOCAL.test(email.slice(0, at)) && isDomain(email.slice(at + 1));
}

/** "Ivan Petrov <Ivan@Acme.ru>", "mailto:ivan@acme.ru" → "ivan@acme.ru". */
export function cleanEmail(value: string): string {
  const bracketed = /<([^<>]*)>\s*$/.exec(value)?.[1] ?? value;
  return bracketed.trim().replace(/^mailto:/i, '').toLowerCase();
}

/** "https://www.Acme.ru/about", "@acme.ru", "info@acme.ru" → "acme.ru". */
export function cleanDomain(value: string): string {
  return value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^.*@/, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** The trimmed cell, without the apostrophe our CSV export put before a formula-like cell (formula-guard.ts). */
export function cellText(cells: readonly string[], index: number): string {
  return removeFormulaGuard((cells[index] ?? '').trim()).trim();
}

/** Splits a list cell; Google Contacts separates several values of one cell with " ::: ". */
export function splitList(cell: string, separators: RegExp): string[] {
  return cell
    .split(':::')
    .flatMap((part) => part.split(separators))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
