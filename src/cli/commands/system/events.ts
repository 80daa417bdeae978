/**
 * docker events [OPTIONS] (also `docker system events`): past events when
 * --since/--until ask for them, then live ones until --until passes or the
 * user interrupts (Ctrl-C ends docker with status 130).
 */
import type { EngineEvent } from '../../../api/events';
import type { CommandSpec } from '../../framework/command';
import { goMap, goStruct, parseTemplate, type Template, TemplateError } from '../../format/template';
import { CliError } from '../../framework/command';
import { parseFilters } from './cli-output';

/** rfc3339NanoFixed in UTC: "2026-11-24T07:00:00.000000000Z" */
export function nanoFixed(timeNano: number): string {
  const ms = Math.floor(timeNano / 1e6);
  const iso = new Date(ms).toISOString().slice(0, 19);
  const nanos = String(Math.round(timeNano % 1e9)).padStart(9, '0');
  return `${iso}.${nanos}Z`;
}

/** prettyPrintEvent */
export function eventLine(e: EngineEvent): string {
  let s = `${nanoFixed(e.timeNano)} ${e.Type} ${e.Action} ${e.Actor.ID}`;
  const keys = Object.keys(e.Actor.Attributes).sort();
  if (keys.length > 0) s += ` (${keys.map((k) => `${k}=${e.Actor.Attributes[k]}`).join(', ')})`;
  return `${s}\n`;
}

/** events.Message as templates (and {{json .}}) see it, in Go's field order */
function messageValue(e: EngineEvent): object {
  const m: Record<string, unknown> = {};
  if (e.status) m.status = e.status;
  if (e.id) m.id = e.id;
  if (e.from) m.from = e.from;
  m.Type = e.Type;
  m.Action = e.Action;
  m.Actor = goStruct({ ID: e.Actor.ID, Attributes: goMap({ ...e.Actor.Attributes }) }, 'events.Actor');
  m.scope = e.scope;
  m.time = e.time;
  m.timeNano = e.timeNano;
  // the deprecated fields' Go names (their JSON names are lower-case): `{{.Status}} {{.ID}} {{.From}}`
  m.Status = () => e.status ?? '';
  m.ID = () => e.id ?? '';
  m.From = () => e.from ?? '';
  m.Scope = () => e.scope;
  m.Time = () => e.time;
  m.TimeNano = () => e.timeNano;
  return goStruct(m, 'events.Message');
}

export const eventsCommand: CommandSpec = {
  use: 'events [OPTIONS]',
  short: 'Get real time events from the server',
  args: { kind: 'none' },
  flags: [
    { name: 'filter', short: 'f', type: 'list', usage: 'Filter output based on conditions provided', valueName: 'filter' },
    { name: 'format', type: 'string', usage: 'Format the output using the given Go template' },
    { name: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { name: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
  async run(ctx, flags) {
    const filters = parseFilters(ctx, flags.list('filter'));
    let tmpl: Template | undefined;
    const format = flags.string('format');
    if (format) {
      try {
        tmpl = parseTemplate(format);
      } catch (err) {
        if (err instanceof TemplateError) throw new CliError(`Error parsing format: ${err.message}`, 64);
        throw err;
      }
    }
    let failure: unknown;
    const stop = new AbortController();
    const onInterrupt = () => stop.abort();
    ctx.io.interrupt.addEventListener('abort', onInterrupt);
    try {
      await ctx.client.events(
        { since: flags.string('since') || undefined, until: flags.string('until') || undefined, filters },
        (e) => {
          if (failure) return;
          if (!tmpl) {
            ctx.io.stdout.write(eventLine(e));
            return;
          }
          try {
            ctx.io.stdout.write(`${tmpl.execute(messageValue(e))}\n`);
          } catch (err) {
            failure = err;
            stop.abort();
          }
        },
        stop.signal,
      );
    } finally {
      ctx.io.interrupt.removeEventListener('abort', onInterrupt);
    }
    if (failure instanceof TemplateError) throw new CliError(failure.message);
    if (failure) throw failure;
    if (ctx.io.interrupt.aborted) return 130;
  },
};
