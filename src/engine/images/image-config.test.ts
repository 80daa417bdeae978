import { describe, expect, it } from 'vitest';
import { isSharedPortMap, mapOfRuns, type PortSetMap } from '../core/port-runs';
import { cutBigPortSets, emptyContainerConfig, goJson, type ImageConfigJson, joinBigPortSets, orderedContainerConfig, parseCutConfig, parseImageConfig, serializeImageConfig } from './image-config';

function config(ports: PortSetMap | undefined, extra: Partial<ImageConfigJson> = {}): ImageConfigJson {
  return {
    architecture: 'amd64',
    config: { ...emptyContainerConfig(), ExposedPorts: ports, Env: ['A=<b>&c'], Cmd: ['sleep', '1000'] },
    container_config: { ...emptyContainerConfig(), ExposedPorts: ports, Cmd: ['/bin/sh', '-c', '#(nop) EXPOSE 1-65535'] },
    created: '2026-11-23T08:00:00Z',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [`sha256:${'a'.repeat(64)}`] },
    ...extra,
  };
}

/** what serializeImageConfig wrote before big sets: the whole value through goJson */
function plainBytes(c: ImageConfigJson): string {
  const copy = JSON.parse(JSON.stringify(c)) as ImageConfigJson;
  const out: Record<string, unknown> = { architecture: copy.architecture };
  if (copy.author) out.author = copy.author;
  out.config = orderedContainerConfig(copy.config ?? {});
  out.container_config = orderedContainerConfig(copy.container_config ?? {});
  out.created = copy.created;
  out.os = copy.os;
  out.rootfs = copy.rootfs;
  return goJson(out);
}

const ALL = () => mapOfRuns([{ proto: 'tcp', from: 1, to: 65535 }]);

describe('image config bytes with a big port set', () => {
  it('are the bytes a plain serialization makes', () => {
    const c = config(ALL());
    const bytes = serializeImageConfig(c);
    expect(bytes).toBe(plainBytes(c));
    expect(bytes).toContain('"ExposedPorts":{"1/tcp":{},"10/tcp":{},');
    expect(bytes).toContain('A=\\u003cb\\u003e\\u0026c');
    // the caller's config is left as it was
    expect(c.config?.ExposedPorts).toBe(ALL());
  });

  it('are written whole when a string of the config is the placeholder itself', () => {
    const c = config(ALL(), { author: '\u0000dockyard-ports-0' });
    const bytes = serializeImageConfig(c);
    expect(bytes).toBe(plainBytes(c));
    expect(bytes).toContain('"author":"\\u0000dockyard-ports-0"');
  });

  it('parse to the shared map of the set, equal to JSON.parse', () => {
    const bytes = serializeImageConfig(config(ALL()));
    const parsed = parseImageConfig(bytes);
    expect(parsed).toEqual(JSON.parse(bytes));
    expect(parsed.config?.ExposedPorts).toBe(ALL());
    expect(parsed.container_config?.ExposedPorts).toBe(ALL());
  });

  it('parse as JSON.parse does when the set is not known yet (and the parsed map becomes the shared one)', () => {
    const ports: PortSetMap = {};
    for (let p = 40000; p < 42000; p++) ports[`${p}/udp`] = {};
    const bytes = plainBytes(config(ports));
    const parsed = parseImageConfig(bytes);
    expect(parsed).toEqual(JSON.parse(bytes));
    expect(isSharedPortMap(parsed.config?.ExposedPorts)).toBe(true);
    expect(parseImageConfig(bytes).config?.ExposedPorts).toBe(parsed.config?.ExposedPorts);
  });

  it('are cut to a short text and the runs, and joined back to the same bytes', () => {
    const c = config(ALL());
    const bytes = serializeImageConfig(c);
    const cut = cutBigPortSets(bytes, [ALL()]);
    expect(cut?.sets).toEqual(['1-65535/tcp', '1-65535/tcp']);
    expect(cut?.text.length).toBeLessThan(1000);
    expect(joinBigPortSets(cut?.text ?? '', cut?.sets ?? [])).toBe(bytes);
    expect(parseCutConfig(cut?.text ?? '', cut?.sets ?? [])).toEqual(JSON.parse(bytes));
    // nothing to cut in a config without a big set
    expect(cutBigPortSets(plainBytes(config({ '80/tcp': {} })), [{ '80/tcp': {} }])).toBeUndefined();
  });

  it('are not joined from a cut text that lost or repeats a placeholder, or from runs that are not runs', () => {
    const cut = cutBigPortSets(serializeImageConfig(config(ALL())), [ALL()]);
    if (!cut) throw new Error('no cut');
    const ph = JSON.stringify('\u0000dockyard-ports-0');
    expect(joinBigPortSets(cut.text.replace(ph, '{}'), cut.sets)).toBeUndefined();
    expect(joinBigPortSets(cut.text.replace(ph, `${ph},"x":${ph}`), cut.sets)).toBeUndefined();
    expect(joinBigPortSets(cut.text, ['1-65535/tcp', '1-99999/tcp'])).toBeUndefined();
    expect(parseCutConfig(cut.text, ['1-65535/tcp'])).toBeUndefined();
    expect(parseCutConfig(cut.text, ['1-65535/tcp', 'nope'])).toBeUndefined();
    expect(parseCutConfig(`${cut.text}x`, cut.sets)).toBeUndefined();
  });
});
