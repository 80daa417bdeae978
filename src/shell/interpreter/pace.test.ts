import { describe, expect, it } from 'vitest';
import { render } from '../../runner/render';
import { createSession, type Session } from '../../runner/session';
import { runStep, settle } from '../../runner/step-driver';
import { giveWayEvery, HOLD_TURNS, loopRound, newPace, PacedClock, shellYieldsPending, YIELD_EVERY } from './pace';

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
});
