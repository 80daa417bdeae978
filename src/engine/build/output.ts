/**
 * What the daemon streams during a build (moby api/server/router/build +
 * pkg/streamformatter): builder text as {"stream": …}, a RUN's stderr wrapped
 * in ESC[91m…ESC[0m, pull progress as is, the image ID as {"aux": {"ID": …}}.
 * With -q (suppressOutput) everything is held back and only sent if the build
 * fails; on success the client gets the image ID alone.
 */
import type { JSONMessage } from '../../api/jsonmessage';

export class BuildOutput {
  private held: JSONMessage[] = [];

  constructor(
    private readonly emit: (m: JSONMessage) => void,
    private readonly quiet = false,
  ) {}

  private send(m: JSONMessage): void {
    if (this.quiet) this.held.push(m);
    else this.emit(m);
  }

  stdout(text: string): void {
    if (text !== '') this.send({ stream: text });
  }

  stderr(text: string): void {
    if (text !== '') this.send({ stream: `\x1b[91m${text}\x1b[0m` });
  }

  /** pull progress and other ready-made messages */
  raw(m: JSONMessage): void {
    this.send(m);
  }

  aux(id: string): void {
    this.send({ aux: { ID: id } });
  }

  /** -q: a failing build shows what was held back */
  flushHeld(): void {
    const held = this.held;
    this.held = [];
    for (const m of held) this.emit(m);
  }

  /** -q: the only output of a successful build */
  final(imageId: string): void {
    if (this.quiet) this.emit({ stream: `${imageId}\n` });
  }
}
