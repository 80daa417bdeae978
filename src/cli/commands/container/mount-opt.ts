/**
 * `--mount` values (docker/cli opts.MountOpt): comma-separated key=value
 * fields, CSV-quoted. type defaults to volume.
 */
import type { MountSpec } from '../../../api/volume';

export class MountOptError extends Error {}

function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function bool(key: string, v: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw new MountOptError(`invalid value for ${key}: ${v}`);
}

export function parseMountOpt(value: string): MountSpec {
  const m: MountSpec = { Type: 'volume', Target: '' };
  let volumeOptions: NonNullable<MountSpec['VolumeOptions']> | undefined;
  let bindOptions: NonNullable<MountSpec['BindOptions']> | undefined;
  let tmpfsOptions: NonNullable<MountSpec['TmpfsOptions']> | undefined;
  for (const field of splitCsv(value)) {
    const i = field.indexOf('=');
    const key = (i < 0 ? field : field.slice(0, i)).toLowerCase();
    if (i < 0) {
      if (key === 'readonly' || key === 'ro') {
        m.ReadOnly = true;
        continue;
      }
      if (key === 'volume-nocopy') {
        volumeOptions = { ...volumeOptions, NoCopy: true };
        continue;
      }
      throw new MountOptError(`invalid field '${field}' must be a key=value pair`);
    }
    const v = field.slice(i + 1);
    switch (key) {
      case 'type':
        // the daemon judges the type ("invalid mount config for type \"foo\": mount type unknown")
        m.Type = v as MountSpec['Type'];
        break;
      case 'source':
      case 'src':
        m.Source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.Target = v;
        break;
      case 'readonly':
      case 'ro':
        m.ReadOnly = bool(key, v);
        break;
      case 'consistency':
        m.Consistency = v;
        break;
      case 'bind-propagation':
        bindOptions = { ...bindOptions, Propagation: v };
        break;
      case 'bind-nonrecursive':
        bindOptions = { ...bindOptions, NonRecursive: bool(key, v) };
        break;
      case 'volume-nocopy':
        volumeOptions = { ...volumeOptions, NoCopy: bool(key, v) };
        break;
      case 'volume-label': {
        const [k = '', lv = ''] = v.split('=', 2);
        volumeOptions = { ...volumeOptions, Labels: { ...(volumeOptions?.Labels ?? {}), [k]: lv } };
        break;
      }
      case 'volume-driver':
        volumeOptions = { ...volumeOptions, DriverConfig: { ...(volumeOptions?.DriverConfig ?? {}), Name: v } };
        break;
      case 'tmpfs-size':
        tmpfsOptions = { ...tmpfsOptions, SizeBytes: Number.parseInt(v, 10) };
        break;
      case 'tmpfs-mode':
        tmpfsOptions = { ...tmpfsOptions, Mode: Number.parseInt(v, 8) };
        break;
      default:
        throw new MountOptError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.Target === '') throw new MountOptError('target is required');
  if (volumeOptions && m.Type !== 'volume') throw new MountOptError(`cannot mix 'volume-*' options with mount type '${m.Type}'`);
  if (bindOptions && m.Type !== 'bind') throw new MountOptError(`cannot mix 'bind-*' options with mount type '${m.Type}'`);
  if (tmpfsOptions && m.Type !== 'tmpfs') throw new MountOptError(`cannot mix 'tmpfs-*' options with mount type '${m.Type}'`);
  // mount.Mount's field order, empty fields omitted
  const ordered: Record<string, unknown> = { Type: m.Type };
  if (m.Source) ordered.Source = m.Source;
  ordered.Target = m.Target;
  if (m.ReadOnly) ordered.ReadOnly = true;
  if (m.Consistency) ordered.Consistency = m.Consistency;
  if (bindOptions) ordered.BindOptions = bindOptions;
  if (volumeOptions) ordered.VolumeOptions = volumeOptions;
  if (tmpfsOptions) ordered.TmpfsOptions = tmpfsOptions;
  return ordered as unknown as MountSpec;
}
