/**
 * What a terminal leaves on screen for a stream of output (a port of the
 * recorder's `render()` in shared/fidelity/lib/record.py): unbounded width and
 * height, carriage returns, cursor moves (ESC[nA/B/C/D/G/H), erase line
 * (ESC[K), clear screen (ESC[2J); colours and modes have no visible effect.
 */
const CSI_RE = /\x1b\[([0-9;?]*)([ -/]*)([@-~])/y;

export function render(text: string): string {
  let lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  let i = 0;
  const n = text.length;

  const ensureRow = () => {
    while (row >= lines.length) lines.push([]);
  };
  const put = (ch: string) => {
    const line = lines[row];
    if (col < line.length) line[col] = ch;
    else {
      while (line.length < col) line.push(' ');
      line.push(ch);
    }
    col += 1;
  };

  while (i < n) {
    const c = text[i];
    if (c === '\x1b') {
      CSI_RE.lastIndex = i;
      const m = CSI_RE.exec(text);
      if (m) {
        const params = m[1];
        const final = m[3];
        const nums = params
          ? params
              .replace(/^\?+/, '')
              .split(';')
              .map((x) => (/^\d+$/.test(x) ? Number.parseInt(x, 10) : 0))
          : [];
        const p1 = nums.length ? nums[0] : 0;
        if (final === 'A') row = Math.max(0, row - Math.max(1, p1));
        else if (final === 'B') row += Math.max(1, p1);
        else if (final === 'C') col += Math.max(1, p1);
        else if (final === 'D') col = Math.max(0, col - Math.max(1, p1));
        else if (final === 'G') col = Math.max(0, Math.max(1, p1) - 1);
        else if (final === 'K') {
          const line = row < lines.length ? lines[row] : [];
          if (p1 === 0) line.length = Math.min(line.length, col);
          else if (p1 === 1) for (let k = 0; k < Math.min(col + 1, line.length); k++) line[k] = ' ';
          else line.length = 0;
        } else if (final === 'J' && (p1 === 2 || p1 === 3)) {
          lines = [[]];
          row = 0;
          col = 0;
        } else if (final === 'H' || final === 'f') {
          row = Math.max(0, (nums.length && nums[0] ? nums[0] : 1) - 1);
          col = Math.max(0, (nums.length > 1 && nums[1] ? nums[1] : 1) - 1);
        }
        ensureRow();
        i = CSI_RE.lastIndex;
        continue;
      }
      if (text.startsWith('\x1b]', i)) {
        // OSC … BEL or ST
        const j = text.indexOf('\x07', i);
        const k = text.indexOf('\x1b\\', i);
        const ends = [j, k].filter((x) => x !== -1);
        if (ends.length) {
          const end = Math.min(...ends);
          i = end + (end === j ? 1 : 2);
        } else i = n;
        continue;
      }
      i += i + 1 < n && '()*+'.includes(text[i + 1]) ? 3 : 2;
      continue;
    }
    if (c === '\r') col = 0;
    else if (c === '\n') {
      row += 1;
      ensureRow();
    } else if (c === '\b') col = Math.max(0, col - 1);
    else if (c === '\t') {
      col = (Math.floor(col / 8) + 1) * 8;
      const line = lines[row];
      while (line.length < col) line.push(' ');
    } else if (c < ' ' || c === '\x7f') {
      // other control characters leave nothing on screen
    } else {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 0x20);
      put(ch);
      i += ch.length;
      continue;
    }
    i += 1;
  }
  return lines.map((l) => l.join('')).join('\n');
}

/** What a pipe would have delivered, minus the tty's \r\n translation (record.py `plain`). */
export function plain(raw: string): string {
  return raw.replaceAll('\r\n', '\n');
}
