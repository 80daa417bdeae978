/**
 * The registries, networks and volumes bands: boxes with a header and a list
 * of chips (repositories, containers), placed left to right and wrapped at
 * the viewport's width.
 */
import { type Box, fitText, type LayoutOptions } from './layout-types';
import type { ContainerInfo, NetworkInfo, RegistryInfo, RepositoryInfo, VolumeInfo } from './model';
import { objectKey } from './model';

const BOX_W = 210;
const HEAD_H = 22;
const CHIP_H = 16;
const CHIP_GAP = 3;
const GAP = 14;

export interface Card {
  box: Box;
  chips: Box[];
}

function card(head: Omit<Box, 'x' | 'y' | 'w' | 'h' | 'parent'>, chips: Omit<Box, 'x' | 'y' | 'w' | 'h' | 'parent'>[]): Card {
  const h = HEAD_H + chips.length * (CHIP_H + CHIP_GAP) + (chips.length > 0 ? 4 : 0);
  const box: Box = { ...head, x: 0, y: 0, w: BOX_W, h, label: fitText(head.label, BOX_W - 12) };
  const placed = chips.map((c, i) => ({
    ...c,
    x: 6,
    y: HEAD_H + i * (CHIP_H + CHIP_GAP),
    w: BOX_W - 12,
    h: CHIP_H,
    label: fitText(c.label, BOX_W - 24),
    parent: head.key,
  }));
  return { box, chips: placed };
}

/** chips with a "+N" chip when the list is long and not opened */
function limit<T>(list: readonly T[], max: number, group: string, opts: LayoutOptions): { shown: readonly T[]; more?: Omit<Box, 'x' | 'y' | 'w' | 'h'> } {
  if (list.length <= max || opts.expanded?.has(group)) return { shown: list };
  const shown = list.slice(0, max - 1);
  const n = list.length - shown.length;
  return { shown, more: { key: `more:${group}`, role: 'more', label: `+${n}`, title: `+${n}`, group } };
}

function containerChip(c: ContainerInfo, keyPrefix: string): Omit<Box, 'x' | 'y' | 'w' | 'h'> {
  return {
    key: `${keyPrefix}:${c.id}`,
    role: 'chip',
    label: c.name,
    title: `${c.name} (${c.shortId}) ${c.status}`,
    object: { kind: 'container', id: c.id },
    tone: c.state,
  };
}

/**
 * A repository chip: what the registry holds, the tags also here first
 * ("nginx:latest +6"); a repository it does not hold shows the local tags
 * waiting to be pushed ("learner/web:1.0", drawn dashed).
 */
export function repositoryLabel(repo: RepositoryInfo): string {
  if (!repo.inRegistry) return repo.localTags.length > 0 ? `${repo.name}:${repo.localTags.join(',')}` : repo.name;
  if (repo.tags.length === 0) return repo.name;
  const here = repo.tags.filter((t) => repo.localTags.includes(t));
  const first = here.length > 0 ? here : repo.tags.slice(0, 1);
  const rest = repo.tags.length - first.length;
  return `${repo.name}:${first.join(',')}${rest > 0 ? ` +${rest}` : ''}`;
}

export function registryCards(registries: readonly RegistryInfo[], opts: LayoutOptions, hubLabel: string): Card[] {
  const max = opts.maxChips ?? 8;
  return registries.map((r) => {
    const key = objectKey('registry', r.host);
    const { shown, more } = limit(r.repositories, max, key, opts);
    const chips = shown.map((repo) => ({
      key: objectKey('repository', repo.fullName),
      role: 'repository' as const,
      label: repositoryLabel(repo),
      title: `${repo.fullName}: ${(repo.inRegistry ? repo.tags : repo.localTags).join(' ')}`,
      object: { kind: 'repository' as const, id: repo.fullName },
      tone: repo.inRegistry ? 'pushed' : 'pending',
    }));
    return card(
      { key, role: 'registry', label: r.hub ? `${hubLabel} (${r.host})` : r.host, title: r.host, object: { kind: 'registry', id: r.host }, tone: r.hub ? 'hub' : 'private' },
      more ? [...chips, more] : chips,
    );
  });
}

export function networkCards(networks: readonly NetworkInfo[], containers: ReadonlyMap<string, ContainerInfo>, opts: LayoutOptions): Card[] {
  const max = opts.maxChips ?? 8;
  return networks.map((n) => {
    const key = objectKey('network', n.id);
    const list = n.containers.map((id) => containers.get(id)).filter((c): c is ContainerInfo => c !== undefined);
    const { shown, more } = limit(list, max, key, opts);
    const chips = shown.map((c) => containerChip(c, `net:${n.id}`));
    return card(
      { key, role: 'network', label: `${n.name} · ${n.driver}`, title: `${n.name} ${n.id.slice(0, 12)} (${n.driver})`, object: { kind: 'network', id: n.id }, tone: n.builtin ? 'builtin' : undefined },
      more ? [...chips, more] : chips,
    );
  });
}

export function volumeCards(volumes: readonly VolumeInfo[], containers: ReadonlyMap<string, ContainerInfo>, opts: LayoutOptions): Card[] {
  const max = opts.maxChips ?? 8;
  return volumes.map((v) => {
    const key = objectKey('volume', v.name);
    const list = v.containers.map((id) => containers.get(id)).filter((c): c is ContainerInfo => c !== undefined);
    const { shown, more } = limit(list, max, key, opts);
    const chips = shown.map((c) => containerChip(c, `vol:${v.name}`));
    return card(
      { key, role: 'volume', label: v.anonymous ? v.name.slice(0, 12) : v.name, title: v.name, object: { kind: 'volume', id: v.name }, tone: v.containers.length === 0 ? 'unused' : undefined },
      more ? [...chips, more] : chips,
    );
  });
}

/** place cards left to right from (x0, y0), wrapping at maxWidth; chips move with their card; returns the height used */
export function flow(cards: readonly Card[], x0: number, y0: number, maxWidth: number, out: Box[]): { height: number; width: number } {
  let x = x0;
  let y = y0;
  let rowH = 0;
  let width = 0;
  for (const c of cards) {
    if (x > x0 && x + c.box.w > x0 + maxWidth) {
      x = x0;
      y += rowH + GAP;
      rowH = 0;
    }
    const b = { ...c.box, x, y };
    out.push(b);
    for (const chip of c.chips) out.push({ ...chip, x: x + chip.x, y: y + chip.y });
    x += c.box.w + GAP;
    width = Math.max(width, x - GAP - x0);
    rowH = Math.max(rowH, c.box.h);
  }
  return { height: cards.length === 0 ? 0 : y + rowH - y0, width };
}
