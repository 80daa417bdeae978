/**
 * The distribution images of the default catalog (ubuntu, debian, alpine,
 * busybox, centos, hello-world) and the base stages other images build on.
 * File trees come from the stand-in layers; bulk brings the sizes to those of
 * the real images of these tags (late 2023).
 */
import type { HubCatalog } from '../../../src/engine/registry/catalog';
import { addFile, type ImageSpec, later, nop, run, type Step } from '../lib/image-build';
import { gnuUserland } from '../lib/gnu-userland';
import { LayerDraft } from '../lib/layer-draft';
import { alpineBulk, busyboxBulk, centosBulk, debianBulk } from '../lib/pools';
import {
  ALPINE_REPOSITORIES,
  ALPINE_WORLD,
  CENTOS_7_OS_RELEASE,
  DEBIAN_8_OS_RELEASE,
  DEBIAN_9_OS_RELEASE,
  lsbRelease,
  UBUNTU_1310_OS_RELEASE,
  XENIAL_APT_TWEAKS,
  XENIAL_APT_TWEAKS_CMD,
} from '../lib/texts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const STANDIN_MARK = '/etc/fidelity-stand-in';

/** stand-in layers (digest prefixes) the trees come from */
export const STANDIN = {
  debian12: 'f9d17ce185fd',
  alpine: 'c10db2ac6420',
  busybox: '755586ed9dc0',
  centos: '1301ed1a9483',
  hello: '7d56414a3f33',
  xenial: '1a12b7c1d0c3',
  xenialSystemd: 'fdbb225863b0',
  bionic: '430044e8c7e5',
  bionicSystemd: '16a431a6db5b',
  jammy: '9de3fb921953',
};

/** a base stage: its layers' steps, shared by every image built FROM it */
export interface Stage {
  steps: Step[];
}

export interface Bases {
  alpine: Stage;
  bookwormSlim: Stage;
  jessieSlim: Stage;
  images: ImageSpec[];
}

/** the text of a file in a stand-in layer */
export function standinText(catalog: HubCatalog, prefix: string, path: string): string {
  const key = Object.keys(catalog.layers).find((k) => k.startsWith(`sha256:${prefix}`));
  const text = key ? catalog.layers[key].files.find((f) => f.path === path)?.text : undefined;
  if (text === undefined) throw new Error(`no text ${path} in stand-in layer ${prefix}`);
  return text;
}

/** `ADD file:… in /` + CMD, as every distribution image starts */
function rootfs(base: { at: string; cmd: string; layer: LayerDraft; before?: Step[] }): Step[] {
  const add: Step = { by: addFile(base.layer.finish().layer.diff_id, '/'), layer: base.layer };
  const cmd: Step = { by: nop(base.cmd), at: later(base.at, 372, 118_419) };
  if (base.before) return [...base.before, { ...add, at: base.at }, cmd];
  return [{ ...add, at: base.at }, cmd];
}

