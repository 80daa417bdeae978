import { describe, expect, it } from 'vitest';
import { DOCKER_CASES } from './docker-cases.fixture';
import { goStruct, parseTemplate } from './index';

// The data `docker version --format` executes against, as far as the cases use it.
const versionInfo = goStruct(
  { Client: goStruct({ Os: 'linux', Arch: 'amd64' }, '*system.clientVersion'), Server: null },
  'system.versionInfo',
);

function run(text: string): { out: string | null; err: string | null } {
  try {
    return { out: parseTemplate(text, 'version').execute(versionInfo), err: null };
  } catch (e) {
    return { out: null, err: (e as Error).message };
  }
}

describe('behaviour recorded from the real docker CLI', () => {
  it.each(DOCKER_CASES)('%j', (text, out, err) => {
    expect(run(text)).toEqual({ out, err });
  });
});
