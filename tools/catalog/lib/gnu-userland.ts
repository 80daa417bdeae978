/**
 * Debian and Ubuntu images ship GNU tools, not busybox: coreutils, findutils,
 * grep, sed, gzip, diffutils, mawk, tar, hostname (all Essential or Priority:
 * required), and Ubuntu's base also procps. The stand-in trees link these
 * names to /bin/busybox; here they become files named after the tool (sizes
 * of the amd64 binaries), so the simulator runs the GNU implementation and
 * prints GNU's formats. busybox itself stays (the stand-in shells need it).
 */
import type { LayerDraft } from './layer-draft';

const TOOLS: Record<string, number> = {
  ls: 151_344, cat: 43_936, cp: 151_152, mv: 147_048, rm: 72_512, mkdir: 97_552, rmdir: 72_128, touch: 97_488,
  chmod: 64_448, chown: 72_672, chgrp: 68_576, ln: 76_640, head: 47_712, tail: 64_480, wc: 48_192, sort: 113_640,
  uniq: 51_808, cut: 47_480, tr: 51_744, tee: 39_488, basename: 39_296, dirname: 35_200, date: 113_792, env: 48_416,
  pwd: 39_424, seq: 51_776, sleep: 35_328, stat: 92_648, du: 117_408, df: 97_920, id: 43_552, uname: 39_296,
  whoami: 35_136, yes: 35_200, tac: 43_712, nl: 47_744, paste: 39_488, base64: 43_584, md5sum: 47_680, sha1sum: 47_680,
  sha256sum: 51_776, sha512sum: 59_968, realpath: 48_224, readlink: 43_328, expr: 118_448, printf: 56_048,
  test: 47_968, '[': 51_904, echo: 35_200, true: 27_072, false: 27_072, find: 224_848, xargs: 68_704, grep: 194_832,
  egrep: 41, fgrep: 41, sed: 122_224, gzip: 98_136, gunzip: 2_346, zcat: 1_984, diff: 236_744, tar: 530_880, hostname: 22_232,
};

const PROCPS: Record<string, number> = { ps: 137_688, top: 133_312, free: 27_224 };

/** replace the busybox links of GNU tools in `layer` by the tools' own files; awk becomes a link to mawk */
export function gnuUserland(layer: LayerDraft, opts: { procps: boolean }): LayerDraft {
  const tools = opts.procps ? { ...TOOLS, ...PROCPS } : TOOLS;
  for (const f of layer.entries()) {
    if (f.type !== 'symlink' || !/\/busybox$/.test(f.target ?? '')) continue;
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    if (name === 'awk') {
      layer.symlink(f.path, '/usr/bin/mawk').binary('/usr/bin/mawk', 146_872);
      continue;
    }
    const size = Object.hasOwn(tools, name) ? tools[name] : undefined;
    if (size !== undefined) layer.binary(f.path, size);
    else if (!opts.procps && Object.hasOwn(PROCPS, name)) layer.remove(f.path);
  }
  return layer;
}
