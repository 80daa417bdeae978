/**
 * A program's stdin when it is a terminal: a read that waits for the learner
 * ends when the program's interrupt fires (Ctrl-C kills a process blocked in
 * read(2) just as one in sleep), unless the program passes a signal of its own
 * (the docker CLI copying stdin to a container survives Ctrl-C: sig-proxy).
 */
import type { InputStream, ProcessIO } from '../../api/io';

export function interruptibleStdin(io: ProcessIO): ProcessIO {
  const stdin = io.stdin;
  if (!stdin.isTTY) return io;
  const interrupt = io.interrupt;
  const wrapped: InputStream = {
    isTTY: true,
    setMode: stdin.setMode ? (m) => stdin.setMode!(m) : undefined,
    read: (signal) => stdin.read(signal ?? interrupt),
    readLine: (signal) => stdin.readLine(signal ?? interrupt),
    readAll: (signal) => stdin.readAll(signal ?? interrupt),
    unread: stdin.unread ? (d) => stdin.unread!(d) : undefined,
  };
  return { stdin: wrapped, stdout: io.stdout, stderr: io.stderr, interrupt, killed: io.killed };
}
