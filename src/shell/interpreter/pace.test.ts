import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { createSession, type Session } from '../../runner/session';
import { runStep, settle } from '../../runner/step-driver';
import { Pipe } from '../io/streams';
import { giveWayEvery, HOLD_TURNS, loopRound, newCommandLine, newPace, PacedClock, PIPED_BYTES_PER_ROUND, shellYieldsPending, YIELD_EVERY } from './pace';

async function sh(s: Session, line: string, timeoutSeconds = 120) {
  const r = await runStep(s, line, { timeoutSeconds, columns: s.cols });
  return { out: render(r.stdoutRaw), err: render(r.stderrRaw), exit: r.exit, seconds: r.duration };
}

describe('loop pace', () => {
  it('a loop that waits on the clock never yields to a real timer; one that does not, every YIELD_EVERY rounds', async () => {
    const pace = newPace();
    const clock = new PacedClock({ now: () => 0, sleep: async () => undefined }, pace);
    for (let i = 0; i < 3 * YIELD_EVERY; i++) {
      expect(loopRound(pace)).toBeUndefined();
      await clock.sleep(1000);
    }
    const busy = newPace();
    let yields = 0;
    for (let i = 0; i < 3 * YIELD_EVERY; i++) {
      const y = loopRound(busy);
      if (y) {
        yields++;
        await y;
      }
    }
    expect(yields).toBe(3);
  });

  it('with a time slice (the page), a busy loop also gives way once the slice went by, whatever its rounds', async () => {
    let now = 1000;
    giveWayEvery(() => now, 12);
    try {
      const pace = newPace();
      // rounds within the slice go straight on
      for (let i = 0; i < 10; i++) {
        now += 1;
        expect(loopRound(pace)).toBeUndefined();
      }
      now += 5;
      const y = loopRound(pace);
      expect(y).toBeInstanceOf(Promise);
      await y;
      // the slice starts again at the turn of the event loop
      now += 11;
      expect(loopRound(pace)).toBeUndefined();
    } finally {
      giveWayEvery();
    }
    // without one (the runner): rounds only
    const pace = newPace();
    now += 1_000_000;
    expect(loopRound(pace)).toBeUndefined();
  });

  it("with a turn (the page: until a frame is drawn), a used slice gives way through it, also in rounds that waited on the clock", async () => {
    let now = 1000;
    let turns = 0;
    let release: (() => void) | undefined;
    giveWayEvery(() => now, 10, () => {
      turns++;
      return new Promise<void>((r) => (release = r));
    });
    try {
      const pace = newPace();
      const clock = new PacedClock({ now: () => now, sleep: async () => undefined }, pace);
      // a round with a short clock wait (docker run -d) within the slice goes straight on
      await clock.sleep(0);
      now += 4;
      expect(loopRound(pace)).toBeUndefined();
      // past the slice: it gives way, through the turn, although it waited on the clock
      await clock.sleep(0);
      now += 7;
      const y = loopRound(pace);
      expect(y).toBeInstanceOf(Promise);
      expect(turns).toBe(1);
      let done = false;
      void y?.then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      expect(shellYieldsPending()).toBe(1);
      release?.();
      await y;
      expect(shellYieldsPending()).toBe(0);
      // a yield before the slice is used (a fork bomb's gate) is a plain macrotask, not a turn
      now += 1;
      for (let i = 0; i < YIELD_EVERY - 1; i++) expect(loopRound(pace)).toBeUndefined();
      await loopRound(pace);
      expect(turns).toBe(1);
    } finally {
      giveWayEvery();
    }
  });

  it("a loop's interrupt ends its wait for the turn at once (Ctrl-C while it waits for the page's frame); the turn still ends and is counted", async () => {
    let now = 1000;
    let release: (() => void) | undefined;
    giveWayEvery(() => now, 10, () => new Promise<void>((r) => (release = r)));
    try {
      const pace = newPace();
      const interrupt = new AbortController();
      now += 11;
      const y = loopRound(pace, interrupt.signal);
      expect(y).toBeInstanceOf(Promise);
      let done = false;
      void y?.then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      interrupt.abort();
      await Promise.resolve();
      await Promise.resolve();
      expect(done).toBe(true);
      expect(shellYieldsPending()).toBe(1);
      release?.();
      await new Promise((r) => setTimeout(r, 0));
      expect(shellYieldsPending()).toBe(0);
      // already interrupted: no wait at all
      now += 11;
      let second = false;
      void loopRound(pace, interrupt.signal)?.then(() => (second = true));
      await Promise.resolve();
      expect(second).toBe(true);
      release?.();
    } finally {
      giveWayEvery();
    }
  });

  it('the runner waits for a busy loop before it moves time, and a sleep loop loses no second', async () => {
    const s = createSession();
    const busy = await sh(s, 'i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i');
    expect(busy).toMatchObject({ out: '3000\n', exit: 0, seconds: 0 });

    expect((await sh(s, 'docker pull busybox')).exit).toBe(0);
    const run = await sh(s, `docker run -d --name ticker busybox sh -c 'i=0; while [ $i -lt 1200 ]; do echo "$i $(date +%s)"; i=$((i+1)); sleep 1; done'`);
    expect(run.exit).toBe(0);
    expect((await sh(s, 'sleep 1300', 2000)).seconds).toBe(1300);
    const lines = (await sh(s, 'docker logs ticker')).out.trim().split('\n');
    expect(lines.length).toBe(1200);
    const first = Number(lines[0].split(' ')[1]);
    // a round each simulated second, also past the rounds where a loop used to give way to a real timer
    expect(lines).toEqual(lines.map((_, i) => `${i} ${first + i}`));
  }, 60000);

  it('an endless busy loop holds time for HOLD_TURNS yields, then no longer (a clock wait renews its hold)', async () => {
    const pace = newPace();
    const clock = new PacedClock({ now: () => 0, sleep: async () => undefined }, pace);
    const holding: boolean[] = [];
    const spin = async (yields: number) => {
      for (let n = 0; n < yields; ) {
        const y = loopRound(pace);
        if (!y) continue;
        holding.push(shellYieldsPending() > 0);
        n++;
        await y;
      }
    };
    await spin(HOLD_TURNS + 3);
    expect(holding.slice(0, HOLD_TURNS).every(Boolean)).toBe(true);
    expect(holding.slice(HOLD_TURNS)).toEqual([false, false, false]);
    await clock.sleep(1);
    loopRound(pace);
    holding.length = 0;
    await spin(2);
    expect(holding).toEqual([true, true]);
  });

  it('busy containers past their hold do not hold the runner at every tick of the clock', async () => {
    const s = createSession();
    expect((await sh(s, 'docker pull busybox')).exit).toBe(0);
    for (let i = 0; i < 5; i++) expect((await sh(s, "docker run -d busybox sh -c 'while :; do :; done'")).exit).toBe(0);
    await sh(s, 'sleep 5');
    // they spin on (a slice every few ms of real time), holding nothing: a settle returns at once
    await settle();
    expect(shellYieldsPending()).toBe(0);
    const r = await sh(s, 'for i in $(seq 300); do sleep 1; done; echo done', 400);
    expect(r).toMatchObject({ out: 'done\n', seconds: 300 });
    expect((await sh(s, 'docker ps -q | wc -l')).out.trim()).toBe('5');
  }, 60000);

  it('output moved through a pipe counts as loop rounds: a loop that floods a pipe gives way every YIELD_EVERY × PIPED_BYTES_PER_ROUND bytes', async () => {
    const pace = newPace();
    const p = new Pipe();
    const chunk = new Uint8Array(1024);
    let rounds = 0;
    let y: Promise<void> | undefined;
    for (; !y; rounds++) {
      p.output.write(chunk);
      await p.input.read();
      y = loopRound(pace);
    }
    await y;
    // 1 KiB a round: the rounds that much output is worth, not YIELD_EVERY
    expect(rounds).toBe(Math.ceil(YIELD_EVERY / (1 + 1024 / PIPED_BYTES_PER_ROUND)));
  });

  it('a new command line gives its loops a hold of their own, whatever an earlier endless loop left', async () => {
    const pace = newPace();
    for (let turns = 0; turns <= HOLD_TURNS + 2; ) {
      const y = loopRound(pace);
      if (y) {
        turns++;
        await y;
      }
    }
    newCommandLine(pace);
    let held = true;
    for (let i = 0; i < 2 * YIELD_EVERY; i++) {
      const y = loopRound(pace);
      if (y) {
        held &&= shellYieldsPending() > 0;
        await y;
      }
    }
    expect(held).toBe(true);
  });

  it('endless loops, a pipe flood among them, end at the step\'s deadline or at Ctrl-C; a finite loop after them still ends', async () => {
    const s = createSession();
    for (const line of ['while :; do help; done | tr a b > /dev/null', 'while true; do x=1; done', 'while :; do echo hi; done | cat > /dev/null']) {
      const r = await runStep(s, line, { timeoutSeconds: 20 });
      expect({ line, exit: r.exit, killed: r.killed, unstoppable: r.unstoppable, seconds: r.duration }).toEqual({ line, exit: 137, killed: true, unstoppable: undefined, seconds: 20 });
    }
    const interrupted = await runStep(s, 'while :; do help; done | tr a b > /dev/null; echo after $?', { timeoutSeconds: 20, inputs: [{ kind: 'wait', seconds: 2 }, { kind: 'keys', text: '\\x03' }] });
    // bash leaves the whole line at Ctrl-C: `echo after` does not run
    expect({ exit: interrupted.exit, killed: interrupted.killed, out: render(interrupted.stdoutRaw), seconds: interrupted.duration }).toEqual({ exit: 130, killed: false, out: '^C', seconds: 2.8 });
    // the killed loops left no busy count behind: 2,000 rounds in no simulated time
    expect(await sh(s, 'for i in $(seq 2000); do :; done; echo ok $i')).toMatchObject({ out: 'ok 2000\n', exit: 0, seconds: 0 });
  }, 60000);
});
