/**
 * journalctl (systemd 252) over the machine's journal: -u UNIT, -n [N], -e,
 * -x (catalog explanations), -f (follow until Ctrl-C), -q, -o
 * short|short-precise|cat, --no-pager, -b. Only root and members of adm or
 * systemd-journal see the system's messages; anyone else gets journald's
 * hint. Formats recorded from a real journal (test/fixtures/real-host/systemd/).
 */
import type { Program, ProgramContext } from '../interpreter/types';
import { colorOn, columnsOf, type HostServices, readsJournal, unitName } from './host-services';
import { hostTexts } from './host-texts';
import type { JournalEntry } from './systemd/journal';
import { catalogText, journalLine, type JournalStyle } from './systemd/journal-format';

interface Options {
  units: string[];
  lines?: number;
  catalog: boolean;
  follow: boolean;
  quiet: boolean;
  output: 'short' | 'short-precise' | 'cat';
}

function parse(ctx: ProgramContext): Options | { error: string } {
  const o: Options = { units: [], catalog: false, follow: false, quiet: false, output: 'short' };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      if (!a.startsWith('--') && a.length > 2) return a.slice(2);
      const v = args[++i];
      if (v === undefined) throw new Error(`journalctl: option requires an argument -- '${name}'`);
      return v;
    };
    try {
      if (a === '--no-pager' || a === '-b' || a === '--boot' || a === '-l' || a === '--full' || a === '--system' || a === '--no-hostname') continue;
      if (a === '-x' || a === '--catalog') o.catalog = true;
      else if (a === '-f' || a === '--follow') o.follow = true;
      else if (a === '-q' || a === '--quiet') o.quiet = true;
      else if (a === '-e' || a === '--pager-end') o.lines ??= 1000;
      else if (a === '-n' && (args[i + 1] === undefined || !/^\d+$/.test(args[i + 1]))) o.lines = 10;
      else if (a === '-n' || a.startsWith('--lines') || /^-n\d+$/.test(a)) o.lines = Number(value('n'));
      else if (a === '-u' || a.startsWith('--unit') || (a.startsWith('-u') && a.length > 2)) o.units.push(unitName(value('u')).name);
      else if (a === '-o' || a.startsWith('--output')) {
        const v = value('o');
        if (v !== 'short' && v !== 'short-precise' && v !== 'cat') return { error: hostTexts(ctx.lang).unsupported('journalctl', `-o ${v}`) };
        o.output = v;
      } else if (/^-[a-zA-Z]{2,}$/.test(a)) {
        // bundled flags: -xe, -xeu UNIT, -fu UNIT
        const flags = a.slice(1);
        for (let j = 0; j < flags.length; j++) {
          const f = flags[j];
          if (f === 'x') o.catalog = true;
          else if (f === 'e') o.lines ??= 1000;
          else if (f === 'f') o.follow = true;
          else if (f === 'q') o.quiet = true;
          else if (f === 'b' || f === 'l') continue;
          else if (f === 'u' || f === 'n') {
            const rest = flags.slice(j + 1);
            const v = rest !== '' ? rest : args[++i];
            if (v === undefined) return { error: `journalctl: option requires an argument -- '${f}'` };
            if (f === 'u') o.units.push(unitName(v).name);
            else o.lines = Number(v);
            break;
          } else return { error: hostTexts(ctx.lang).unsupported('journalctl', `-${f}`) };
        }
      } else return { error: hostTexts(ctx.lang).unsupported('journalctl', a) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  return o;
}

export function makeJournalctl(h: HostServices): Program {
  return async (ctx) => {
    const o = parse(ctx);
    if ('error' in o) {
      ctx.io.stderr.write(o.error.endsWith('\n') ? o.error : `${o.error}\n`);
      return 1;
    }
    if (!readsJournal(ctx)) {
      if (!o.quiet) {
        ctx.io.stderr.write(
          "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n",
        );
      }
      ctx.io.stderr.write('No journal files were opened due to insufficient permissions.\n');
      return 1;
    }
    const journal = h.manager.journal;
    const wanted = (e: JournalEntry) => o.units.length === 0 || (e.unit !== undefined && o.units.includes(e.unit));
    let entries = journal.entries.filter(wanted);
    const lines = o.lines ?? (o.follow ? 10 : undefined);
    if (lines !== undefined) entries = entries.slice(Math.max(0, entries.length - lines));
    const style: JournalStyle = { color: colorOn(ctx), columns: columnsOf(ctx), full: true, precise: o.output === 'short-precise' };
    const print = (e: JournalEntry) => {
      const line = o.output === 'cat' ? e.message : journalLine(e, h.manager.hostname, style, { ellipsized: false });
      let text = `${line}\n`;
      if (o.catalog) for (const c of catalogText(e)) text += `${c}\n`;
      ctx.io.stdout.write(text);
    };
    if (entries.length === 0 && !o.follow) {
      ctx.io.stdout.write('-- No entries --\n');
      return 0;
    }
    for (const e of entries) print(e);
    if (!o.follow) return 0;
    await new Promise<void>((resolve) => {
      const off = journal.follow((e) => {
        if (wanted(e)) print(e);
      });
      const done = () => {
        off();
        resolve();
      };
      if (ctx.io.interrupt.aborted) done();
      else ctx.io.interrupt.addEventListener('abort', done, { once: true });
    });
    return 130;
  };
}
