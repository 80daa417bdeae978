import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without type declarations
import { checkLayering, importsOf, resolveSpecifier } from './rules.mjs';

type Check = (files: { path: string; text: string }[]) => string[];
const check = checkLayering as Check;

describe('layering check', () => {
  it('finds imports of every form', () => {
    const text = [
      "import type { A } from '../api/a';",
      "import x from 'pkg';",
      "import './side-effect';",
      "export * from './re';",
      "export { y } from './y';",
      "const m = await import('./lazy');",
    ].join('\n');
    expect((importsOf as (t: string) => string[])(text).sort()).toEqual(['../api/a', './lazy', './re', './side-effect', './y', 'pkg'].sort());
    expect((resolveSpecifier as (a: string, b: string) => string)('src/cli/commands/x.ts', '../../engine/engine')).toBe('src/engine/engine');
  });
  it('accepts a clean tree', () => {
    expect(
      check([
        { path: 'src/cli/main.ts', text: "import type { EngineClient } from '../client/engine-client';" },
        { path: 'src/engine/engine.ts', text: "import type { Clock } from './core/clock'; // no Date.now here" },
        { path: 'src/ui/terminal/Terminal.tsx', text: "import { Terminal } from '@xterm/xterm';" },
        { path: 'src/app/real-clock.ts', text: 'export const now = () => Date.now(); setTimeout(() => {}, 1);' },
      ]),
    ).toEqual([]);
  });
  it('catches each kind of violation', () => {
    const offences = check([
      { path: 'src/cli/commands/ps.ts', text: "import { Engine } from '../../engine/engine';" },
      { path: 'src/cli/main.ts', text: "import { createShell } from '../shell';" },
      { path: 'src/engine/containers/ops/run.ts', text: "import { x } from '../../../client/errors';\nconst t = Date.now();" },
      { path: 'src/engine/core/rand.ts', text: 'export const r = () => Math.random();\nsetTimeout(f, 1);\nfetch("x");' },
      { path: 'src/engine/ui.ts', text: 'window.alert(1); document.title = "x";' },
      { path: 'src/ui/Panel.tsx', text: "import { FitAddon } from '@xterm/addon-fit';" },
      { path: 'src/ui/Code.tsx', text: "import * as monaco from 'monaco-editor';" },
      { path: 'src/api/io.ts', text: "import type { Engine } from '../engine/engine';" },
      { path: 'src/lib/tar.ts', text: "import { x } from '../api/fs';" },
    ]);
    const expectOne = (file: string, what: string) => expect(offences.some((o) => o.startsWith(file) && o.includes(what)), `${file} ${what}\n${offences.join('\n')}`).toBe(true);
    expectOne('src/cli/commands/ps.ts', 'src/engine');
    expectOne('src/cli/main.ts', 'src/shell');
    expectOne('src/engine/containers/ops/run.ts', 'src/client');
    expectOne('src/engine/containers/ops/run.ts', 'Date.now');
    expectOne('src/engine/core/rand.ts', 'Math.random');
    expectOne('src/engine/core/rand.ts', 'setTimeout');
    expectOne('src/engine/core/rand.ts', 'fetch(');
    expectOne('src/engine/ui.ts', 'window');
    expectOne('src/engine/ui.ts', 'document');
    expectOne('src/ui/Panel.tsx', '@xterm/addon-fit');
    expectOne('src/ui/Code.tsx', 'monaco-editor');
    expectOne('src/api/io.ts', 'src/api');
    expectOne('src/lib/tar.ts', 'src/lib');
  });
  it('ignores forbidden words in comments and strings', () => {
    expect(check([{ path: 'src/engine/x.ts', text: "// Date.now and Math.random are banned\nconst s = 'setTimeout';" }])).toEqual([]);
  });
});

describe('layering rules for the UI, the shell and the client', () => {
  it('keeps the UI and its store off the engine, the shell and the client off the upper layers', () => {
    const offences = check([
      { path: 'src/ui/state-view/model.ts', text: "import { Engine } from '../../engine/engine';" },
      { path: 'src/store/slice.ts', text: "import { createSession } from '../runner/session';" },
      { path: 'src/shell/programs/x.ts', text: "import { runDocker } from '../../cli/main';" },
      { path: 'src/client/in-process/x.ts', text: "import { App } from '../../ui/App';" },
      { path: 'src/ui/state-view/model.test.ts', text: "import { Engine } from '../../engine/engine';" },
    ]);
    expect(offences.some((o) => o.startsWith('src/ui/state-view/model.ts:') && o.includes('src/engine'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/store/slice.ts:') && o.includes('src/runner'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/shell/programs/x.ts:') && o.includes('src/cli'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/client/in-process/x.ts:') && o.includes('src/ui'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/ui/state-view/model.test.ts'))).toBe(false);
  });
});

describe('layering rules for the lessons', () => {
  it('keeps src/course on the client interface: no engine, shell, CLI or UI', () => {
    const offences = check([
      { path: 'src/course/checks/x.ts', text: "import { Engine } from '../../engine/engine';" },
      { path: 'src/course/runtime/y.ts', text: "import { createShell } from '../../shell/shell';" },
      { path: 'src/course/format/z.ts', text: "import { useT } from '../../ui/use-t';" },
      { path: 'src/course/checks/ok.ts', text: "import type { EngineClient } from '../../client/engine-client';\nimport { z } from 'zod';" },
    ]);
    expect(offences.some((o) => o.startsWith('src/course/checks/x.ts:') && o.includes('src/engine'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/course/runtime/y.ts:') && o.includes('src/shell'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/course/format/z.ts:') && o.includes('src/ui'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/course/checks/ok.ts'))).toBe(false);
  });
});

describe('layering rules for the first frame', () => {
  it('lets the entry and the boot code load only xterm.js and their own modules statically; the app comes by import()', () => {
    const offences = check([
      { path: 'src/app/main.ts', text: "import { startApp } from './start-app';\nimport { createRoot } from 'react-dom/client';" },
      { path: 'src/ui/boot/x.ts', text: "import { openSandboxStore } from '../../store/create-store';" },
      { path: 'src/ui/terminal/boot-terminal.ts', text: "import { Terminal } from '@xterm/xterm';\nimport type { Lang } from '../i18n';" },
      {
        path: 'src/ui/boot/ok.ts',
        text: "import type { SandboxState } from '../../store/contract';\nimport { fmt } from '../i18n';\nconst app = () => import('../../store/create-store');",
      },
    ]);
    expect(offences.some((o) => o.startsWith('src/app/main.ts:') && o.includes('./start-app statically'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/app/main.ts:') && o.includes('react-dom/client statically'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/ui/boot/x.ts:') && o.includes('store'))).toBe(true);
    expect(offences.some((o) => o.startsWith('src/ui/terminal/boot-terminal.ts'))).toBe(false);
    expect(offences.filter((o) => o.startsWith('src/ui/boot/ok.ts'))).toEqual([]);
  });
});
