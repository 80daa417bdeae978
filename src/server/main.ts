/**
 * `npm run serve`: builds the app when dist/ is missing, removes what earlier
 * runs left, and serves the app and the real-engine API (see config.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from './config';
import { compose } from './compose';
import { describeAddress } from './engine/transport';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const log = (l: string) => process.stderr.write(`[dockyard] ${l}\n`);

async function main() {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (!existsSync(join(dist, 'index.html'))) {
    log('building the app (dist/ is missing)');
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  }
  const { server, sessions, launcher } = compose(config, dist, log);
  const orphans = await launcher.removeOrphans();
  if (orphans.length > 0) log(`removed ${orphans.length} session(s) left by an earlier run`);
  server.listen(config.port, config.host, () => {
    const where = config.mode === 'local' ? `the engine at ${describeAddress(config.dockerHost)} (--local)` : 'a dockerd per session (--playground)';
    log(`serving http://${config.host}:${config.port}/ with ${where}`);
  });
  const shutdown = async () => {
    log('stopping: ending every session');
    server.close();
    await sessions.endAll();
    await launcher.close?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
