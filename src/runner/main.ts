/**
 * `npm run --silent sim -- transcript FILE [--cols N]`: runs a fidelity
 * scenario in a fresh simulated session and prints its transcript as JSON on
 * stdout (format: shared/fidelity/README.md, "Comparing a simulator").
 * Always prints a JSON document and exits 0 unless the arguments are wrong.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { runTranscript } from './transcript';

const USAGE = 'usage: npm run --silent sim -- transcript SCENARIO.sh [--cols N]\n';

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let cols = 120;
  const ci = args.indexOf('--cols');
  if (ci >= 0) {
    cols = Number.parseInt(args[ci + 1] ?? '', 10);
    args.splice(ci, 2);
    if (!Number.isFinite(cols) || cols < 20) {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  if (args[0] !== 'transcript' || args.length !== 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = resolve(args[1]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const name = basename(file).replace(/\.sh$/, '');
  const doc = await runTranscript(
    text,
    async () => {
      // loaded lazily so that a broken module still yields a transcript (with the error in every step)
      const { createSession } = await import('./session');
      return createSession({ cols });
    },
    { name, columns: cols, fidDir: dirname(dirname(file)) },
  );
  await new Promise<void>((r) => process.stdout.write(`${JSON.stringify(doc, null, 1)}\n`, () => r()));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`sim: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
