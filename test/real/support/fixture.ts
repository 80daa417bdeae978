/**
 * The fixture test/real/fixture/setup.sh prepared: where its stand-in Docker
 * Hub listens (registry mirror, Hub front proxy), its CA bundle, and
 * `hubctl` to change the Hub behind the engines' backs as the fidelity kit's
 * scenarios and lessons do (retag, reset). The suite only ever changes this
 * fixture's own Hub, never another one on the machine.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
export const KIT_DIR = join(here, '..', 'fixture', 'kit');
export const FIXTURE_RUN = process.env.DOCKYARD_FIXTURE_RUN ?? '/tmp/dockyard-fixture';

export interface Fixture {
  run: string;
  hubPort: number;
  proxyPort: number;
  ca: string;
}

let cached: Fixture | undefined;

export function fixture(): Fixture {
  if (cached) return cached;
  const file = join(FIXTURE_RUN, 'fixture.env');
  if (!existsSync(file)) throw new Error(`the real-engine fixture is not set up (${file} is missing): run test/real/fixture/setup.sh as root first`);
  const env = Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  cached = { run: FIXTURE_RUN, hubPort: Number(env.DOCKYARD_HUB_PORT), proxyPort: Number(env.DOCKYARD_HUB_PROXY_PORT), ca: env.DOCKYARD_HUB_CA };
  return cached;
}

/** the kit's hubctl on the fixture's Hub: `retag REPO FROM TO`, `reset` */
export async function hubctl(args: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  const fx = fixture();
  try {
    const r = await run(join(KIT_DIR, 'lib', 'hubctl'), args, { env: { ...process.env, FID_RUN: fx.run, HUB_PORT: String(fx.hubPort) }, timeout: 30_000 });
    return { exit: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return { exit: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? err.message };
  }
}
