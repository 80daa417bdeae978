/**
 * The frames of the typed-operation protocol, both directions. A transport
 * (a MessagePort, a WebSocket: channel.ts) carries them as objects; bytes are
 * Uint8Array. Bytes inside an operation's arguments or result travel as
 * `blob` frames of at most LIMITS.chunk bytes, referenced as {"$blob": n}.
 *
 * client → server: call, blob (argument bytes, after the call), cancel,
 *   stdin (answers a read), interrupt (Ctrl-C), resize
 * server → client: event, read, out, blob (result bytes, before the result),
 *   result, error
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { bool, bytes, uint } from './schemas/common';

const id = z.number().int().min(1).max(2 ** 31);

/** every frame a server accepts: anything else is an error, never forwarded */
export const clientFrame = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('call'), id, op: z.string().max(64), args: z.array(z.unknown()).max(8) }),
  z.strictObject({ t: z.literal('blob'), id, blob: uint.max(8), data: bytes.refine((d) => d.length <= LIMITS.chunk, 'chunk too large'), last: bool }),
  z.strictObject({ t: z.literal('cancel'), id }),
  z.strictObject({ t: z.literal('stdin'), id, data: bytes.refine((d) => d.length <= LIMITS.chunk, 'chunk too large').nullable() }),
  z.strictObject({ t: z.literal('interrupt'), id }),
  z.strictObject({ t: z.literal('resize'), id, cols: uint.min(1).max(10000), rows: uint.min(1).max(10000) }),
]);
export type ClientFrame = z.infer<typeof clientFrame>;

/** an error as it crosses the wire: a ClientError's three parts */
export interface WireError {
  kind: string;
  message: string;
  daemonMessage: string;
}

export type ServerFrame =
  | { t: 'result'; id: number; value: unknown }
  | { t: 'error'; id: number; error: WireError }
  | { t: 'event'; id: number; value: unknown }
  | { t: 'blob'; id: number; blob: number; data: Uint8Array; last: boolean }
  | { t: 'read'; id: number }
  | { t: 'out'; id: number; fd: 1 | 2; data: Uint8Array };

/** what a frame of either direction may be (for transports) */
export type Frame = ClientFrame | ServerFrame;
