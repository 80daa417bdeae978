import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  formatG,
  fromHumanSize,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  ramInBytes,
} from './units';

// [value, precision, Go/C `%.*g` output] (generated with a correctly rounding printf)
const G_CASES: [number, number, string][] = [
  [0, 3, "0"],
  [0, 4, "0"],
  [1, 3, "1"],
  [1, 4, "1"],
  [999, 3, "999"],
  [999, 4, "999"],
  [1000, 3, "1e+03"],
  [1000, 4, "1000"],
  [999.5, 3, "1e+03"],
  [999.5, 4, "999.5"],
  [999.999, 3, "1e+03"],
  [999.999, 4, "1000"],
  [6600000.0, 3, "6.6e+06"],
  [6600000.0, 4, "6.6e+06"],
  [17540000.0, 3, "1.75e+07"],
  [17540000.0, 4, "1.754e+07"],
  [1.25, 3, "1.25"],
  [1.25, 4, "1.25"],
  [2.5, 3, "2.5"],
  [2.5, 4, "2.5"],
  [12.125, 3, "12.1"],
  [12.125, 4, "12.12"],
  [100, 3, "100"],
  [100, 4, "100"],
  [120, 3, "120"],
  [120, 4, "120"],
  [0.5, 3, "0.5"],
  [0.5, 4, "0.5"],
  [1e-05, 3, "1e-05"],
  [1e-05, 4, "1e-05"],
  [0.00012345, 3, "0.000123"],
  [0.00012345, 4, "0.0001234"],
  [123456789, 3, "1.23e+08"],
  [123456789, 4, "1.235e+08"],
  [500000.0, 3, "5e+05"],
  [500000.0, 4, "5e+05"],
  [4340000.0, 3, "4.34e+06"],
  [4340000.0, 4, "4.34e+06"],
  [1986000, 3, "1.99e+06"],
  [1986000, 4, "1.986e+06"],
  [1990000.0, 3, "1.99e+06"],
  [1990000.0, 4, "1.99e+06"],
  [382, 3, "382"],
  [382, 4, "382"],
  [2048, 3, "2.05e+03"],
  [2048, 4, "2048"],
  [74.125, 3, "74.1"],
  [47.625, 4, "47.62"],
  [8261117831.0, 3, "8.26e+09"],
  [40.125, 4, "40.12"],
  [38579.14424467108, 3, "3.86e+04"],
  [2784210.6451389715, 4, "2.784e+06"],
  [797873.121196566, 3, "7.98e+05"],
  [1615892810.0, 4, "1.616e+09"],
  [267.375, 3, "267"],
  [867703382620.0, 4, "8.677e+11"],
  [92.0, 3, "92"],
  [804765445.0, 4, "8.048e+08"],
  [187.5, 3, "188"],
  [0.00027691707046478153, 4, "0.0002769"],
  [85.0, 3, "85"],
  [444596138363.0, 4, "4.446e+11"],
  [99061.0, 3, "9.91e+04"],
  [33.0, 4, "33"],
  [194.0, 3, "194"],
  [1.4255129327794935, 4, "1.426"],
  [285.5, 3, "286"],
  [673.0, 4, "673"],
  [92476847105.0, 3, "9.25e+10"],
  [51346398.0, 4, "5.135e+07"],
  [708.8709214071608, 3, "709"],
  [617.75, 4, "617.8"],
  [987892822021.0, 3, "9.88e+11"],
  [4362.4074392738175, 4, "4362"],
  [4004134.0, 3, "4e+06"],
  [582876.0, 4, "5.829e+05"],
  [7480262.0, 3, "7.48e+06"],
  [111.5, 4, "111.5"],
  [8.0, 3, "8"],
  [34.875, 4, "34.88"],
  [57.75, 3, "57.8"],
  [319.25, 4, "319.2"],
  [31.0, 3, "31"],
  [3.75, 4, "3.75"],
  [3.618584408151584e-05, 3, "3.62e-05"],
  [240.5, 4, "240.5"],
  [13043915074.0, 3, "1.3e+10"],
  [610.375, 4, "610.4"],
  [101387.76746275924, 3, "1.01e+05"],
  [6.0, 4, "6"],
  [1.7178530190512377e-05, 3, "1.72e-05"],
  [8688794.0, 4, "8.689e+06"],
  [9.0, 3, "9"],
  [6.364370221664829e-05, 4, "6.364e-05"],
  [27960685.0, 3, "2.8e+07"],
  [533.875, 4, "533.9"],
  [1.75, 3, "1.75"],
  [560058.0, 4, "5.601e+05"],
  [82088.06854660151, 3, "8.21e+04"],
  [178.75, 4, "178.8"],
  [92067145384.0, 3, "9.21e+10"],
  [940625247054.0, 4, "9.406e+11"],
  [6.782769215692031e-07, 3, "6.78e-07"],
  [41830.0, 4, "4.183e+04"],
  [7816029392.0, 3, "7.82e+09"],
  [112.5, 4, "112.5"],
  [608.25, 3, "608"],
  [205700792.0, 4, "2.057e+08"],
  [0.00027382055816196595, 3, "0.000274"],
  [234.0, 4, "234"],
  [3.280535770817058e-07, 3, "3.28e-07"],
  [401.875, 4, "401.9"],
  [971501.0987141221, 3, "9.72e+05"],
];

