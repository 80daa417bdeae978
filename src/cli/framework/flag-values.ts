/**
 * pflag Value semantics per FlagType: how a value string is parsed and stored,
 * the zero/default value, what help prints as the value type name and as
 * "(default …)".
 */
import { ramInBytes, SizeParseError } from '../../lib/units';
import type { FlagSpec, FlagType, FlagValue } from './command';
import { readCsvRecord } from './csv';
import {
  formatGoDuration,
  GoValueError,
  goQuote,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
  parseGoUint,
} from './strconv';

/** The value a flag holds before the user sets it. */
export function initialValue(spec: FlagSpec): FlagValue {
  const d = spec.default;
  switch (spec.type) {
    case 'bool':
      return d === true || d === 'true';
    case 'string':
      return d === undefined ? '' : String(d);
    case 'int':
    case 'uint':
      return typeof d === 'number' ? d : d === undefined ? 0 : Number(d);
    case 'bytes':
      return typeof d === 'number' ? d : typeof d === 'string' && d !== '' ? ramInBytes(d) : 0;
    case 'duration':
      if (typeof d === 'number') return d;
      return typeof d === 'string' && d !== '' ? parseGoDuration(d) : 0;
    case 'stringArray':
    case 'stringSlice':
    case 'list':
      return [];
  }
}

/**
 * Applies one occurrence of a flag. `current` is the flag's value so far and
 * `changed` whether the user set it before. Throws GoValueError (Go's text of
 * the Value.Set error) for a bad value.
 */
export function applyValue(spec: FlagSpec, current: FlagValue, changed: boolean, raw: string): FlagValue {
  let next: FlagValue;
  switch (spec.type) {
    case 'bool':
      next = parseGoBool(raw);
      break;
    case 'string':
      next = raw;
      break;
    case 'int':
      next = parseGoInt(raw);
      break;
    case 'uint':
      next = parseGoUint(raw);
      break;
    case 'duration':
      next = parseGoDuration(raw);
      break;
    case 'bytes':
      try {
        next = ramInBytes(raw);
      } catch (e) {
        if (e instanceof SizeParseError) throw new GoValueError(e.message);
        throw e;
      }
      break;
    case 'stringArray':
    case 'list':
      next = [...(current as string[]), raw];
      break;
    case 'stringSlice': {
      const items = readCsvRecord(raw);
      next = changed ? [...(current as string[]), ...items] : items;
      break;
    }
  }
  if (spec.validate) {
    const problem = spec.validate(raw);
    if (problem !== undefined) throw new GoValueError(problem);
  }
  return next;
}

/** pflag UnquoteUsage: the value-type word shown after the flag name in help ("" for bools). */
export function valueTypeName(spec: FlagSpec): string {
  if (spec.valueName !== undefined) return spec.valueName;
  const byType: Record<FlagType, string> = {
    bool: '',
    string: 'string',
    int: 'int',
    uint: 'uint',
    stringArray: 'stringArray',
    stringSlice: 'strings',
    list: 'list',
    duration: 'duration',
    bytes: 'bytes',
  };
  return byType[spec.type];
}

/** The " (default …)" suffix pflag adds to a flag's usage, or "". */
export function defaultSuffix(spec: FlagSpec): string {
  if (spec.defaultText !== undefined) return ` (default ${spec.defaultText})`;
  const d = spec.default;
  if (d === undefined) return '';
  switch (spec.type) {
    case 'bool':
      return d === true || d === 'true' ? ' (default true)' : '';
    case 'string':
      return d === '' ? '' : ` (default ${goQuote(String(d))})`;
    case 'int':
    case 'uint':
      return String(d) === '0' ? '' : ` (default ${d})`;
    case 'duration': {
      const ms = typeof d === 'number' ? d : parseGoDuration(String(d));
      return ms === 0 ? '' : ` (default ${formatGoDuration(ms)})`;
    }
    case 'bytes':
    case 'stringArray':
    case 'stringSlice':
    case 'list':
      return String(d) === '' || String(d) === '[]' ? '' : ` (default ${d})`;
  }
}
