/**
 * `tsx test/real/support/remove-orphans.ts`: stops and removes the sessions a
 * killed real-engine run left in its state directory (/tmp/dyt): their
 * daemons, containers, mounts, data roots and network namespaces. Only that
 * directory's sessions: another server's are its own business.
 */
import { LocalDockerdLauncher } from '../../../src/server/launcher/local-dockerd';
import { SUITE_STATE_DIR } from './harness';

const removed = await new LocalDockerdLauncher({ stateDir: SUITE_STATE_DIR, forwardPorts: [], daemonConfig: {} }).removeOrphans();
process.stderr.write(`[real] removed ${removed.length} session(s) left in ${SUITE_STATE_DIR}\n`);
