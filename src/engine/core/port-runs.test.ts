import { describe, expect, it } from 'vitest';
import { xorshift } from '../../lib/xorshift';
import { exposedPortRuns, exposedPortSpecs } from '../build/port-spec';
import {
  BIG_SET,
  isBigPortMap,
  isSharedPortMap,
  keptPortMap,
  mapOfRuns,
  normalizeRuns,
  parseRunsText,
  portMapJson,
  portMapSize,
  type PortSetMap,
  runsOfKeys,
  runsOfMap,
  runsText,
  samePortMaps,
  sortedPortMap,
  unionPortMaps,
  adoptPortMap,
} from './port-runs';

/** the engine's former EXPOSE: every key of every spec in a map, keys sorted */
function oldExpose(base: PortSetMap, specs: string[]): PortSetMap {
  const exposed: PortSetMap = { ...base };
  for (const p of exposedPortSpecs(specs)) exposed[p] = {};
  const out: PortSetMap = {};
  for (const k of Object.keys(exposed).sort()) out[k] = {};
  return out;
}

const rng = xorshift;

function randomSpecs(r: (n: number) => number): string[] {
  const specs: string[] = [];
  const n = 1 + r(4);
  for (let i = 0; i < n; i++) {
    const big = r(3) === 0;
    const from = r(big ? 60000 : 70);
    const to = from + (big ? r(5000) : r(3));
    const proto = ['', '/tcp', '/udp', '/sctp'][r(4)];
    specs.push(`${to > from ? `${from}-${to}` : from}${proto}`);
  }
  return specs;
}

describe('port runs', () => {
  it('parses keys to sorted, merged runs and refuses keys that are not canonical', () => {
    expect(runsOfKeys(['81/tcp', '80/tcp', '82/tcp', '53/udp', '84/tcp'])).toEqual([
      { proto: 'tcp', from: 80, to: 82 },
      { proto: 'tcp', from: 84, to: 84 },
      { proto: 'udp', from: 53, to: 53 },
    ]);
    expect(runsOfKeys(['080/tcp'])).toBeUndefined();
    expect(runsOfKeys(['80'])).toBeUndefined();
    expect(runsOfKeys(['70000/tcp'])).toBeUndefined();
    expect(runsOfKeys(['80/TCP'])).toBeUndefined();
  });

  it('merges overlapping and touching runs', () => {
    expect(
      normalizeRuns([
        { proto: 'tcp', from: 10, to: 20 },
        { proto: 'udp', from: 1, to: 2 },
        { proto: 'tcp', from: 15, to: 30 },
        { proto: 'tcp', from: 31, to: 31 },
        { proto: 'tcp', from: 1, to: 5 },
      ]),
    ).toEqual([
      { proto: 'tcp', from: 1, to: 5 },
      { proto: 'tcp', from: 10, to: 31 },
      { proto: 'udp', from: 1, to: 2 },
    ]);
  });

  it('writes runs as text and reads back only that text (sorted, merged, in range)', () => {
    const runs = normalizeRuns([
      { proto: 'tcp', from: 1, to: 65535 },
      { proto: 'udp', from: 53, to: 53 },
    ]);
    expect(runsText(runs)).toBe('1-65535/tcp,53/udp');
    expect(parseRunsText('1-65535/tcp,53/udp')).toEqual(runs);
    expect(parseRunsText('')).toEqual([]);
    for (const bad of ['1-65536/tcp', '5-3/tcp', '3-3/tcp', '53/udp,1-2/tcp', '1-5/tcp,6-7/tcp', '1-5/tcp,3-9/tcp', '01/tcp', '1/TCP', 'x', '1-65535/tcp,', '1/tcp/udp']) {
      expect(parseRunsText(bad), bad).toBeUndefined();
    }
    // a set too big to be one a session made (8 protocols of every port)
    const many = Array.from({ length: 9 }, (_, i) => `0-65535/p${i}`).join(',');
    expect(parseRunsText(many)).toBeUndefined();
  });

  it('gives the map the former EXPOSE made, on random specs (small and big sets)', () => {
    const r = rng(7);
    for (let round = 0; round < 60; round++) {
      const base = round % 3 === 0 ? {} : oldExpose({}, randomSpecs(r));
      const baseShared = mapOfRuns(runsOfMap(base) ?? []);
      const specs = randomSpecs(r);
      const want = oldExpose(base, specs);
      const got = unionPortMaps(baseShared, mapOfRuns(exposedPortRuns(specs)));
      expect(Object.keys(got)).toEqual(Object.keys(want));
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(portMapJson(got)).toBe(JSON.stringify(want));
      expect(portMapSize(got)).toBe(Object.keys(want).length);
      expect(isBigPortMap(got)).toBe(Object.keys(want).length >= BIG_SET);
      expect(samePortMaps(got, want)).toBe(true);
    }
  });

  it('shares one map per big set, and keeps it when a union adds nothing', () => {
    const all = mapOfRuns([{ proto: 'tcp', from: 1, to: 65535 }]);
    expect(Object.keys(all)).toHaveLength(65535);
    expect(Object.keys(all).slice(0, 4)).toEqual(['1/tcp', '10/tcp', '100/tcp', '1000/tcp']);
    expect(mapOfRuns([{ proto: 'tcp', from: 1, to: 65535 }])).toBe(all);
    expect(isSharedPortMap(all)).toBe(true);
    expect(unionPortMaps(all, { '80/tcp': {} })).toBe(all);
    expect(unionPortMaps(undefined, all)).toBe(all);
    expect(keptPortMap(all)).toBe(all);
    expect(sortedPortMap(all)).toBe(all);
    const more = unionPortMaps(all, { '53/udp': {} });
    expect(portMapSize(more)).toBe(65536);
    expect(Object.hasOwn(more, '53/udp')).toBe(true);
    expect(samePortMaps(all, more)).toBe(false);
    // a big map parsed from JSON is not the caller's to keep: a copy (the shared one) is kept
    const parsed = JSON.parse(JSON.stringify(all)) as PortSetMap;
    expect(keptPortMap(parsed)).toBe(all);
    expect(samePortMaps(parsed, all)).toBe(true);
  });

  it('adopts a parsed big map only when its values are all empty objects', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `${i + 20000}/udp`);
    const odd: PortSetMap = {};
    for (const k of keys) odd[k] = {};
    (odd as Record<string, unknown>)['20005/udp'] = { deep: 1 };
    expect(adoptPortMap(odd)).toBe(odd);
    expect(isSharedPortMap(odd)).toBe(false);
    const fine: PortSetMap = {};
    for (const k of keys) fine[k] = {};
    expect(adoptPortMap(fine)).toBe(fine);
    expect(isSharedPortMap(fine)).toBe(true);
  });

  it('keeps small maps plain: copied, sorted when asked, their union as the former spread and sort', () => {
    const user = { '90/tcp': {}, '80/tcp': {} } as PortSetMap;
    const kept = keptPortMap(user);
    expect(kept).not.toBe(user);
    expect(Object.keys(kept)).toEqual(['90/tcp', '80/tcp']);
    expect(Object.keys(sortedPortMap(user))).toEqual(['80/tcp', '90/tcp']);
    expect(Object.keys(unionPortMaps(user, { '8080/tcp': {}, '80/tcp': {} }))).toEqual(['80/tcp', '8080/tcp', '90/tcp']);
    expect(samePortMaps({ '80/tcp': {} }, { '81/tcp': {} })).toBe(false);
    expect(samePortMaps(null, {})).toBe(true);
  });
});
