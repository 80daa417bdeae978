/**
 * `npm run bench:builds`: how long the tutorial's other docker builds take in
 * the learner's app, in process (the lesson sandbox: learner catalog,
 * simulated Internet, virtual clock): the redis-from-source Dockerfile
 * (apt-get, wget, tar, make, gcc; the Hub pull of debian:stretch included)
 * and the hello-world build from its git repository. Prints figures; asserts
 * nothing (timings are not tests).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createLessonSandbox } from '../src/runner/lesson-sandbox';
import { heapAfterGc } from './bench-lib';

const REDIS = `FROM debian:stretch

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

const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  log(`machine: ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (let round = 1; round <= 3; round++) {
    const sb = createLessonSandbox();
    sb.env.hostFs.mkdir('/home/learner/redis', { recursive: true });
    sb.env.hostFs.writeFile('/home/learner/redis/Dockerfile', REDIS);
    const heap0 = heapAfterGc();
    let t = performance.now();
    const redis = await sb.env.exec('cd redis && docker build -t redis:src .');
    const redisMs = performance.now() - t;
    const heap1 = heapAfterGc();
    t = performance.now();
    const hello = await sb.env.exec('docker build -t hello-world https://github.com/docker-library/hello-world.git#master:amd64/hello-world');
    const helloMs = performance.now() - t;
    log(
      `round ${round}: redis-from-source build ${redisMs.toFixed(0)} ms (exit ${redis.status}, ${redis.stdout.split('\n').length} lines, heap +${((heap1 - heap0) / 1048576).toFixed(1)} MiB); ` +
        `hello-world from git ${helloMs.toFixed(0)} ms (exit ${hello.status})`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
