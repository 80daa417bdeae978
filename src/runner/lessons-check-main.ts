/**
 * `npm run lessons:check [-- [-v] FOLDER…]`: the proof that every lesson works
 * (see lessons-check.ts). With folder names, only those lessons; -v prints
 * what "Why not yet?" says at the start of each step, in both languages.
 */
import { checkLoaded, problemLine } from './lessons-check';
import { loadBuiltinLessons, loadPackFolders } from './lesson-files';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('-v') || args.includes('--verbose');
  const only = args.filter((a) => !a.startsWith('-'));
  const packs = loadPackFolders();
  const all = [...loadBuiltinLessons(), ...packs.flatMap((p) => p.lessons.map((l) => (l.ok ? l : { ...l, folder: `packs/${p.id}/${l.folder}` })))];
  const nameOf = (l: (typeof all)[number]) => (l.ok ? `${l.lesson.pack ? `packs/${l.lesson.pack}/` : ''}${l.lesson.folder}` : l.folder);
  const chosen = only.length ? all.filter((l) => only.some((o) => nameOf(l).includes(o))) : all;
  let failed = 0;
  let steps = 0;
  for (const p of packs) for (const prob of p.problems) {
    failed++;
    process.stdout.write(`✗ pack ${p.id}: ${problemLine(prob)}\n`);
  }
  for (const l of chosen) {
    const name = nameOf(l);
    const t0 = performance.now();
    const r = await checkLoaded(l);
    const ms = performance.now() - t0;
    if (!r.ok) failed++;
    steps += r.steps.filter((s) => s.ok).length;
    process.stdout.write(`${r.ok ? '✓' : '✗'} ${name} (${r.steps.length} steps, ${(ms / 1000).toFixed(1)} s)\n`);
    for (const p of r.problems) process.stdout.write(`    ${problemLine(p)}\n`);
    for (const s of r.steps) {
      if (verbose) for (const w of s.why) process.stdout.write(`    ${s.step}: why not yet: ${w.en}\n      ${w['zh-CN']}\n`);
      for (const n of s.notes) process.stdout.write(`    ${s.step}: note: ${n}\n`);
      for (const e of s.errors) process.stdout.write(`    ${s.step}: ✗ ${e}\n`);
    }
  }
  process.stdout.write(`lessons:check: ${chosen.length - failed} passed, ${failed} failed (${steps} steps proven)\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`lessons:check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
