/**
 * The tutorial's other docker builds, typed as a learner would in the app:
 * the redis-from-source Dockerfile pasted as a heredoc and built (apt-get,
 * wget from the simulated download.redis.io, make), its image running
 * redis-server; and hello-world built from its git repository.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, launch } from './support/chromium';
import { focusTerminal, outputOf, run, waitForPrompt, waitForScreen } from './support/terminal';

let b: Browser;

async function paste(page: Page, text: string): Promise<void> {
  await focusTerminal(page);
  await page.evaluate((t) => {
    const area = document.querySelector('.terminal:not([hidden]) .xterm-helper-textarea');
    if (!area) throw new Error('no terminal');
    const data = new DataTransfer();
    data.setData('text/plain', t);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const DOCKERFILE = `FROM debian:stretch

RUN set -x; buildDeps='gcc libc6-dev make wget' \\
    && apt-get update \\
    && apt-get install -y $buildDeps \\
    && wget -O redis.tar.gz "http://download.redis.io/releases/redis-5.0.3.tar.gz" \\
    && mkdir -p /usr/src/redis \\
    && tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1 \\
    && make -C /usr/src/redis \\
    && make -C /usr/src/redis install \\
    && rm -rf /var/lib/apt/lists/* \\
    && rm redis.tar.gz \\
    && rm -r /usr/src/redis \\
    && apt-get purge -y --auto-remove $buildDeps
`;

describe('the tutorial builds in the app', () => {
  beforeAll(async () => {
    b = await launch({ width: 1600, height: 1000 });
    await b.page.goto(inject('baseUrl'));
    await waitForPrompt(b.page);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('builds the pasted redis-from-source Dockerfile and runs redis-server from the image', async () => {
    const { page } = b;
    await paste(page, `mkdir -p redis && cd redis\ncat > Dockerfile <<'EOF'\n${DOCKERFILE}EOF\n`);
    await waitForScreen(page, /^> EOF$/m);
    await waitForPrompt(page);
    expect(outputOf(await run(page, 'grep -c buildDeps Dockerfile'), 'grep -c buildDeps Dockerfile')).toBe('3');
    await run(page, 'docker build -t redis:src .', 'Successfully tagged redis:src', 180_000);
    await run(page, 'docker run -d --name r1 redis:src redis-server', /^[0-9a-f]{64}$/m, 30_000);
    await run(page, 'docker logs r1', 'Ready to accept connections', 30_000);
    await run(page, 'cd ..');
  });

  it('builds hello-world from its git repository and runs it', async () => {
    const { page } = b;
    await run(page, 'docker build -t hello-world https://github.com/docker-library/hello-world.git#master:amd64/hello-world', 'Successfully tagged hello-world:latest', 60_000);
    await run(page, 'docker run --rm hello-world', 'Hello from Docker!', 30_000);
  });
});
