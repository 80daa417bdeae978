/**
 * make: variables and their flavors, rules, pattern and suffix rules,
 * automatic variables, what is up to date, -C and sub-makes, -n, and make's
 * messages when a rule is missing or a recipe fails.
 */
import { describe, expect, it } from 'vitest';
import { hostShell, run } from '../../testing/harness';
import { ar, gcc } from '../toolchain';
import { make } from './make';

function shell() {
  const h = hostShell({ make, gcc, cc: gcc, ar });
  const write = (path: string, text: string) => {
    h.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    h.fs.writeFile(path, text);
  };
  return { ...h, write };
}

describe('make', () => {
  it('expands =, :=, ?= and += variables, command-line overrides and functions', async () => {
    const { sh, write } = shell();
    write(
      '/root/p/Makefile',
      'A = $(B) one\nB = two\nC := $(B)\nB = three\nD ?= kept\nD ?= lost\nE = x\nE += y\nOBJ = $(patsubst %.c,%.o,a.c b.c)\nW = $(words $(OBJ))\n\nshow:\n\t@echo "$(A)|$(C)|$(D)|$(E)|$(OBJ)|$(W)|$(OBJ:.o=.c)|$(notdir src/x.c)|$(addprefix -I,a b)|$$HOME"\n',
    );
    expect((await run(sh, 'cd /root/p && make')).out).toBe('three one|two|kept|x y|a.o b.o|2|a.c b.c|x.c|-Ia -Ib|/root\n');
    expect((await run(sh, 'cd /root/p && make B=cmd E=z')).out).toBe('cmd one|cmd|kept|z|a.o b.o|2|a.c b.c|x.c|-Ia -Ib|/root\n');
  });

  it('builds through pattern and suffix rules with $@ $< $^, echoing recipes, and then finds everything up to date', async () => {
    const { sh, fs, write } = shell();
    write('/root/p/Makefile', 'OBJ=main.o util.o\nprog: $(OBJ)\n\t$(CC) -o $@ $^\n%.o: %.c\n\t$(CC) -c $<\n.PHONY: clean\nclean:\n\trm -f prog *.o\n');
    write('/root/p/main.c', 'int main(void){return 0;}\n');
    write('/root/p/util.c', 'int util;\n');
    const first = await run(sh, 'make -C p');
    expect(first).toEqual({
      status: 0,
      err: '',
      out: "make: Entering directory '/root/p'\ncc -c main.c\ncc -c util.c\ncc -o prog main.o util.o\nmake: Leaving directory '/root/p'\n",
    });
    expect(fs.stat('/root/p/prog').mode & 0o111).not.toBe(0);
    expect((await run(sh, 'cd /root/p && make')).out).toBe("make: 'prog' is up to date.\n");
    expect((await run(sh, 'cd /root/p && make -n clean')).out).toBe('rm -f prog *.o\n');
    expect(fs.exists('/root/p/prog')).toBe(true);
    write('/root/q/Makefile', 'lib.a: x.o\n\tar rcs $@ $^\n.c.o:\n\t$(CC) -O2 -c $<\n');
    write('/root/q/x.c', 'int x;\n');
    expect((await run(sh, 'cd /root/q && make')).out).toBe('cc -O2 -c x.c\nar rcs lib.a x.o\n');
  });

  it('runs sub-makes one level down, saying where they work, and passes overrides on', async () => {
    const { sh, write } = shell();
    write('/root/top/Makefile', 'all:\n\tcd sub && $(MAKE) $@\n');
    write('/root/top/sub/Makefile', 'all:\n\t@echo "in sub with V=$(V)"\n');
    const r = await run(sh, 'make -C top V=1');
    expect(r.out).toBe(
      "make: Entering directory '/root/top'\ncd sub && make all\nmake[1]: Entering directory '/root/top/sub'\nin sub with V=1\nmake[1]: Leaving directory '/root/top/sub'\nmake: Leaving directory '/root/top'\n",
    );
  });

  it("says what is missing or failed, in make's words and exit status 2", async () => {
    const { sh, write } = shell();
    expect(await run(sh, 'make')).toEqual({ status: 2, out: '', err: 'make: *** No targets specified and no makefile found.  Stop.\n' });
    write('/root/p/Makefile', 'all: missing.h\n\techo never\nbad:\n\tfalse\n\techo never\nsoft:\n\t-false\n\t@echo went on\n');
    expect(await run(sh, 'cd /root/p && make')).toEqual({ status: 2, out: '', err: "make: *** No rule to make target 'missing.h', needed by 'all'.  Stop.\n" });
    expect(await run(sh, 'cd /root/p && make bad')).toEqual({ status: 2, out: 'false\n', err: 'make: *** [bad] Error 1\n' });
    expect(await run(sh, 'cd /root/p && make soft')).toEqual({ status: 0, out: 'false\nwent on\n', err: 'make: [soft] Error 1 (ignored)\n' });
    expect(await run(sh, 'cd /root/p && make nothing')).toEqual({ status: 2, out: '', err: "make: *** No rule to make target 'nothing'.  Stop.\n" });
    write('/root/q/Makefile', 'all\n');
    expect((await run(sh, 'cd /root/q && make')).err).toBe('make: Makefile:1: *** missing separator.  Stop.\n');
    expect((await run(sh, 'make -C /nope')).err).toBe('make: *** /nope: No such file or directory.  Stop.\n');
  });
});
