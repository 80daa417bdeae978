/**
 * Every check type against a real sandbox (the web app's, on a virtual
 * clock): what it says when it fails, in both languages, and that it passes
 * when the state is right. Negation, bindings and a teacher's own message too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLessonSandbox, type LessonSandbox } from '../../runner/lesson-sandbox';
import type { CheckSpec } from '../format/check-schema';
import { type CommandRecord, newCaches } from './context';
import { evaluateChecks } from './evaluate';

let box: LessonSandbox;
const caches = newCaches();

async function sh(line: string): Promise<void> {
  const r = await box.env.exec(line);
  if (r.status !== 0) throw new Error(`${line}: exit ${r.status}\n${r.stdout}${r.stderr}`);
}

/** [ok, en, zh] of each check */
async function run(checks: CheckSpec[], commands: CommandRecord[] = []): Promise<[boolean, string, string][]> {
  return (await evaluateChecks(checks, box.env, caches, commands)).map((r) => [r.ok, r.message.en, r.message['zh-CN']]);
}

async function one(check: CheckSpec, commands: CommandRecord[] = []): Promise<[boolean, string, string]> {
  return (await run([check], commands))[0];
}

beforeAll(async () => {
  box = createLessonSandbox();
  box.env.hostFs.mkdir('/home/learner/app', { recursive: true });
  box.env.hostFs.writeFile(
    '/home/learner/app/Dockerfile',
    'FROM busybox\nLABEL maintainer=me version=1\nUSER nobody\nWORKDIR /srv\nENV MODE=prod\nEXPOSE 8080\nENTRYPOINT ["sh", "-c"]\nCMD ["echo hi"]\n',
  );
  box.env.hostFs.writeFile('/home/learner/app/index.html', '<h1>Hello, Docker!</h1>\n');
  for (const line of [
    'docker pull busybox',
    'docker pull nginx',
    'cd ~/app && docker build -q -t app:1 .',
    'docker network create my-net',
    'docker volume create data',
    'docker run -d --name web -p 8080:80 --restart always -v data:/usr/share/nginx/html --network my-net nginx',
    'docker run --name once busybox sh -c "exit 3" || true',
    "docker exec web sh -c 'echo hello volume > /usr/share/nginx/html/note.txt'",
  ])
    await sh(line);
}, 120_000);

afterAll(() => box.dispose());

describe('image checks', () => {
  it('names what is there when the image is missing', async () => {
    expect(await one({ image: 'nginx:v2' })).toEqual([false, 'there is no image nginx:v2, but there is nginx:latest', '没有镜像 nginx:v2，但有 nginx:latest']);
    expect(await one({ image: 'redis' })).toEqual([
      false,
      'there is no image redis (the images here: app:1, nginx:latest and busybox:latest)',
      '没有镜像 redis（现有镜像：app:1、nginx:latest、busybox:latest）',
    ]);
    expect((await one({ image: 'nginx' }))[0]).toBe(true);
  });

  it('says what an image is instead of what the step wants', async () => {
    const r = await run([
      { image: 'app:1', layers: 5 },
      { image: 'app:1', labels: { maintainer: 'you', team: null } },
      { image: 'app:1', user: 'root' },
      { image: 'app:1', entrypoint: 'nginx' },
      { image: 'app:1', cmd: ['echo', 'hi'] },
      { image: 'app:1', exposes: [80] },
      { image: 'app:1', env: { MODE: 'dev' } },
      { image: 'app:1', workdir: '/app' },
      { image: 'app:1', config: { StopSignal: 'SIGQUIT' } },
      { image: 'app:1', tags: ['app:latest'] },
      { image: 'app:1', dangling: true },
      { image: 'nginx', gone: true },
    ]);
    expect(r.map((x) => x[0])).toEqual(Array(12).fill(false));
    expect(r.map((x) => x[1])).toMatchInlineSnapshot(`
      [
        "image app:1 has 2 layers, not 5",
        "the label maintainer of image app:1 is "me", not "you"; image app:1 has no label team",
        "image app:1 runs as user nobody, not root",
        "the entrypoint of image app:1 is ["sh","-c"], not ["nginx"]",
        "the command of image app:1 is ["echo hi"], not ["echo","hi"]",
        "image app:1 does not expose 80/tcp (it exposes 8080/tcp)",
        "image app:1 sets MODE=prod, not MODE=dev",
        "the working directory of image app:1 is /srv, not /app",
        "Config.StopSignal of image app:1 is null, not "SIGQUIT"",
        "image app:1 is not tagged app:latest (its tags: app:1)",
        "image app:1 is not dangling: it is still tagged app:1",
        "image nginx is still there (ID 39cc082fb129, tags nginx:latest)",
      ]
    `);
    expect(r.map((x) => x[2])).toMatchInlineSnapshot(`
      [
        "镜像 app:1 有 2 层，不是 5 层",
        "镜像 app:1 的 LABEL maintainer 是“me”，不是“you”；镜像 app:1 没有 LABEL team",
        "镜像 app:1 以用户 nobody 运行，不是 root",
        "镜像 app:1 的 ENTRYPOINT 是 ["sh","-c"]，不是 ["nginx"]",
        "镜像 app:1 的 CMD 是 ["echo hi"]，不是 ["echo","hi"]",
        "镜像 app:1 没有声明暴露 80/tcp（它暴露的是 8080/tcp）",
        "镜像 app:1 设置的是 MODE=prod，不是 MODE=dev",
        "镜像 app:1 的工作目录是 /srv，不是 /app",
        "镜像 app:1 的 Config.StopSignal 是 null，不是 "SIGQUIT"",
        "镜像 app:1 没有标签 app:latest（它的标签：app:1）",
        "镜像 app:1 不是虚悬镜像：它仍然带有标签 app:1",
        "镜像 nginx 还在（ID 39cc082fb129，标签 nginx:latest）",
      ]
    `);
    const ok = await run([
      { image: 'app:1', layers: 2, labels: { maintainer: 'me', version: null }, user: 'nobody', entrypoint: ['sh', '-c'], cmd: ['echo hi'], exposes: '8080/tcp', env: { MODE: 'prod' }, workdir: '/srv', tags: ['app:1'] },
    ]);
    expect(ok[0][0], ok[0][1]).toBe(true);
  });

  it('counts images by filter', async () => {
    expect(await one({ images: { dangling: true }, count: 1 })).toEqual([
      false,
      'there are no dangling images; the step wants exactly one dangling image',
      '现在没有虚悬镜像；这一步要求正好 1 个虚悬镜像',
    ]);
    expect(await one({ images: { reference: 'nginx' }, count: 0 })).toEqual([
      false,
      'there is 1 image of nginx (nginx:latest); the step wants no images of nginx',
      '现在有 1 个 nginx 的镜像（nginx:latest）；这一步要求没有 nginx 的镜像',
    ]);
  });
});

