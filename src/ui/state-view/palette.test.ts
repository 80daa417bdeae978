import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, luminance } from './contrast';
import { BACKGROUND, DISTINCT, LEGEND, PALETTE, type SwatchId, swatchOf } from './palette';

const ids = Object.keys(PALETTE) as SwatchId[];

describe('contrast arithmetic', () => {
  it('computes WCAG ratios and CIE76 differences as published', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(deltaE('#ffffff', '#000000')).toBeCloseTo(100, 1);
    expect(deltaE('#e0b030', '#e0b030')).toBe(0);
    expect(() => contrastRatio('red', '#000000')).toThrow('not a #rrggbb colour');
  });
});

describe('the state view palette', () => {
  it('passes WCAG AA: labels 4.5:1 on their box, box edges 3:1 on the background', () => {
    for (const id of ids) {
      const s = PALETTE[id];
      expect(contrastRatio(s.text, s.fill), `${id} text`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(s.stroke, BACKGROUND), `${id} edge`).toBeGreaterThanOrEqual(3);
      // the box itself stands out from the background too, or its edge carries it
      expect(contrastRatio(s.text, BACKGROUND), `${id} text on the background`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives every kind and state its own colour: any two edges differ by ΔE*ab ≥ 15', () => {
    const close: string[] = [];
    for (let i = 0; i < DISTINCT.length; i++) {
      for (let j = i + 1; j < DISTINCT.length; j++) {
        const a = DISTINCT[i] as SwatchId;
        const b = DISTINCT[j] as SwatchId;
        const d = deltaE(PALETTE[a].stroke, PALETTE[b].stroke);
        if (d < 15) close.push(`${a}/${b} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
    // the pair the learners saw as one: a tag and a paused container
    expect(deltaE(PALETTE.tag.stroke, PALETTE.paused.stroke)).toBeGreaterThan(40);
    // dashed swatches differ from the solid one they resemble by their outline at least
    expect(PALETTE.pending.dashed && !PALETTE.repository.dashed).toBe(true);
  });

  it('maps every box to its swatch and lists every swatch in the legend once', () => {
    expect(swatchOf({ role: 'chip', tone: 'paused' })).toBe('paused');
    expect(swatchOf({ role: 'container', tone: 'removing' })).toBe('removing');
    expect(swatchOf({ role: 'tag' })).toBe('tag');
    expect(swatchOf({ role: 'image', tone: 'dangling' })).toBe('dangling');
    expect(swatchOf({ role: 'layer', tone: 'shared' })).toBe('sharedLayer');
    expect(swatchOf({ role: 'repository', tone: 'pending' })).toBe('pending');
    expect(swatchOf({ role: 'more' })).toBe('group');
    const listed = LEGEND.flatMap(([, list]) => list);
    expect([...listed].sort()).toEqual([...ids].sort());
  });
});
