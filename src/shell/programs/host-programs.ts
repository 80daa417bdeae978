/** The programs of the learner's host (GNU tools). The composition root adds `docker`. */
import type { Program } from '../interpreter/types';
import { curl } from './curl';
import { GNU_BINARIES } from './program-tables';

export const HOST_PROGRAMS: Record<string, Program> = { ...GNU_BINARIES, curl };
