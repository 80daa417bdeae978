/**
 * One record of Go's encoding/csv (what pflag's stringSlice uses to split
 * `--flag a,b,"c,d"`), with Go's error texts.
 */
import { GoValueError } from './strconv';

export function readCsvRecord(line: string): string[] {
  if (line === '') return [];
  const fields: string[] = [];
  let i = 0;
  const col = (pos: number) => pos + 1;
  for (;;) {
    if (line[i] !== '"') {
      const end = line.indexOf(',', i);
      const field = end < 0 ? line.slice(i) : line.slice(i, end);
      const q = field.indexOf('"');
      if (q >= 0) {
        throw new GoValueError(`parse error on line 1, column ${col(i + q)}: bare " in non-quoted field`);
      }
      fields.push(field);
      if (end < 0) return fields;
      i = end + 1;
      continue;
    }
    // quoted field
    let j = i + 1;
    let field = '';
    for (;;) {
      const q = line.indexOf('"', j);
      if (q < 0) {
        throw new GoValueError(`parse error on line 1, column ${col(line.length)}: extraneous or missing " in quoted-field`);
      }
      field += line.slice(j, q);
      const next = line[q + 1];
      if (next === '"') {
        field += '"';
        j = q + 2;
        continue;
      }
      if (next === undefined) {
        fields.push(field);
        return fields;
      }
      if (next === ',') {
        fields.push(field);
        i = q + 2;
        break;
      }
      throw new GoValueError(`parse error on line 1, column ${col(q + 1)}: extraneous or missing " in quoted-field`);
    }
  }
}
