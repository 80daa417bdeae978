import { describe, expect, it } from 'vitest';
import { containerKey, fullLabel, parseKey, tabLabels } from './document-keys';

const ID = 'a'.repeat(64);

describe('document keys', () => {
  it('tell host paths from container files written as docker cp does', () => {
    expect(parseKey('/home/learner/Dockerfile')).toEqual({ kind: 'host', path: '/home/learner/Dockerfile' });
    expect(parseKey(containerKey(ID, '/etc/nginx/nginx.conf'))).toEqual({ kind: 'container', container: ID, path: '/etc/nginx/nginx.conf' });
    expect(fullLabel(containerKey(ID, '/etc/hosts'), () => 'web')).toBe('web:/etc/hosts');
    expect(fullLabel(containerKey(ID, '/etc/hosts'))).toBe(`${ID.slice(0, 12)}:/etc/hosts`);
  });

  it('name tabs by the file, with as many folders as it takes to tell files of the same name apart', () => {
    const labels = tabLabels(['/home/learner/mynginx/Dockerfile', '/home/learner/web/Dockerfile', '/home/learner/notes.txt']);
    expect([...labels.values()]).toEqual(['mynginx/Dockerfile', 'web/Dockerfile', 'notes.txt']);
    const deep = tabLabels(['/a/x/app/Dockerfile', '/b/x/app/Dockerfile', '/b/y/Dockerfile']);
    expect([...deep.values()]).toEqual(['a/x/app/Dockerfile', 'b/x/app/Dockerfile', 'y/Dockerfile']);
  });

  it("prefix a container's file with the container's name; the host's file of the same path stays apart", () => {
    const labels = tabLabels([containerKey(ID, '/etc/hosts'), '/etc/hosts', '/etc/docker/daemon.json'], (id) => (id === ID ? 'web' : undefined));
    expect([...labels.values()]).toEqual(['web:hosts', 'hosts', 'daemon.json']);
  });
});
