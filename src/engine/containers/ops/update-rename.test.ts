import { describe, expect, it } from 'vitest';
import { DaemonError } from '../../../api/errors';
import { containerTestEngine } from '../test-support';
import { createContainer } from './create';
import { inspectContainer } from './inspect';
import { renameContainer } from './rename';
import { updateContainer } from './update';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DaemonError) return e.message;
    throw e;
  }
  return 'no error';
}

const MB = 1024 * 1024;

describe('docker update', () => {
  it('a new memory limit needs a swap limit unless it stays under the one set', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, name: 'up' });
    expect(message(() => updateContainer(engine, 'up', { Memory: 64 * MB }))).toBe(
      `Cannot update container ${Id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time`,
    );
    expect(message(() => updateContainer(engine, 'up', { Memory: 2 * MB }))).toBe('Minimum memory limit allowed is 6MB');
    expect(message(() => updateContainer(engine, 'up', { Memory: 32 * MB, MemorySwap: 16 * MB }))).toBe(
      'Minimum memoryswap limit should be larger than memory limit, see usage',
    );
    updateContainer(engine, 'up', { Memory: 64 * MB, MemorySwap: 128 * MB });
    updateContainer(engine, 'up', { Memory: 100 * MB });
    expect(inspectContainer(engine, Id).HostConfig).toMatchObject({ Memory: 100 * MB, MemorySwap: 128 * MB });
  });

  it('checks the new restart policy alone, then the AutoRemove conflict with the container id', async () => {
    const { engine } = await containerTestEngine();
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, hostConfig: { AutoRemove: true }, name: 'rm' });
    expect(message(() => updateContainer(engine, 'rm', { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } }))).toBe(
      `Cannot update container ${Id}: Restart policy cannot be updated because AutoRemove is enabled for the container`,
    );
    expect(message(() => updateContainer(engine, 'rm', { RestartPolicy: { Name: 'sometimes', MaximumRetryCount: 0 } }))).toBe("invalid restart policy 'sometimes'");
  });
});

describe('docker rename', () => {
  it('wraps name errors as "Error when allocating new name", with the new name slashed', async () => {
    const { engine } = await containerTestEngine();
    createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, name: 'one' });
    const { Id } = createContainer(engine, { config: { Image: 'busybox', Cmd: ['true'] }, name: 'two' });
    expect(message(() => renameContainer(engine, 'one', 'two'))).toBe(
      `Error when allocating new name: Conflict. The container name "/two" is already in use by container "${Id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
    expect(message(() => renameContainer(engine, 'one', 'bad name'))).toBe(
      'Error when allocating new name: Invalid container name (/bad name), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(message(() => renameContainer(engine, 'one', 'one'))).toBe('Renaming a container with the same name as its current name');
  });
});