describe('container checks', () => {
  it('says which port a container maps instead', async () => {
    expect(await one({ container: 'web', ports: ['81:80'] })).toEqual([
      false,
      'web exists but does not map port 81 to 80 (it maps 8080→80)',
      '容器 web 存在，但没有把 81 端口映射到 80（它映射的是 8080→80）',
    ]);
    expect((await one({ container: 'web', ports: '8080:80' }))[0]).toBe(true);
  });

  it('reports state, image, mounts, networks, restart policy, exit code, env and labels', async () => {
    const r = await run([
      { container: 'web', state: 'exited' },
      { container: 'web', image: 'busybox' },
      { container: 'web', mounts: [{ source: 'other', target: '/usr/share/nginx/html', readonly: true }, { target: '/data' }] },
      { container: 'web', networks: ['bridge'] },
      { container: 'web', restart: 'no' },
      { container: 'once', exitCode: 0 },
      { container: 'web', exitCode: 0 },
      { container: 'web', env: { MODE: 'x' } },
      { container: 'web', labels: { app: null } },
      { container: 'web', gone: true },
      { container: 'db' },
    ]);
    expect(r.map((x) => x[0])).toEqual(Array(11).fill(false));
    expect(r.map((x) => x[1])).toMatchInlineSnapshot(`
      [
        "web is running, not exited",
        "web runs image nginx, not busybox",
        "/usr/share/nginx/html in web comes from data, not other; /usr/share/nginx/html in web is writable, not read-only; web has nothing mounted at /data (its mounts: data:/usr/share/nginx/html)",
        "web is not on network bridge (it is on my-net)",
        "the restart policy of web is always, not no",
        "once exited with code 3, not 0",
        "web has not exited yet (it is running)",
        "web does not set MODE",
        "web has no label app",
        "container web still exists (running)",
        "there is no container db (the containers here: once (busybox, exited) and web (nginx, running))",
      ]
    `);
    expect(r.map((x) => x[2])).toMatchInlineSnapshot(`
      [
        "容器 web 正在运行，不是已退出",
        "容器 web 运行的镜像是 nginx，不是 busybox",
        "容器 web 的 /usr/share/nginx/html 挂载自 data，不是 other；容器 web 的 /usr/share/nginx/html 是可写的，不是只读的；容器 web 的 /data 上没有挂载任何东西（它的挂载：data:/usr/share/nginx/html）",
        "容器 web 不在网络 bridge 上（它在 my-net 上）",
        "容器 web 的重启策略是 always，不是 no",
        "容器 once 的退出码是 3，不是 0",
        "容器 web 还没有退出（它正在运行）",
        "容器 web 没有设置环境变量 MODE",
        "容器 web 没有 LABEL app",
        "容器 web 仍然存在（正在运行）",
        "没有名为 db 的容器（现有容器：once（busybox，已退出）、web（nginx，运行中））",
      ]
    `);
  });

  it('selects a container by its image and binds it for later checks', async () => {
    const r = await run([
      { container: { image: 'busybox' }, state: 'exited', as: 'b' },
      { container: '$b', exitCode: 3 },
      { network: 'my-net', containers: ['web', '$b'] },
    ]);
    expect(r.map((x) => x[0])).toEqual([true, true, false]);
    expect(r[2].slice(1)).toEqual(['once is not attached to network my-net (attached: web)', 'once 没有连接到网络 my-net（已连接的有：web）']);
    expect(await one({ container: { image: 'redis' } })).toEqual([
      false,
      'there is no container from redis (the containers here: once (busybox, exited) and web (nginx, running))',
      '没有由 redis 创建的容器（现有容器：once（busybox，已退出）、web（nginx，运行中））',
    ]);
    expect((await run([{ container: '$nobody', state: 'running' }]))[0][1]).toBe('waiting for the check that finds $nobody to pass first');
  });

  it('counts containers', async () => {
    expect(await one({ containers: { image: 'busybox' }, count: 0 })).toEqual([
      false,
      'there is 1 container from busybox (once); the step wants no containers from busybox',
      '现在有 1 个由 busybox 创建的容器（once）；这一步要求没有由 busybox 创建的容器',
    ]);
  });
});

