import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralizeFormula, removeFormulaGuard } from './formula-guard';

describe('formula guard (OWASP CSV injection)', () => {
  it.each([
    ['=1+2', "'=1+2"], ['+7 916', "'+7 916"], ['-5-3', "'-5-3"], ['@SUM(A1)', "'@SUM(A1)"], ['\t=1', "'\t=1"], ['\r=1', "'\r=1"],
    // Excel also runs a formula after leading spaces or line breaks.
    [' =1+1', "' =1+1"], ['\n=cmd', "'\n=cmd"], ['  \r\n+1', "'  \r\n+1"], [' @A1', "' @A1"], [' -2+3', "' -2+3"],
    ['-500', '-500'], ['-12.5', '-12.5'], ['a=1', 'a=1'], ['', ''], ['Rosstal', 'Rosstal'], ['   ', '   '],
  ])('neutralizes %j as %j, and the import gets it back', (cell, safe) => {
    expect(neutralizeFormula(cell)).toBe(safe);
    expect(removeFormulaGuard(neutralizeFormula(cell))).toBe(cell);
  });

  it('takes off only an apostrophe it put there', () => {
    expect(removeFormulaGuard("'Rosstal")).toBe("'Rosstal");
    expect(removeFormulaGuard("'-500")).toBe("'-500");
    expect(looksLikeFormula('-500')).toBe(false);
  });
});
