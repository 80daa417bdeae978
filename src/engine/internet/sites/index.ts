/** The sites of the learner's simulated Internet: what the tutorials fetch. */
import { SimulatedInternet, type Site } from '../internet';
import { GITHUB } from './github';
import { REDIS_DOWNLOAD } from './redis-download';

export const LEARNER_SITES: readonly Site[] = [REDIS_DOWNLOAD, GITHUB];

/** a fresh simulated Internet of the learner's app */
export function learnerInternet(): SimulatedInternet {
  return new SimulatedInternet(LEARNER_SITES);
}
