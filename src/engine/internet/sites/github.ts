/**
 * github.com: the repository the tutorial builds from
 * (`docker build https://github.com/docker-library/hello-world.git#master:amd64/hello-world`).
 * Each architecture's folder holds the Dockerfile as docker-library writes it
 * and the `hello` binary (a synthetic content of the amd64 binary's size).
 */
import type { GitTreeEntry } from '../../../api/net';
import { synthetic } from '../../../lib/content';
import type { Site } from '../internet';

const DOCKERFILE = 'FROM scratch\nCOPY hello /\nCMD ["/hello"]\n';
const ARCHES = ['amd64', 'arm32v5', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'mips64le', 'ppc64le', 'riscv64', 's390x'];

function helloWorldTree(): GitTreeEntry[] {
  const out: GitTreeEntry[] = [];
  for (const arch of ARCHES) {
    out.push({ path: arch, type: 'dir', mode: 0o755 });
    out.push({ path: `${arch}/hello-world`, type: 'dir', mode: 0o755 });
    out.push({ path: `${arch}/hello-world/Dockerfile`, type: 'file', mode: 0o644, data: new TextEncoder().encode(DOCKERFILE) });
    out.push({ path: `${arch}/hello-world/hello`, type: 'file', mode: 0o755, data: synthetic(`docker-library/hello-world ${arch}/hello`, 13_256) });
  }
  return out;
}

export const GITHUB: Site = {
  host: 'github.com',
  ip: '140.82.112.3',
  aliases: ['www.github.com'],
  server: 'GitHub.com',
  git: {
    '/docker-library/hello-world': { refs: { master: helloWorldTree } },
  },
};