export function buildBases(catalog: HubCatalog, reserved: Set<string>): Bases {
  const deb = debianBulk();
  const images: ImageSpec[] = [];

  // alpine:3.18.4 — 7.33MB, shared by nginx:alpine, redis:alpine and registry:2
  const alpineLayer = new LayerDraft('alpine:3.18.4')
    .fromStandin(catalog, STANDIN.alpine, [STANDIN_MARK])
    .resize('/bin/busybox', 816_368)
    .symlink('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1')
    .symlink('/lib/libz.so.1', 'libz.so.1.2.13')
    .text('/etc/apk/repositories', ALPINE_REPOSITORIES)
    .text('/etc/apk/world', ALPINE_WORLD)
    .text('/etc/apk/arch', 'x86_64\n')
    // Alpine's busybox has the account applets a Dockerfile's `RUN adduser -D app` needs
    .symlink('/usr/sbin/adduser', '/bin/busybox')
    .symlink('/usr/sbin/addgroup', '/bin/busybox')
    .padTo(7_334_512, alpineBulk(), reserved);
  const alpine: Stage = {
    steps: rootfs({ layer: alpineLayer, at: '2023-09-28T21:19:27.686110063Z', cmd: 'CMD ["/bin/sh"]' }),
  };
  images.push({
    repo: 'library/alpine',
    tags: ['latest', '3.18', '3.18.4'],
    dockerVersion: '20.10.23',
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
    steps: alpine.steps,
  });

  // debian:bookworm-slim — 74.8MB, the base of nginx:latest and redis:latest
  const slimLayer = gnuUserland(new LayerDraft('debian:bookworm-slim').fromStandin(catalog, STANDIN.debian12, [STANDIN_MARK]), { procps: false })
    .padTo(74_763_042, deb, reserved);
  const bookwormSlim: Stage = {
    steps: rootfs({ layer: slimLayer, at: '2023-11-21T05:21:24.536066751Z', cmd: 'CMD ["bash"]' }),
  };

  // debian:latest (bookworm, 12.2) — 117MB
  const debianLayer = gnuUserland(new LayerDraft('debian:bookworm').fromStandin(catalog, STANDIN.debian12, [STANDIN_MARK]), { procps: false })
    .padTo(117_084_377, { fixed: deb.fixed, fillers: deb.fillers.map((f) => ({ ...f, max: f.max * 2 })) }, reserved);
  images.push({
    repo: 'library/debian',
    tags: ['latest', 'bookworm', '12'],
    dockerVersion: '20.10.23',
    config: { Env: [PATH_ENV], Cmd: ['bash'] },
    steps: rootfs({ layer: debianLayer, at: '2023-11-21T05:21:06.104962378Z', cmd: 'CMD ["bash"]' }),
  });

  // debian:stretch (9.13) — 101MB, the base of the tutorial's redis-from-source Dockerfile
  const stretchLayer = gnuUserland(new LayerDraft('debian:stretch').fromStandin(catalog, STANDIN.debian12, [STANDIN_MARK]), { procps: false })
    .text('/etc/os-release', DEBIAN_9_OS_RELEASE)
    .text('/etc/debian_version', '9.13\n')
    // coreutils' install (the tutorial's `make install` runs it); ar comes with binutils, not busybox
    .binary('/usr/bin/install', 147_576)
    .remove('/usr/bin/ar')
    .padTo(101_235_834, { fixed: deb.fixed, fillers: deb.fillers.map((f) => ({ ...f, max: f.max * 2 })) }, reserved);
  images.push({
    repo: 'library/debian',
    tags: ['stretch', '9', '9.13'],
    dockerVersion: '20.10.12',
    config: { Env: [PATH_ENV], Cmd: ['bash'] },
    steps: rootfs({ layer: stretchLayer, at: '2022-06-23T00:20:12.493727383Z', cmd: 'CMD ["bash"]' }),
  });

  // debian:jessie-slim (8.11) — the base of mongo:3.2
  const jessieLayer = gnuUserland(new LayerDraft('debian:jessie-slim').fromStandin(catalog, STANDIN.debian12, [STANDIN_MARK]), { procps: false })
    .text('/etc/os-release', DEBIAN_8_OS_RELEASE)
    .text('/etc/debian_version', '8.11\n')
    .padTo(79_231_606, deb, reserved);
  const jessieSlim: Stage = {
    steps: rootfs({ layer: jessieLayer, at: '2019-03-26T22:41:34.364327447Z', cmd: 'CMD ["bash"]' }),
  };

  // ubuntu:18.04 — one layer, 63.1MB
  const bionic = gnuUserland(new LayerDraft('ubuntu:18.04').fromStandin(catalog, STANDIN.bionic, [STANDIN_MARK]).fromStandin(catalog, STANDIN.bionicSystemd), { procps: true })
    .text('/etc/lsb-release', lsbRelease('18.04', 'bionic', 'Ubuntu 18.04.6 LTS'))
    .padTo(63_134_228, deb, reserved);
  images.push({
    repo: 'library/ubuntu',
    tags: ['18.04', 'bionic'],
    dockerVersion: '20.10.21',
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'] },
    steps: rootfs({ layer: bionic, at: '2023-05-30T09:32:09.432301537Z', cmd: 'CMD ["/bin/bash"]' }),
  });

  // ubuntu:16.04 — four layers, 135MB
  const tweaks = new LayerDraft('ubuntu:16.04 apt tweaks');
  for (const [path, text, mode] of XENIAL_APT_TWEAKS) tweaks.text(path, text, mode);
  const aptLists = new LayerDraft('ubuntu:16.04 apt lists').dir('/var/lib/apt/lists').dir('/var/lib/apt/lists/partial', '0o40700');
  const xenialSystemd = new LayerDraft('ubuntu:16.04 systemd').fromStandin(catalog, STANDIN.xenialSystemd);
  const xenialTotal = 135_043_961;
  const xenial = gnuUserland(new LayerDraft('ubuntu:16.04').fromStandin(catalog, STANDIN.xenial, [STANDIN_MARK]), { procps: true })
    .text('/etc/lsb-release', lsbRelease('16.04', 'xenial', 'Ubuntu 16.04.7 LTS'));
  xenial.padTo(xenialTotal - tweaks.size() - aptLists.size() - xenialSystemd.size(), deb, reserved);
  images.push({
    repo: 'library/ubuntu',
    tags: ['16.04', 'xenial'],
    dockerVersion: '20.10.7',
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'] },
    steps: [
      { by: addFile(xenial.finish().layer.diff_id, '/'), layer: xenial, at: '2021-08-31T01:21:27.397681114Z' },
      { by: run(XENIAL_APT_TWEAKS_CMD), layer: tweaks },
      { by: run('rm -rf /var/lib/apt/lists/*'), layer: aptLists },
      { by: run("mkdir -p /run/systemd && echo 'docker' > /run/systemd/container"), layer: xenialSystemd },
      { by: nop('CMD ["/bin/bash"]') },
    ],
  });

  // ubuntu:13.10 (saucy) — the tutorial's `docker pull ubuntu:13.10`: one layer, 185MB as its listing shows
  const saucy = gnuUserland(new LayerDraft('ubuntu:13.10').fromStandin(catalog, STANDIN.xenial, [STANDIN_MARK]), { procps: true })
    .text('/etc/os-release', UBUNTU_1310_OS_RELEASE)
    .text('/etc/lsb-release', lsbRelease('13.10', 'saucy', 'Ubuntu 13.10'))
    .text('/etc/debian_version', 'wheezy/sid\n')
    .padTo(184_987_430, deb, reserved);
  images.push({
    repo: 'library/ubuntu',
    tags: ['13.10', 'saucy'],
    dockerVersion: '1.6.2',
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'] },
    steps: rootfs({ layer: saucy, at: '2015-05-26T19:53:04.913618458Z', cmd: 'CMD ["/bin/bash"]' }),
  });

  // ubuntu:22.04 — one layer, 77.8MB
  const jammy = gnuUserland(new LayerDraft('ubuntu:22.04').fromStandin(catalog, STANDIN.jammy, [STANDIN_MARK]), { procps: true })
    .text('/etc/lsb-release', lsbRelease('22.04', 'jammy', 'Ubuntu 22.04.3 LTS'))
    .padTo(77_812_407, deb, reserved);
  images.push({
    repo: 'library/ubuntu',
    tags: ['22.04', 'jammy', 'latest'],
    dockerVersion: '20.10.23',
    config: {
      Env: [PATH_ENV],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': '22.04' },
    },
    steps: rootfs({
      layer: jammy,
      at: '2023-10-04T19:06:36.061937349Z',
      cmd: 'CMD ["/bin/bash"]',
      before: [
        { by: nop('ARG RELEASE'), at: '2023-10-04T19:06:33.203585711Z' },
        { by: nop('ARG LAUNCHPAD_BUILD_ARCH') },
        { by: nop('LABEL org.opencontainers.image.ref.name=ubuntu') },
        { by: nop('LABEL org.opencontainers.image.version=22.04') },
      ],
    }),
  });

  // busybox:latest (1.36.1, glibc) — one layer, 4.26MB
  const busybox = new LayerDraft('busybox:1.36.1')
    .fromStandin(catalog, STANDIN.busybox, [STANDIN_MARK])
    .resize('/bin/busybox', 1_141_064)
    .padTo(4_261_439, busyboxBulk(), reserved);
  images.push({
    repo: 'library/busybox',
    tags: ['latest'],
    dockerVersion: '20.10.23',
    config: { Env: [PATH_ENV], Cmd: ['sh'] },
    steps: rootfs({ layer: busybox, at: '2023-07-18T23:19:33.538571854Z', cmd: 'CMD ["sh"]' }),
  });

  // centos:7 (7.9.2009) — 204MB; centos:8 / latest (8.4.2105) — 231MB
  for (const release of [7, 8] as const) {
    const layer = new LayerDraft(`centos:${release}`).fromStandin(catalog, STANDIN.centos, [STANDIN_MARK]);
    if (release === 7) {
      layer.text('/etc/os-release', CENTOS_7_OS_RELEASE).text('/etc/centos-release', 'CentOS Linux release 7.9.2009 (Core)\n');
    }
    layer.symlink('/etc/redhat-release', 'centos-release').symlink('/etc/system-release', 'centos-release');
    layer.padTo(release === 7 ? 203_959_217 : 231_268_014, centosBulk(release), reserved);
    const labels: Record<string, string> =
      release === 7
        ? {
            'org.label-schema.build-date': '20201113',
            'org.label-schema.license': 'GPLv2',
            'org.label-schema.name': 'CentOS Base Image',
            'org.label-schema.schema-version': '1.0',
            'org.label-schema.vendor': 'CentOS',
            'org.opencontainers.image.created': '2020-11-13 00:00:00+00:00',
            'org.opencontainers.image.licenses': 'GPL-2.0-only',
            'org.opencontainers.image.title': 'CentOS Base Image',
            'org.opencontainers.image.vendor': 'CentOS',
          }
        : {
            'org.label-schema.build-date': '20210915',
            'org.label-schema.license': 'GPLv2',
            'org.label-schema.name': 'CentOS Base Image',
            'org.label-schema.schema-version': '1.0',
            'org.label-schema.vendor': 'CentOS',
          };
    const labelStep =
      'org.label-schema.schema-version=1.0 org.label-schema.name=CentOS Base Image org.label-schema.vendor=CentOS ' +
      `org.label-schema.license=GPLv2 org.label-schema.build-date=${labels['org.label-schema.build-date']}` +
      (release === 7
        ? ' org.opencontainers.image.title=CentOS Base Image org.opencontainers.image.vendor=CentOS' +
          ' org.opencontainers.image.licenses=GPL-2.0-only org.opencontainers.image.created=2020-11-13 00:00:00+00:00'
        : '');
    images.push({
      repo: 'library/centos',
      tags: release === 7 ? ['7', 'centos7'] : ['8', 'centos8', 'latest'],
      dockerVersion: '20.10.7',
      config: { Env: [PATH_ENV], Cmd: ['/bin/bash'], Labels: labels },
      steps: [
        { by: addFile(layer.finish().layer.diff_id, '/'), layer, at: release === 7 ? '2021-09-15T18:20:04.621113874Z' : '2021-09-15T18:20:23.099163884Z' },
        { by: nop(`LABEL ${labelStep}`) },
        { by: nop('CMD ["/bin/bash"]') },
      ],
    });
  }

  // hello-world — 13.3kB
  const hello = new LayerDraft('hello-world').fromStandin(catalog, STANDIN.hello).resize('/hello', 13_256);
  images.push({
    repo: 'library/hello-world',
    tags: ['latest'],
    dockerVersion: '20.10.23',
    config: { Env: [PATH_ENV], Cmd: ['/hello'] },
    steps: [
      { by: addFile(hello.finish().layer.diff_id, '/', 'COPY'), layer: hello, at: '2023-05-02T16:49:27.034036524Z' },
      { by: nop('CMD ["/hello"]') },
    ],
  });

  return { alpine, bookwormSlim, jessieSlim, images };
}
