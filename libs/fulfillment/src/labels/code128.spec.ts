import { CODE128_START_B, CODE128_STOP, code128Bars, code128Pattern, code128Values } from './code128';

describe('Code 128', () => {
  it('has 107 symbols of 11 modules (13 for stop), each pattern unique', () => {
    const patterns = Array.from({ length: 107 }, (_, value) => code128Pattern(value));
    const width = (p: string) => [...p].reduce((sum, d) => sum + Number(d), 0);
    expect(patterns.slice(0, 106).every((p) => p.length === 6 && width(p) === 11)).toBe(true);
    expect(width(patterns[106])).toBe(13);
    expect(new Set(patterns).size).toBe(107);
    expect(() => code128Pattern(107)).toThrow(RangeError);
  });

  it('encodes in set B with the modulo-103 check value (ISO/IEC 15417)', () => {
    // "Kingcean": start B 104, data 43 73 78 71 67 69 65 78, check 64, stop 106.
    expect(code128Values('Kingcean')).toEqual([104, 43, 73, 78, 71, 67, 69, 65, 78, 64, 106]);
    const values = code128Values('BP1234567890128');
    expect(values[0]).toBe(CODE128_START_B);
    expect(values[values.length - 1]).toBe(CODE128_STOP);
  });

  it('refuses what set B cannot encode', () => {
    expect(() => code128Values('')).toThrow(RangeError);
    expect(() => code128Values('é')).toThrow(RangeError);
    expect(() => code128Values('a\nb')).toThrow(RangeError);
  });

  it('lays out bars that start dark, end with the stop bar and span every module', () => {
    const { bars, modules } = code128Bars('AB');
    expect(modules).toBe(11 * 4 + 13);
    expect(bars[0]).toEqual({ x: 0, width: 2 });
    const last = bars[bars.length - 1];
    expect(last.x + last.width).toBe(modules);
    expect(bars.every((bar, i) => i === 0 || bar.x > bars[i - 1].x + bars[i - 1].width - 1)).toBe(true);
  });
});