describe('formatG (Go %.*g)', () => {
  it.each(G_CASES)('%s with precision %s', (v, p, want) => {
    expect(formatG(v, p)).toBe(want);
  });
  it('rounds exact ties half to even like strconv', () => {
    expect(formatG(2.5, 1)).toBe('2');
    expect(formatG(3.5, 1)).toBe('4');
    expect(formatG(1.25, 2)).toBe('1.2');
    expect(formatG(12.125, 4)).toBe('12.12');
  });
  it('switches to exponent form when rounding reaches the precision', () => {
    expect(formatG(999.9, 3)).toBe('1e+03');
    expect(formatG(999.96, 4)).toBe('1000');
    expect(formatG(9999.6, 4)).toBe('1e+04');
    expect(formatG(1234.5, 3)).toBe('1.23e+03');
  });
});

describe('humanSize / humanSizeWithPrecision / bytesSize', () => {
  it('prints docker image ls sizes (precision 3)', () => {
    expect(humanSizeWithPrecision(6_600_000, 3)).toBe('6.6MB');
    expect(humanSizeWithPrecision(1_986_000, 3)).toBe('1.99MB');
    expect(humanSizeWithPrecision(4_340_000, 3)).toBe('4.34MB');
    expect(humanSizeWithPrecision(300_000, 3)).toBe('300kB');
    expect(humanSizeWithPrecision(0, 3)).toBe('0B');
    expect(humanSizeWithPrecision(999_999, 3)).toBe('1e+03kB');
  });
  it('prints HumanSize with 4 digits', () => {
    expect(humanSize(17_540_000)).toBe('17.54MB');
    expect(humanSize(1_986_000)).toBe('1.986MB');
    expect(humanSize(2048)).toBe('2.048kB');
    expect(humanSize(382)).toBe('382B');
    expect(humanSize(12_980_000)).toBe('12.98MB');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(1e30)).toBe('1e+06YB');
  });
  it('prints binary sizes', () => {
    expect(bytesSize(1.5 * 1024 * 1024)).toBe('1.5MiB');
    expect(bytesSize(64 * 1024 * 1024)).toBe('64MiB');
    expect(bytesSize(1023)).toBe('1023B');
    expect(bytesSize(2 * 1024 ** 3)).toBe('2GiB');
  });
});

describe('humanDuration', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [-5, 'Less than a second'],
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1000, '1 second'],
    [1999, '1 second'],
    [2 * s, '2 seconds'],
    [59 * s + 999, '59 seconds'],
    [60 * s, 'About a minute'],
    [119 * s, 'About a minute'],
    [2 * m, '2 minutes'],
    [59 * m, '59 minutes'],
    [60 * m, 'About an hour'],
    [89 * m, 'About an hour'],
    [90 * m, '2 hours'],
    [47 * h, '47 hours'],
    [47 * h + 30 * m, '2 days'],
    [13 * d, '13 days'],
    [14 * d, '2 weeks'],
    [59 * d, '8 weeks'],
    [60 * d, '2 months'],
    [729 * d, '24 months'],
    [730 * d, '2 years'],
    [3650 * d, '10 years'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('size parsers', () => {
  it('parses RAM sizes in binary units', () => {
    expect(ramInBytes('64m')).toBe(64 * 1024 * 1024);
    expect(ramInBytes('1g')).toBe(1024 ** 3);
    expect(ramInBytes('1.5KiB')).toBe(1536);
    expect(ramInBytes('100')).toBe(100);
    expect(ramInBytes('32 mb')).toBe(32 * 1024 * 1024);
  });
  it('parses human sizes in SI units', () => {
    expect(fromHumanSize('44kB')).toBe(44000);
    expect(fromHumanSize('17MB')).toBe(17_000_000);
  });
  it('rejects bad sizes with go-units messages', () => {
    expect(() => ramInBytes('abc')).toThrow("invalid size: 'abc'");
    expect(() => ramInBytes('-1')).toThrow("invalid size: '-1'");
    expect(() => ramInBytes('1.2.3m')).toThrow('strconv.ParseFloat: parsing "1.2.3": invalid syntax');
  });
});
