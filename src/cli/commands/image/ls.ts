import type { ImageSummary } from '../../../api/image';
import { familiarName, parseNormalizedNamed } from '../../../lib/reference';
import { humanDuration, humanSizeWithPrecision } from '../../../lib/units';
import type { CommandContext, CommandSpec, ParsedFlags } from '../../framework/command';
import { parseFilters } from '../system/cli-output';
import { renderFormat, type Row } from './format';
import { cliNow } from '../../framework/now';

const FLAGS: CommandSpec['flags'] = [
  { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
  { name: 'digests', type: 'bool', usage: 'Show digests' },
  { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
  { name: 'format', type: 'string', usage: 'Pretty-print images using a Go template' },
  { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
];

const HEADERS = { Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE', CreatedAt: 'CREATED AT', VirtualSize: 'VIRTUAL SIZE', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE', Containers: 'CONTAINERS' };

function isDangling(i: ImageSummary): boolean {
  return (
    i.RepoTags?.length === 1 && i.RepoTags[0] === '<none>:<none>' && i.RepoDigests?.length === 1 && i.RepoDigests[0] === '<none>@<none>'
  );
}

interface FamiliarParts {
  name: string;
  tag?: string;
  digest?: string;
}

/** parsed references by text (a pure function of the text, cached: lists repeat the same ones) */
const familiarCache = new Map<string, FamiliarParts | null>();

/** the familiar name, tag and digest of a RepoTags/RepoDigests entry; null when it does not parse */
function familiarParts(s: string): FamiliarParts | null {
  let parts = familiarCache.get(s);
  if (parts === undefined) {
    try {
      const r = parseNormalizedNamed(s);
      parts = { name: familiarName(r), tag: r.tag, digest: r.digest };
    } catch {
      parts = null;
    }
    if (familiarCache.size >= 4096) familiarCache.clear();
    familiarCache.set(s, parts);
  }
  return parts;
}

let lastCreated: { sec: number; text: string } | undefined;

/** CREATED AT: Go's time String() in UTC; images made in the same second share the text */
function createdAt(sec: number): string {
  if (lastCreated?.sec === sec) return lastCreated.text;
  const text = new Date(sec * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC');
  lastCreated = { sec, text };
  return text;
}

/** one row per repository:tag (and per digest with --digests), docker/cli imageFormatTaggedAndDigest */
function rowsOf(img: ImageSummary, digests: boolean): { repo: string; tag: string; digest: string }[] {
  if (isDangling(img)) return [{ repo: '<none>', tag: '<none>', digest: '<none>' }];
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const t of img.RepoTags ?? []) {
    // unparseable references are skipped, like docker/cli
    const r = familiarParts(t);
    if (!r?.tag) continue;
    repoTags.set(r.name, [...(repoTags.get(r.name) ?? []), r.tag]);
  }
  for (const d of img.RepoDigests ?? []) {
    const r = familiarParts(d);
    if (!r?.digest) continue;
    repoDigests.set(r.name, [...(repoDigests.get(r.name) ?? []), r.digest]);
  }
  const rows: { repo: string; tag: string; digest: string }[] = [];
  for (const [repo, tags] of repoTags) {
    const ds = digests ? (repoDigests.get(repo) ?? []) : [];
    repoDigests.delete(repo);
    for (const tag of tags) {
      if (ds.length === 0) rows.push({ repo, tag, digest: '<none>' });
      else for (const d of ds) rows.push({ repo, tag, digest: d });
    }
  }
  for (const [repo, ds] of repoDigests) {
    if (digests) for (const d of ds) rows.push({ repo, tag: '<none>', digest: d });
    else rows.push({ repo, tag: '<none>', digest: '' });
  }
  return rows;
}

export async function runImageList(ctx: CommandContext, flags: ParsedFlags, args: string[]) {
  const filters = parseFilters(ctx, flags.list('filter'));
  if (args[0]) (filters.reference ??= []).push(args[0]);
  const images = await ctx.client.imageList({ all: flags.bool('all'), filters });
  const noTrunc = flags.bool('no-trunc');
  const digests = flags.bool('digests');
  const now = cliNow(ctx);
  const rows: Row[] = [];
  for (const img of images) {
    for (const r of rowsOf(img, digests)) {
      const id = noTrunc ? img.Id : img.Id.replace(/^sha256:/, '').slice(0, 12);
      rows.push({
        Repository: r.repo,
        Tag: r.tag,
        Digest: r.digest,
        ID: id,
        CreatedSince: `${humanDuration(now - img.Created * 1000)} ago`,
        CreatedAt: createdAt(img.Created),
        Size: humanSizeWithPrecision(img.Size, 3),
        VirtualSize: humanSizeWithPrecision(img.VirtualSize, 3),
        SharedSize: img.SharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.SharedSize, 3),
        UniqueSize: img.SharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.Size - img.SharedSize, 3),
        Containers: img.Containers === -1 ? 'N/A' : String(img.Containers),
      });
    }
  }
  let format = flags.string('format');
  if (flags.bool('quiet')) format = '{{.ID}}';
  const def = digests
    ? 'table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}'
    : 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
  ctx.io.stdout.write(renderFormat(format, def, HEADERS, rows, '*formatter.imageContext'));
}

export const imageLsCommand: CommandSpec = {
  use: 'ls [OPTIONS] [REPOSITORY[:TAG]]',
  aliases: ['images', 'list'],
  short: 'List images',
  args: { kind: 'max', n: 1 },
  flags: FLAGS,
  run: runImageList,
};

/** docker images (legacy top-level form) */
export const imagesCommand: CommandSpec = {
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  args: { kind: 'max', n: 1 },
  flags: FLAGS,
  run: runImageList,
};