describe('file checks', () => {
  it('on the host: exists, contains, Dockerfile instructions', async () => {
    const r = await run([
      { file: '~/app/missing.txt' },
      { file: '~/app/index.html', contains: 'Goodbye' },
      { file: '~/app/Dockerfile', instruction: 'FROM nginx' },
      { file: '~/app/Dockerfile', instruction: 'HEALTHCHECK' },
      { file: '~/app/index.html', gone: true },
    ]);
    expect(r.map((x) => x[0])).toEqual([false, false, false, false, false]);
    expect(r.map((x) => x[1])).toMatchInlineSnapshot(`
      [
        "there is no file ~/app/missing.txt on your machine",
        "~/app/index.html on your machine does not contain "Goodbye" (it starts with "<h1>Hello, Docker!</h1>")",
        "~/app/Dockerfile on your machine has FROM busybox, not FROM nginx",
        "~/app/Dockerfile on your machine has no HEALTHCHECK instruction (the step wants HEALTHCHECK)",
        "~/app/index.html on your machine still exists",
      ]
    `);
    expect(r.map((x) => x[2])).toMatchInlineSnapshot(`
      [
        "没有文件 ~/app/missing.txt（在你的主机上）",
        "~/app/index.html（在你的主机上）不包含“Goodbye”（它的开头是“<h1>Hello, Docker!</h1>”）",
        "~/app/Dockerfile on your machine 里写的是 FROM busybox，不是 FROM nginx",
        "~/app/Dockerfile on your machine 里没有 HEALTHCHECK 指令（这一步要求 HEALTHCHECK）",
        "~/app/index.html（在你的主机上）仍然存在",
      ]
    `);
    expect((await run([{ file: '~/app/Dockerfile', instruction: 'EXPOSE 8080' }, { file: '~/app/Dockerfile', instruction: 'CMD ["echo hi"]' }])).map((x) => x[0])).toEqual([true, true]);
  });

  it('in a container, an image and a volume', async () => {
    const r = await run([
      { file: '/usr/share/nginx/html/note.txt', in: { container: 'web' }, contains: 'bye' },
      { file: '/etc/nginx/conf.d/default.conf', in: { image: 'busybox' } },
      { file: '/note.txt', in: { volume: 'data' }, contains: 'hello volume' },
      { file: '/etc/nginx/nginx.conf', in: { image: 'nginx' } },
    ]);
    expect(r.map((x) => x[0])).toEqual([false, false, true, true]);
    expect(r[0].slice(1)).toEqual([
      '/usr/share/nginx/html/note.txt in container web does not contain "bye" (it starts with "hello volume")',
      '/usr/share/nginx/html/note.txt（在容器 web 中）不包含“bye”（它的开头是“hello volume”）',
    ]);
    expect(r[1].slice(1)).toEqual(['there is no file /etc/nginx/conf.d/default.conf in image busybox', '没有文件 /etc/nginx/conf.d/default.conf（在镜像 busybox 中）']);
  });
});

