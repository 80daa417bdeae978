// The fuzzer's worker thread starts here: TypeScript through tsx (as `npm run
// fuzz` and vitest run the rest), then the worker itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
