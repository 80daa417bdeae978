/** copyRunConfig: a copy per build step, cheap when EXPOSE 1-65535 made a map of 65,535 ports */
import { describe, expect, it } from 'vitest';
import { copyRunConfig, emptyRunConfig, withCmdComment } from './state';

describe('copyRunConfig', () => {
  it('copies lists and objects, shares the maps no one changes in place, and applies the modifiers to the copy only', () => {
    const ports: Record<string, Record<string, never>> = {};
    for (let p = 1; p <= 65535; p++) ports[`${p}/tcp`] = {};
    const c = { ...emptyRunConfig(), Env: ['A=1'], ExposedPorts: ports, Labels: { a: 'b' }, Healthcheck: { Test: ['CMD', 'true'] } };
    const copy = copyRunConfig(c, withCmdComment('EXPOSE 1-65535'));
    expect(copy.ExposedPorts).toBe(ports);
    expect(copy.Labels).toBe(c.Labels);
    expect(copy.Env).toEqual(['A=1']);
    expect(copy.Env).not.toBe(c.Env);
    expect(copy.Healthcheck).toEqual(c.Healthcheck);
    expect(copy.Healthcheck).not.toBe(c.Healthcheck);
    expect(copy.Cmd).toEqual(['/bin/sh', '-c', '#(nop) ', 'EXPOSE 1-65535']);
    expect(c.Cmd).toEqual(emptyRunConfig().Cmd);
    // the same keys in the same order as a JSON copy (the image's config is written from it)
    expect(Object.keys(copyRunConfig(c))).toEqual(Object.keys(JSON.parse(JSON.stringify(c))));
  });
});
