import { describe, expect, it } from 'vitest';
import { buildStateModel } from './build-model';
import { explain } from './explain';
import { explainDictionaries } from './explain-i18n';
import { stateViewDictionaries } from './i18n';
import type { StateModel } from './model';
import { testSandbox } from './test-sandbox';

const card = (m: StateModel, kind: Parameters<typeof explain>[0]['kind'], id: string, lang: 'en' | 'zh-CN' = 'en') =>
  explain({ kind, id }, m, explainDictionaries[lang], stateViewDictionaries[lang]).map((s) => `# ${s.heading}\n${s.lines.join('\n')}`).join('\n');

/** every leaf of a nested dictionary */
function leaves(o: unknown, prefix = ''): [string, unknown][] {
  if (o !== null && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, o]];
}

describe('the plain-language card', () => {
  it('has every text in both languages', () => {
    const en = leaves(explainDictionaries.en);
    const zh = leaves(explainDictionaries['zh-CN']);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [k, v] of [...en, ...zh]) expect(typeof v === 'string' && v.length > 0, k).toBe(true);
  });

  it('explains a dangling image, the layers it shares and what docker rmi would do', { timeout: 60_000 }, async () => {
    const { sim, sh } = testSandbox(5);
    sim.hostFs.mkdir('/home/learner/app', { recursive: true });
    sim.hostFs.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\nRUN echo one > /x\n');
    await sh('cd /home/learner/app && docker build -t app .');
    sim.hostFs.writeFile('/home/learner/app/Dockerfile', 'FROM nginx\nRUN echo two > /x\n');
    await sh('cd /home/learner/app && docker build -t app .');
    await sh('docker tag nginx nginx:v2');
    await sh('docker run -d --name web nginx');
    const m = await buildStateModel(sim.client);
    const dangling = m.images.find((i) => i.dangling);
    const nginx = m.images.find((i) => i.repoTags.includes('nginx:latest'));
    const app = m.images.find((i) => i.repoTags.includes('app:latest'));
    if (!dangling || !nginx || !app) throw new Error('images missing');
    const n = nginx.layers.length;

    const d = card(m, 'image', dangling.id);
    expect(d).toContain('# Why it has no name\nIts name was given to a newer image');
    expect(d).toContain(`${n} of its ${n + 1} layers are also layers of app:latest, nginx:latest: they are stored once and shared.`);
    expect(d).toContain(`docker rmi ${dangling.shortId} would delete the image and its 1 own layers`);
    expect(d).toContain('docker image prune removes every dangling image');
    const zh = card(m, 'image', dangling.id, 'zh-CN');
    expect(zh).toContain('虚悬镜像（<none>:<none>）');
    expect(zh).toContain('# 为什么没有名字');

    // two names: rmi only untags; one name and a running container: refused
    expect(card(m, 'image', nginx.id)).toContain('docker rmi nginx:latest would only remove the name nginx:latest: the image keeps its other names (nginx:v2)');
    await sh('docker rmi nginx:v2');
    const m2 = await buildStateModel(sim.client);
    expect(card(m2, 'image', nginx.id)).toContain('docker rmi nginx:latest is refused: the running container web uses it');
    expect(card(m2, 'image', nginx.id)).toContain('Containers made from it: web (running).');
    expect(card(m2, 'image', app.id)).toMatch(/docker rmi app:latest would untag app:latest, delete the image and its 1 own layers \(\d+B\); the \d+ layers other images use stay\./);
    // a layer used by three images
    const base = nginx.layers[0]?.chainId ?? '';
    expect(card(m2, 'layer', base)).toContain('Used by 3 images:');
    expect(card(m2, 'layer', base)).toContain('Removing one of these images keeps it');
  });

  it('explains containers, volumes, networks, registries and repositories', { timeout: 60_000 }, async () => {
    const { sim, sh } = testSandbox(6);
    await sh('docker run -d --name web -p 8080:80 -v data:/data nginx');
    await sh('docker network create app-net');
    await sh('docker run -d -p 5000:5000 --name reg registry:2');
    await sh('docker tag nginx localhost:5000/web:1.0 && docker push localhost:5000/web:1.0');
    await sh('docker tag nginx learner/site:1.0');
    await sh('docker create --name idle busybox');
    const m = await buildStateModel(sim.client);
    const web = m.containers.find((c) => c.name === 'web');
    const idle = m.containers.find((c) => c.name === 'idle');
    if (!web || !idle) throw new Error('containers missing');
    const w = card(m, 'container', web.id);
    expect(w).toContain('A container named web, made from the image nginx: the image’s layers, read-only');
    expect(w).toContain('Published ports: 8080→80/tcp.');
    expect(w).toContain('Volumes: data.');
    expect(w).toContain('docker rm web is refused while it runs');
    expect(card(m, 'container', idle.id)).toContain('It was created but never started: docker start idle.');
    expect(card(m, 'container', idle.id)).toContain('docker rm idle deletes it and its writable layer');
    expect(card(m, 'volume', 'data')).toContain('docker volume rm data is refused while a container uses it');
    const bridge = m.networks.find((n) => n.name === 'bridge');
    const appNet = m.networks.find((n) => n.name === 'app-net');
    expect(card(m, 'network', bridge?.id ?? '')).toContain('Built-in networks cannot be removed.');
    expect(card(m, 'network', appNet?.id ?? '')).toContain('docker network rm app-net deletes it.');
    const reg = card(m, 'registry', 'localhost:5000');
    expect(reg).toContain('It says it holds: localhost:5000/web (1.0).');
    expect(reg).toContain('It is the container reg');
    expect(card(m, 'repository', 'docker.io/learner/site')).toContain(
      'The registry does not hold it: the tags 1.0 exist only on this machine. docker push learner/site:1.0 sends one there.',
    );
    expect(card(m, 'repository', 'docker.io/library/nginx', 'zh-CN')).toContain('镜像仓库里有它的这些标签（仓库自己的回答）：alpine、latest。');
    // gone meanwhile: no card, no error
    expect(explain({ kind: 'container', id: 'nope' }, m, explainDictionaries.en, stateViewDictionaries.en)).toEqual([]);
  });
});