describe('volume, network, registry, command and ran checks', () => {
  it('volumes and networks', async () => {
    const r = await run([{ volume: 'logs' }, { volume: 'data', gone: true }, { network: 'front' }, { network: 'my-net', driver: 'overlay' }]);
    expect(r.map((x) => x[0])).toEqual([false, false, false, false]);
    expect(r.map((x) => x[1])).toMatchInlineSnapshot(`
      [
        "there is no volume logs (the volumes here: data)",
        "volume data still exists (used by web)",
        "there is no network front (the networks here: none, host, bridge and my-net)",
        "network my-net uses driver bridge, not overlay",
      ]
    `);
    expect(r.map((x) => x[2])).toMatchInlineSnapshot(`
      [
        "没有数据卷 logs（现有数据卷：data）",
        "数据卷 data 仍然存在（web 正在使用它）",
        "没有网络 front（现有网络：none、host、bridge、my-net）",
        "网络 my-net 的驱动是 bridge，不是 overlay",
      ]
    `);
  });

  it('a private registry and Docker Hub', async () => {
    expect(await one({ registry: 'localhost:5000', repository: 'ubuntu' })).toEqual([
      false,
      'nothing answers at localhost:5000 (is the registry container running and publishing that port?)',
      'localhost:5000 没有响应（registry 容器在运行并发布了这个端口吗？）',
    ]);
    await sh('docker run -d --name registry -p 5000:5000 registry:2');
    await box.clock.advance(2000);
    expect((await one({ registry: 'localhost:5000', repository: 'busybox' }))[1]).toBe('localhost:5000 has no repository busybox yet');
    await sh('docker tag busybox localhost:5000/busybox:v1 && docker push localhost:5000/busybox:v1');
    expect(await one({ registry: 'localhost:5000', repository: 'busybox', tag: 'v2' })).toEqual([
      false,
      'localhost:5000/busybox has no tag v2 (its tags: v1)',
      'localhost:5000/busybox 没有标签 v2（它的标签：v1）',
    ]);
    expect((await one({ registry: 'localhost:5000', repository: 'busybox', tag: 'v1' }))[0]).toBe(true);
    expect(await one({ registry: 'docker.io', repository: 'learner/busybox' })).toEqual([false, 'Docker Hub has no repository learner/busybox yet', 'Docker Hub 上还没有仓库 learner/busybox']);
  }, 60_000);

  it('a command the checker runs', async () => {
    expect(await one({ command: 'curl -s localhost:8080', output: 'Goodbye' })).toEqual([
      false,
      '`curl -s localhost:8080` does not print "Goodbye": it printed "<!DOCTYPE html>"',
      '`curl -s localhost:8080` 的输出里没有“Goodbye”：它输出的是“<!DOCTYPE html>”',
    ]);
    expect(await one({ command: 'curl -s localhost:9999' })).toEqual([false, '`curl -s localhost:9999` exits with 7, not 0', '`curl -s localhost:9999` 的退出码是 7，不是 0']);
  });

  it('what the learner ran, with the aliases of the docker CLI', async () => {
    const log = (line: string, status = 0): CommandRecord => ({ terminal: 't1', line, status, at: 0 });
    expect(await one({ ran: 'image prune' })).toEqual([false, 'you have not run `docker image prune` in this step yet', '这一步里你还没有运行 `docker image prune`']);
    expect((await one({ ran: 'rmi' }, [log('sudo docker image remove x')]))[0]).toBe(true);
    expect((await one({ ran: 'ps', with: ['-a'] }, [log('docker container ls -a | grep web')]))[0]).toBe(true);
    expect(await one({ ran: 'run' }, [log('docker run nginx:v3', 125)])).toEqual([false, '`docker run` did not succeed yet: look at the error it printed', '`docker run` 还没有成功执行：看看它输出的错误信息']);
    expect((await one({ ran: 'image ls', with: ['dangling=true'] }, [log("echo x; docker images -f 'dangling=true'")]))[0]).toBe(true);
  });
});

describe('negation and teachers\' messages', () => {
  it('a `not:` check fails with the statement that holds', async () => {
    expect(await one({ container: 'web', state: 'running', not: true })).toEqual([
      false,
      'container web exists with state as given — this step wants the opposite',
      '容器 web 存在，且 state 符合要求——这一步要求的恰好相反',
    ]);
    expect((await one({ image: 'redis', not: true }))[0]).toBe(true);
  });

  it('uses the message a lesson gives', async () => {
    expect(await one({ image: 'redis', message: { en: 'Pull redis first.', 'zh-CN': '先拉取 redis。' } })).toEqual([false, 'Pull redis first.', '先拉取 redis。']);
  });
});
