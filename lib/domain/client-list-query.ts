// Search-as-you-type over the precomputed haystacks. The query is compiled once per keystroke.
//
// Why one big string: calling `includes` on 100,000 separate haystacks took 15–25 ms, most of it
// cache misses chasing row → string across the heap. The haystacks of a rows array joined into one
// string (built once per array, cached) are searched with `indexOf` in 0.5–3 ms per word: after a
// hit the search jumps to the next row, so each row is found at most once per word. No regex and
// no allocation per row.

/** Lower case, with ё folded to е: Russian users type е for ё. Used for the haystack and the query. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ё') ? lower.replaceAll('ё', 'е') : lower;
}

export function digitsOf(text: string): string {
  let digits = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += text[i];
  }
  return digits;
}

/** A word is found when the haystack contains `text`, or `alternative` when there is one. */
export interface QueryTerm {
  text: string;
  alternative: string | null;
}

export interface CompiledQuery {
  terms: QueryTerm[];
}

/** More words than this are ignored (the per-row word counter is a byte). */
const MAX_TERMS = 32;

/** A number is a phone (or a tax id) from 5 digits on; shorter digit runs are just text. */
const PHONE_MIN_DIGITS = 5;
// Characters people write phone numbers with: "+7 (916) 123-45-67", "8.916.123".
const PHONE_LIKE = /^\+?[\d\s()\-.]*\d[\d\s()\-.]*$/;

function phoneTerm(written: string): QueryTerm {
  const digits = digitsOf(written);
  // A short number may be part of a name ("Склад 1.5") or of a phone ("+7"): either will do.
  if (digits.length < PHONE_MIN_DIGITS) return { text: written, alternative: digits === written ? null : digits };
  // Russian numbers are dialled "8 916 …" at home and stored "+7 916 …": try the national trunk
  // prefix 8 as the country code 7. Not after a "+": "+86 …" is China.
  const trunk = !written.trimStart().startsWith('+') && digits.startsWith('8');
  return { text: digits, alternative: trunk ? `7${digits.slice(1)}` : null };
}

/**
 * Splits the query into words that must all be found. A query made only of phone characters with
 * 5+ digits ("8 916 123") is one phone number, not three words; so is such a single word.
 */
export function compileQuery(query: string): CompiledQuery {
  // Control characters never occur in what people search for; \u0001 separates rows in the corpus.
  // eslint-disable-next-line no-control-regex
  const folded = foldText(query).replace(/[\u0000-\u001f]/g, ' ').trim();
  if (folded === '') return { terms: [] };
  if (PHONE_LIKE.test(folded) && digitsOf(folded).length >= PHONE_MIN_DIGITS) return { terms: [phoneTerm(folded)] };

  const terms: QueryTerm[] = [];
  for (const word of folded.split(/\s+/)) {
    if (PHONE_LIKE.test(word)) terms.push(phoneTerm(word));
    // "-" or "()" alone says nothing; "(" in a company name search is still a character to find.
    else if (/[^\s()\-.+]/.test(word)) terms.push({ text: word, alternative: null });
  }
  return { terms: terms.slice(0, MAX_TERMS) };
}

/** Every term of the compiled query is in the haystack. */
export function haystackMatches(haystack: string, query: CompiledQuery): boolean {
  const { terms } = query;
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i]!;
    if (haystack.includes(term.text)) continue;
    if (term.alternative !== null && haystack.includes(term.alternative)) continue;
    return false;
  }
  return true;
}

/** One row against a query string. For a scan over many rows, compile once and use haystackMatches. */
export function matchesQuery(row: { haystack: string }, query: string): boolean {
  return haystackMatches(row.haystack, compileQuery(query));
}

interface Corpus {
  /** Every haystack, in row order, separated by \u0001. */
  text: string;
  /** Where row i starts in `text`; one entry more than rows, for the end. */
  starts: Int32Array;
}

const corpora = new WeakMap<readonly { haystack: string }[], Corpus>();

function corpusOf(rows: readonly { haystack: string }[]): Corpus {
  let corpus = corpora.get(rows);
  if (!corpus) {
    const starts = new Int32Array(rows.length + 1);
    let offset = 0;
    for (let i = 0; i < rows.length; i += 1) {
      starts[i] = offset;
      offset += rows[i]!.haystack.length + 1;
    }
    starts[rows.length] = offset;
    corpus = { text: rows.map((row) => row.haystack).join('\u0001'), starts };
    corpora.set(rows, corpus);
  }
  return corpus;
}

/** Builds the joined haystacks of `rows` ahead of the first keystroke (otherwise the first search
 *  after a load or a sort change pays for it, ~40 ms at 100,000 rows). */
export function prepareSearch(rows: readonly { haystack: string }[]): void {
  corpusOf(rows);
}

/** Rows that matched words 0…k-1 (matched[i] === k) and contain `needle` move on to k + 1. */
function scanCorpus(corpus: Corpus, rowCount: number, needle: string, k: number, matched: Uint8Array): void {
  const { text, starts } = corpus;
  let row = 0;
  let position = text.indexOf(needle);
  while (position !== -1) {
    while (starts[row + 1]! <= position) row += 1;
    if (matched[row] === k) matched[row] = k + 1;
    row += 1;
    if (row >= rowCount) return;
    position = text.indexOf(needle, starts[row]!);
  }
}

/** After the first word few rows are left: checking just those beats rescanning everything. */
function checkCandidates(rows: readonly { haystack: string }[], term: QueryTerm, k: number, matched: Uint8Array): void {
  for (let i = 0; i < rows.length; i += 1) {
    if (matched[i] !== k) continue;
    const { haystack } = rows[i]!;
    if (haystack.includes(term.text) || (term.alternative !== null && haystack.includes(term.alternative))) matched[i] = k + 1;
  }
}

/**
 * For each row of `rows`, whether its haystack contains every word of the query (1) or not (0).
 * Same answer as haystackMatches row by row, much faster over many rows.
 */
export function matchRows(rows: readonly { haystack: string }[], query: CompiledQuery): Uint8Array {
  const matched = new Uint8Array(rows.length);
  const { terms } = query;
  if (terms.length === 0) return matched.fill(1);
  if (rows.length === 0) return matched;

  const corpus = corpusOf(rows);
  let candidates = rows.length;
  for (let k = 0; k < terms.length; k += 1) {
    const term = terms[k]!;
    if (candidates * 16 < rows.length) {
      checkCandidates(rows, term, k, matched);
    } else {
      scanCorpus(corpus, rows.length, term.text, k, matched);
      if (term.alternative !== null) scanCorpus(corpus, rows.length, term.alternative, k, matched);
    }
    candidates = 0;
    for (let i = 0; i < matched.length; i += 1) if (matched[i] === k + 1) candidates += 1;
    if (candidates === 0) return matched.fill(0);
  }
  for (let i = 0; i < matched.length; i += 1) matched[i] = matched[i] === terms.length ? 1 : 0;
  return matched;
}
