import { describe, expect, it } from 'vitest';
import type { JSONMessage } from '../../api/jsonmessage';
import { captureStream } from '../framework/testing';
import { JSONMessageDisplay, progressString } from './jsonmessage';

const pd = (id: string, status: string, current?: number, total?: number): JSONMessage => ({
  id,
  status,
  progressDetail: current === undefined ? {} : { current, total },
});

describe('jsonmessage', () => {
  it('renders progress like docker (bars above 110 columns)', () => {
    expect(progressString({ current: 36410, total: 3298211 }, 120)).toBe(
      '[>                                                  ]  36.41kB/3.298MB',
    );
    expect(progressString({ current: 980, total: 980 }, 120)).toBe(
      '[==================================================>]     980B/980B',
    );
    expect(progressString({ current: 3072, total: 7 }, 120)).toBe(
      '[==================================================>]  3.072kB',
    );
    expect(progressString({}, 120)).toBe('');
  });

  it('redraws per-id lines on a terminal with the bytes docker writes', () => {
    const out = captureStream(true, 120);
    const d = new JSONMessageDisplay(out);
    for (const m of [
      { status: 'Pulling from library/hello-world', id: 'latest' },
      pd('7d56414a3f33', 'Pulling fs layer'),
      pd('7d56414a3f33', 'Downloading', 980, 980),
      pd('7d56414a3f33', 'Pull complete'),
      { status: 'Digest: sha256:9f6e' },
    ]) {
      d.write(m);
    }
    expect(out.text()).toBe(
      'latest: Pulling from library/hello-world\n' +
        '\n\x1b[1A\x1b[2K\r7d56414a3f33: Pulling fs layer \r\x1b[1B' +
        '\x1b[1A\x1b[2K\r7d56414a3f33: Downloading [==================================================>]     980B/980B\r\x1b[1B' +
        '\x1b[1A\x1b[2K\r7d56414a3f33: Pull complete \r\x1b[1B' +
        'Digest: sha256:9f6e\n',
    );
  });

  it('prints each status on its own line without a terminal', () => {
    const out = captureStream(false);
    const d = new JSONMessageDisplay(out);
    d.write(pd('a', 'Pulling fs layer'));
    d.write(pd('a', 'Downloading', 5, 10));
    d.write(pd('a', 'Pull complete'));
    expect(out.text()).toBe('a: Pulling fs layer\na: Pull complete\n');
    expect(d.write({ errorDetail: { message: 'denied: x' }, error: 'denied: x' })?.message).toBe('denied: x');
  });
});
