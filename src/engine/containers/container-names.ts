/** Container names (moby daemon/names.go, pkg/namesgenerator). */
import { conflict, invalidParameter } from '../../api/errors';
import type { IdSource } from '../core/ids';
import { NAME_LEFT, NAME_RIGHT } from './name-words';

const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** namesgenerator.GetRandomName: "left_right", never "boring_wozniak"; retries get a digit */
export function randomName(ids: IdSource, retry: number): string {
  for (;;) {
    const name = `${NAME_LEFT[ids.int(NAME_LEFT.length)]}_${NAME_RIGHT[ids.int(NAME_RIGHT.length)]}`;
    if (name === 'boring_wozniak') continue; // Steve Wozniak is not boring
    return retry > 0 ? `${name}${ids.int(10)}` : name;
  }
}

/** "Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed" */
export function validateName(name: string): void {
  if (!VALID_NAME.test(name)) {
    throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
}

export function nameConflict(name: string, id: string) {
  return conflict(
    `Conflict. The container name "${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
  );
}

/** "/web" from "web" or "/web" */
export function canonicalName(name: string): string {
  return name.startsWith('/') ? name : `/${name}`;
}
