/**
 * Parsing of the three ways a container asks for mounts, into one shape
 * (moby volume/mounts linux parser): HostConfig.Binds (`-v src:dst[:mode]`),
 * HostConfig.Mounts (`--mount`), and Config.Volumes / the image's VOLUMEs
 * (anonymous volumes). Errors carry dockerd's texts.
 */
import { invalidParameter } from '../../api/errors';
import type { MountSpec } from '../../api/volume';

export interface ParsedMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** volume name ('' = anonymous) or host path */
  source: string;
  destination: string;
  rw: boolean;
  /** MountPoint.Mode */
  mode: string;
  propagation: string;
  /** copy the image's content into an empty volume */
  copyData: boolean;
  /** where it came from, for error texts and -v/--mount specifics */
  origin: 'bind' | 'mount' | 'volume' | 'volumes-from';
  /** the volume driver asked for (--mount volume-driver=…, --volume-driver); '' = local */
  driver?: string;
}

const PROPAGATIONS = ['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'];
const MODE_WORDS = ['ro', 'rw', 'z', 'Z', 'nocopy', ...PROPAGATIONS];

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

function validMode(mode: string): boolean {
  if (mode === '') return true;
  const words = mode.split(',');
  let rwSeen = 0;
  let propSeen = 0;
  for (const w of words) {
    if (!MODE_WORDS.includes(w)) return false;
    if (w === 'ro' || w === 'rw') rwSeen++;
    if (PROPAGATIONS.includes(w)) propSeen++;
  }
  return rwSeen <= 1 && propSeen <= 1;
}

/** one `-v` entry of HostConfig.Binds */
export function parseBind(spec: string): ParsedMount {
  const arr = spec.split(':');
  let src = '';
  let dst: string;
  let mode = '';
  if (arr.length === 1) dst = arr[0];
  else if (arr.length === 2) {
    if (/^\//.test(arr[1]) || arr[1] === '') [src, dst] = arr;
    else {
      // "dst:mode" is not a thing for -v; docker treats "a:b" as src:dst
      [src, dst] = arr;
    }
  } else if (arr.length === 3) [src, dst, mode] = arr;
  else throw invalidParameter(`invalid volume specification: '${spec}'`);
  if (!validMode(mode)) throw invalidParameter(`invalid mode: ${mode}`);
  if (dst === '') throw invalidParameter(`invalid volume specification: '${spec}'`);
  const isBind = src.startsWith('/');
  const type = isBind ? 'bind' : 'volume';
  if (!dst.startsWith('/')) {
    throw invalidParameter(
      `invalid volume specification: '${spec}': invalid mount config for type "${type}": invalid mount path: '${dst}' mount path must be absolute`,
    );
  }
  if (src === '' && arr.length > 1) throw invalidParameter(`invalid volume specification: '${spec}'`);
  const words = mode ? mode.split(',') : [];
  const prop = words.find((w) => PROPAGATIONS.includes(w));
  return {
    type,
    source: isBind ? cleanPath(src) : src,
    destination: cleanPath(dst),
    rw: !words.includes('ro'),
    mode: mode !== '' ? mode : type === 'volume' && src !== '' ? 'z' : '',
    propagation: isBind ? (prop ?? 'rprivate') : '',
    copyData: !words.includes('nocopy'),
    origin: 'bind',
  };
}

/** one `--mount` entry of HostConfig.Mounts */
export function parseMountSpec(m: MountSpec, exists: (hostPath: string) => boolean): ParsedMount {
  const type = m.Type;
  const target = m.Target ?? '';
  if (type !== 'bind' && type !== 'volume' && type !== 'tmpfs') {
    throw invalidParameter(`invalid mount config for type "${String(type)}": mount type unknown`);
  }
  if (!target) throw invalidParameter(`invalid mount config for type "${type}": field Target must not be empty`);
  if (!target.startsWith('/')) {
    throw invalidParameter(`invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`);
  }
  const rw = !m.ReadOnly;
  if (type === 'bind') {
    const src = m.Source ?? '';
    if (!src) throw invalidParameter(`invalid mount config for type "bind": field Source must not be empty`);
    if (!src.startsWith('/')) {
      throw invalidParameter(`invalid mount config for type "bind": invalid mount path: '${src}' mount path must be absolute`);
    }
    if (!exists(cleanPath(src))) {
      throw invalidParameter(`invalid mount config for type "bind": bind source path does not exist: ${src}`);
    }
    return {
      type,
      source: cleanPath(src),
      destination: cleanPath(target),
      rw,
      mode: '',
      propagation: m.BindOptions?.Propagation || 'rprivate',
      copyData: false,
      origin: 'mount',
    };
  }
  if (type === 'tmpfs') {
    if (m.Source) throw invalidParameter(`invalid mount config for type "tmpfs": field Source must not be specified`);
    return { type, source: '', destination: cleanPath(target), rw, mode: '', propagation: '', copyData: false, origin: 'mount' };
  }
  return {
    type,
    source: m.Source ?? '',
    destination: cleanPath(target),
    rw,
    mode: 'z',
    propagation: '',
    copyData: !m.VolumeOptions?.NoCopy,
    origin: 'mount',
    driver: m.VolumeOptions?.DriverConfig?.Name ?? '',
  };
}

/** anonymous volume for Config.Volumes / an image VOLUME */
export function anonymousVolume(path: string): ParsedMount {
  return {
    type: 'volume',
    source: '',
    destination: cleanPath(path),
    rw: true,
    mode: '',
    propagation: '',
    copyData: true,
    origin: 'volume',
  };
}
