import { describe, expect, it } from 'vitest';
import { formatRelative, formatTimespan, formatTimestamp } from './time-format';

// values seen in `systemctl status` on systemd 252 (test/fixtures/real-host/systemd/)
describe('systemd time texts', () => {
  it('timestamps in UTC', () => {
    expect(formatTimestamp(Date.UTC(2026, 11, 6, 21, 48, 40))).toBe('Sun 2026-12-06 21:48:40 UTC');
  });
  it('how long ago', () => {
    const t = Date.UTC(2026, 10, 23, 8);
    expect([276, 380, 6_000, 30_000, 11 * 60_000 + 5_000, 50 * 60_000, 77_000, 3 * 3_600_000 + 5 * 60_000, 3 * 86_400_000].map((d) => formatRelative(t + d, t))).toEqual([
      '276ms ago',
      '380ms ago',
      '6s ago',
      '30s ago',
      '11min ago',
      '50min ago',
      '1min 17s ago',
      '3h 5min ago',
      '3 days ago',
    ]);
  });
  it('durations', () => {
    expect([6984, 77_238, 581, 1, 30_538, 27_779, 2968, 69_738, 33 * 60_000 + 27_556, 30_000].map(formatTimespan)).toEqual([
      '6.984s',
      '1min 17.238s',
      '581ms',
      '1ms',
      '30.538s',
      '27.779s',
      '2.968s',
      '1min 9.738s',
      '33min 27.556s',
      '30s',
    ]);
  });
});
