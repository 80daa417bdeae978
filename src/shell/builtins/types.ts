import type { ProcessIO } from '../../api/io';
import type { Interpreter } from '../interpreter/exec';
import type { ShellState } from '../interpreter/state';

/** a builtin runs inside the shell and may change its state */
export type Builtin = (sh: ShellState, argv: string[], io: ProcessIO, interp: Interpreter) => Promise<number>;
