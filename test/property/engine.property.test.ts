/**
 * Random sequences of docker commands with random arguments, through the CLI
 * entry point on a fresh session each: no exception escapes (every failure is
 * an exit status ≠ 0 with a message), no command hangs, and the engine's
 * stores stay consistent (test/property/invariants.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerIn } from '../../src/runner/docker-exec';
import { createSession } from '../../src/runner/session';
import { storeInvariants } from './invariants';

const image = fc.constantFrom('busybox', 'busybox:latest', 'hello-world', 'ubuntu:18.04', 'nginx:alpine', 'redis:alpine', 'nosuch', 'Bad:Ref', 'mine:v1');
const name = fc.constantFrom('a1', 'web', 'db', 'x');
const ref = fc.oneof(name, image, fc.constantFrom('0', 'abc', 'sha256:0123'));
const vol = fc.constantFrom('v1', 'v2', 'data');
const net = fc.constantFrom('n1', 'bridge', 'my-net');

const command: fc.Arbitrary<string[]> = fc.oneof(
  image.map((i) => ['pull', i]),
  fc.tuple(name, image).map(([n, i]) => ['create', '--name', n, i]),
  fc.tuple(name, image, vol).map(([n, i, v]) => ['run', '-d', '--name', n, '-v', `${v}:/data`, i, 'sleep', '1000']),
  image.map((i) => ['run', '--rm', i, 'echo', 'hi']),
  image.map((i) => ['run', '-d', i]),
  fc.tuple(fc.constantFrom('start', 'stop', 'kill', 'rm', 'pause', 'unpause', 'restart'), ref).map(([v, r]) => [v, r]),
  ref.map((r) => ['rm', '-f', r]),
  ref.map((r) => ['rm', '-v', r]),
  fc.tuple(fc.boolean(), ref).map(([f, r]) => (f ? ['rmi', '-f', r] : ['rmi', r])),
  fc.tuple(ref, image).map(([a, b]) => ['tag', a, b]),
  fc.tuple(name, fc.constantFrom('mine:v1', 'mine:v2')).map(([c, t]) => ['commit', c, t]),
  vol.map((v) => ['volume', 'create', v]),
  vol.map((v) => ['volume', 'rm', v]),
  net.map((n) => ['network', 'create', n]),
  net.map((n) => ['network', 'rm', n]),
  fc.constantFrom(
    ['ps', '-a'],
    ['images'],
    ['images', '-a'],
    ['volume', 'ls'],
    ['network', 'ls'],
    ['image', 'prune', '-f'],
    ['image', 'prune', '-a', '-f'],
    ['container', 'prune', '-f'],
    ['volume', 'prune', '-f'],
    ['system', 'df'],
    ['run', '--bogus-flag', 'busybox'],
    ['nosuchcommand'],
  ).map((a) => [...a]),
);

describe('engine under random docker commands', () => {
  it('never throws, never hangs, keeps its stores consistent', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 20 }), async (cmds) => {
        const s = createSession();
        const forceDeleted = new Set<string>();
        for (const args of cmds) {
          const before = args[0] === 'rmi' && args[1] === '-f' ? s.engine.images.all().map((i) => i.id) : [];
          const r = await dockerIn(s, args);
          const now = new Set(s.engine.images.all().map((i) => i.id));
          for (const id of before) if (!now.has(id)) forceDeleted.add(id);
          const line = `docker ${args.join(' ')}`;
          expect(r.thrown, `${line} threw`).toBeUndefined();
          expect(r.hung, `${line} never finished`).toBe(false);
          expect(Number.isInteger(r.exit), line).toBe(true);
          if (r.exit !== 0) expect(r.stderr.trim().length + r.stdout.trim().length, `${line} failed silently`).toBeGreaterThan(0);
          expect(storeInvariants(s.engine, forceDeleted), `after ${line}`).toEqual([]);
          await s.clock.advance(300);
        }
      }),
      { numRuns: 150, seed: 20261123, endOnFailure: true },
    );
  });
});
