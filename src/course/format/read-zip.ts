/**
 * The text files of a zip (a teacher's pack), by "/"-path: lesson.yaml,
 * pack.yaml and Markdown files only; anything else is left out. Throws with a
 * plain message when the bytes are not a zip.
 */
import { unzipSync } from 'fflate';

const TEXT = /\.(ya?ml|md)$/i;
/** a pack is a few files of text: refuse anything that would unpack to more */
const MAX_BYTES = 5_000_000;

export function readZipTexts(bytes: Uint8Array): Record<string, string> {
  let total = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (f.name.endsWith('/') || !TEXT.test(f.name)) return false;
      total += f.originalSize;
      if (total > MAX_BYTES) throw new Error('the zip holds more than 5 MB of lesson files');
      return true;
    },
  });
  const out: Record<string, string> = {};
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(files)) out[name.replace(/\\/g, '/')] = decoder.decode(data);
  return out;
}
