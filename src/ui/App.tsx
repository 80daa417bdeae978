/** The page: a header and one terminal on the simulator. */
import type { ProcessIO } from '../api/io';
import type { Dictionary } from './i18n';
import { Terminal } from './terminal/Terminal';

export interface AppProps {
  t: Dictionary;
  run(line: string, io: ProcessIO): Promise<number>;
  prompt(): string;
}

export function App({ t, run, prompt }: AppProps) {
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t.title}</h1>
        <p>{t.tagline}</p>
      </header>
      <main className="app-main">
        <Terminal run={run} prompt={prompt} banner={t.welcome} internalError={t.internalError} label={t.terminalLabel} />
      </main>
    </div>
  );
}
