/**
 * `npm run fuzz [-- --lines N --seed S --imports K --workers W --progress FILE --no-hazards --json]`:
 * drives whole sessions in-process and prints figures (see README, "Fuzzing").
 * Exits 1 when a failure of ours was found.
 */
import { writeFileSync } from 'node:fs';
import { runFuzz } from './driver';
import { formatReport } from './report';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} takes a number`);
  return v;
}

async function main(): Promise<number> {
  const lines = arg('lines', 100_000);
  const seed = arg('seed', 20261123);
  const at = process.argv.indexOf('--progress');
  const progressFile = at >= 0 ? process.argv[at + 1] : undefined;
  const rep = await runFuzz({
    lines,
    seed,
    importsPerSession: arg('imports', 2),
    workers: Math.max(1, arg('workers', 1)),
    onProgress: progressFile ? (r) => writeFileSync(progressFile, JSON.stringify(r)) : undefined,
    hazards: !process.argv.includes('--no-hazards'),
    log: process.argv.includes('--quiet') ? undefined : (s) => process.stderr.write(`${s}\n`),
  });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rep, null, 1)}\n`);
  else process.stdout.write(formatReport(rep));
  const ours = Object.values(rep.counts.fuzz ?? {}).reduce((a, b) => a + b, 0);
  return ours === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
