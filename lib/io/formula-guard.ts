// Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that starts with = + - @
// (or a tab or CR, and Excel also after leading spaces or line breaks: " =1+1", "\n=cmd") as a
// formula. The CSV writer puts an apostrophe before such a cell; the import takes it off again.
// The XLSX writer needs none: it writes every text cell as a string cell, which is never a formula.

// A plain negative number ("-500", "-12.5") holds no formula and stays a number for the user's sums.
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** True when a spreadsheet could read `cell` as a formula. */
export function looksLikeFormula(cell: string): boolean {
  return !PLAIN_NEGATIVE_NUMBER.test(cell) && FORMULA_START.test(cell);
}

/** The cell as a CSV writes it: with a leading apostrophe when it could be read as a formula. */
export function neutralizeFormula(cell: string): string {
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `neutralizeFormula`: the apostrophe only comes off where it was put. */
export function removeFormulaGuard(cell: string): string {
  return cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}
