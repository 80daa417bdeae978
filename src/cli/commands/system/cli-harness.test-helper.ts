/** Runs volume/network/system commands in tests without the whole command tree (main.ts needs every group). */
import { ClientError } from '../../../api/errors';
import type { EngineClient } from '../../../client/engine-client';
import type { CommandSpec } from '../../framework/command';
import { CliError, StatusError } from '../../framework/command';
import { executeNode } from '../../framework/execute';
import { testContext } from '../../framework/testing';
import { makeNode } from '../../framework/tree';

export interface RunResult {
  status: number;
  out: string;
  err: string;
}

export async function runWith(commands: CommandSpec[], client: EngineClient, argv: string[], stdin = ''): Promise<RunResult> {
  const ctx = testContext({ client, stdin, hostFs: undefined });
  const root = makeNode({ use: 'docker', short: '', subcommands: commands });
  let status: number;
  try {
    status = await executeNode(ctx, root, argv);
  } catch (err) {
    if (err instanceof StatusError) {
      if (err.message) ctx.stderr.write(`${err.message}\n`);
      status = err.status;
    } else if (err instanceof CliError) {
      ctx.stderr.write(`${err.message}\n`);
      status = err.status;
    } else if (err instanceof ClientError) {
      ctx.stderr.write(`${err.message}\n`);
      status = 1;
    } else throw err;
  }
  return { status, out: ctx.stdout.text(), err: ctx.stderr.text() };
}
