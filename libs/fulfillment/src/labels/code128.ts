/**
 * Bar/space widths (in modules) of the 107 Code 128 symbols, by symbol value (ISO/IEC 15417):
 * bar, space, bar, space, bar, space; the stop symbol (106) adds a final 2-module bar.
 */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232 2331112'
).split(' ');

export const CODE128_START_B = 104;
export const CODE128_STOP = 106;
/** Blank modules required either side of the symbol. */
export const CODE128_QUIET_MODULES = 10;

/** The widths of one symbol value, as digits. */
export function code128Pattern(value: number): string {
  const pattern = PATTERNS[value];
  if (pattern === undefined) throw new RangeError(`No Code 128 symbol ${value}`);
  return pattern;
}

/**
 * The symbol values encoding `text` in code set B: start B, one value per character (its ASCII
 * code minus 32), the modulo-103 check value (start plus each value times its position), stop.
 * Only printable ASCII (32–126) can be encoded.
 */
export function code128Values(text: string): number[] {
  if (text.length === 0) throw new RangeError('Code 128 needs at least one character');
  const values = [CODE128_START_B];
  let checksum = CODE128_START_B;
  [...text].forEach((character, index) => {
    const code = character.charCodeAt(0);
    if (character.length !== 1 || code < 32 || code > 126) {
      throw new RangeError(`Code 128 set B cannot encode ${JSON.stringify(character)}`);
    }
    values.push(code - 32);
    checksum += (code - 32) * (index + 1);
  });
  values.push(checksum % 103, CODE128_STOP);
  return values;
}

/** One dark bar: where it starts and how wide it is, in modules from the symbol's left edge. */
export interface Bar {
  x: number;
  width: number;
}

/** The dark bars of `text`'s symbol (without quiet zones) and its total width in modules. */
export function code128Bars(text: string): { bars: Bar[]; modules: number } {
  const bars: Bar[] = [];
  let x = 0;
  for (const value of code128Values(text)) {
    [...code128Pattern(value)].forEach((digit, index) => {
      const width = Number(digit);
      if (index % 2 === 0) bars.push({ x, width });
      x += width;
    });
  }
  return { bars, modules: x };
}
