// biome-ignore-all lint/suspicious/noTemplateCurlyInString: created_by texts are shell commands with ${VAR}
/**
 * nginx:latest (7 layers on debian:bookworm-slim) and nginx:alpine (8 layers
 * on alpine:3.18), with the layer structure of the real 1.25.3 images. The
 * simulator runs nginx by name, so /usr/sbin/nginx becomes a binary of
 * realistic size; /docker-entrypoint.sh keeps its stand-in text.
 */
import type { HubCatalog } from '../../../src/engine/registry/catalog';
import type { BulkPlan } from '../lib/bulk';
import { addFile, type ImageSpec, nop, run, type Step } from '../lib/image-build';
import { LayerDraft } from '../lib/layer-draft';
import { alpineLibFiller, debianLibFillers, tzdataFillers } from '../lib/pools';
import { NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_ENTRYPOINT_D } from '../lib/texts';
import { type Bases, STANDIN, standinText } from './bases';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const NGINX_LABEL = 'maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>';

/** stand-in layers of the nginx images */
const APP = {
  nginxDirs: 'e350a255593c',
  nginxHtml: '861e585f106e',
  nginxEntrypoint: '93119ab19520',
  nginxAlpineDirs: '82c70c32d61f',
  nginxAlpineHtml: 'd25ead2192f1',
};

export function total(layers: LayerDraft[]): number {
  return layers.reduce((n, l) => n + l.size(), 0);
}

export function copy(layer: LayerDraft, dest: string, kind: 'file' | 'multi' = 'file'): Step {
  return { by: addFile(layer.finish().layer.diff_id, dest, 'COPY', kind), layer };
}

/** nginx's configuration files and the /docker-entrypoint.d scripts */
function nginxFiles(layer: LayerDraft): LayerDraft {
  return layer
    .text('/etc/nginx/nginx.conf', NGINX_CONF)
    .text('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF)
    .binary('/etc/nginx/mime.types', 5_349, '0o100644')
    .binary('/etc/nginx/fastcgi_params', 1_007, '0o100644')
    .binary('/etc/nginx/scgi_params', 636, '0o100644')
    .binary('/etc/nginx/uwsgi_params', 664, '0o100644')
    .symlink('/etc/nginx/modules', '../../usr/lib/nginx/modules');
}

function entrypointScripts(prefix: string): { steps: Step[]; layers: LayerDraft[] } {
  const layers = NGINX_ENTRYPOINT_D.map(([name, text]) =>
    new LayerDraft(`${prefix} ${name}`).dir('/docker-entrypoint.d').text(`/docker-entrypoint.d/${name}`, text, '0o100775'),
  );
  return { layers, steps: layers.map((l) => copy(l, '/docker-entrypoint.d')) };
}

function nginxLatest(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const passwd = standinText(catalog, STANDIN.debian12, '/etc/passwd');
  const group = standinText(catalog, STANDIN.debian12, '/etc/group');
  const entry = new LayerDraft('nginx entrypoint').fromStandin(catalog, APP.nginxEntrypoint);
  const scripts = entrypointScripts('nginx');
  const install = nginxFiles(
    new LayerDraft('nginx:1.25.3 install')
      .fromStandin(catalog, APP.nginxDirs)
      .fromStandin(catalog, APP.nginxHtml)
      .text('/etc/passwd', `${passwd}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`)
      .text('/etc/group', `${group}nginx:x:101:\n`)
      .binary('/usr/sbin/nginx', 1_422_440)
      .binary('/usr/sbin/nginx-debug', 1_487_976),
  );
  const plan: BulkPlan = {
    fixed: [
      ['/usr/lib/x86_64-linux-gnu/libicudata.so.72.1', 30_753_968],
      ['/usr/lib/x86_64-linux-gnu/libicui18n.so.72.1', 3_389_456],
      ['/usr/lib/x86_64-linux-gnu/libicuuc.so.72.1', 2_083_488],
      ['/usr/lib/x86_64-linux-gnu/libcrypto.so.3', 4_709_656],
      ['/usr/lib/x86_64-linux-gnu/libssl.so.3', 675_808],
      ['/usr/lib/nginx/modules/ngx_http_js_module.so', 2_292_952],
      ['/usr/lib/nginx/modules/ngx_stream_js_module.so', 2_128_632],
      ['/usr/lib/nginx/modules/ngx_http_xslt_filter_module.so', 35_392],
      ['/usr/lib/nginx/modules/ngx_http_image_filter_module.so', 31_232],
      ['/usr/lib/nginx/modules/ngx_http_geoip_module.so', 27_088],
      ['/usr/lib/nginx/modules/ngx_stream_geoip_module.so', 22_992],
      ['/usr/share/GeoIP/GeoIP.dat', 1_320_542, '0o100644'],
      ['/usr/share/GeoIP/GeoIPv6.dat', 2_359_484, '0o100644'],
      ['/etc/ssl/certs/ca-certificates.crt', 213_777, '0o100644'],
      ['/usr/bin/curl', 277_968],
      ['/usr/bin/envsubst', 39_240],
    ],
    fillers: debianLibFillers(),
  };
  const base = bases.bookwormSlim.steps[0].layer!;
  install.padTo(186_796_214 - base.size() - total([entry, ...scripts.layers]), plan, reserved);
  return {
    repo: 'library/nginx',
    tags: ['latest', 'mainline', '1.25', '1.25.3'],
    dockerVersion: '20.10.23',
    config: {
      ExposedPorts: ['80/tcp'],
      Env: [PATH_ENV, 'NGINX_VERSION=1.25.3', 'NJS_VERSION=0.8.2', 'PKG_RELEASE=1~bookworm'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      StopSignal: 'SIGQUIT',
    },
    steps: [
      ...bases.bookwormSlim.steps,
      { by: nop(`LABEL ${NGINX_LABEL}`), at: '2023-11-21T06:05:38.141402327Z' },
      { by: nop('ENV NGINX_VERSION=1.25.3') },
      { by: nop('ENV NJS_VERSION=0.8.2') },
      { by: nop('ENV PKG_RELEASE=1~bookworm') },
      {
        by: run(
          'set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx' +
            '     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates' +
            '     && apt-get install --no-install-recommends --no-install-suggests -y nginx=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-xslt=${NGINX_VERSION}-${PKG_RELEASE}' +
            ' nginx-module-geoip=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-image-filter=${NGINX_VERSION}-${PKG_RELEASE} nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${PKG_RELEASE} gettext-base curl' +
            '     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list' +
            '     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d',
        ),
        layer: install,
      },
      copy(entry, '/'),
      ...scripts.steps,
      { by: nop('ENTRYPOINT ["/docker-entrypoint.sh"]') },
      { by: nop('EXPOSE 80') },
      { by: nop('STOPSIGNAL SIGQUIT') },
      { by: nop('CMD ["nginx" "-g" "daemon off;"]') },
    ],
  };
}

function nginxAlpine(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const passwd = standinText(catalog, STANDIN.alpine, '/etc/passwd');
  const group = standinText(catalog, STANDIN.alpine, '/etc/group');
  const entry = new LayerDraft('nginx:alpine entrypoint').fromStandin(catalog, APP.nginxEntrypoint);
  const scripts = entrypointScripts('nginx:alpine');
  const slim = nginxFiles(
    new LayerDraft('nginx:1.25.3-alpine-slim install')
      .fromStandin(catalog, APP.nginxAlpineDirs)
      .fromStandin(catalog, APP.nginxAlpineHtml)
      .text('/etc/passwd', `${passwd}nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n`)
      .text('/etc/group', `${group}nginx:x:101:nginx\n`)
      .binary('/usr/sbin/nginx', 1_356_224)
      .binary('/usr/sbin/nginx-debug', 1_421_760),
  ).padTo(4_126_533, { fixed: [['/usr/lib/libpcre2-8.so.0.11.2', 420_000], ['/usr/bin/envsubst', 47_088], ['/usr/lib/libintl.so.8.3.0', 51_592]], fillers: tzdataFillers() }, reserved);
  const modules = new LayerDraft('nginx:1.25.3-alpine modules');
  const base = bases.alpine.steps[0].layer!;
  modules.padTo(
    42_620_107 - base.size() - total([slim, entry, ...scripts.layers]),
    {
      fixed: [
        ['/usr/lib/nginx/modules/ngx_http_js_module.so', 2_541_080],
        ['/usr/lib/nginx/modules/ngx_stream_js_module.so', 2_402_136],
        ['/usr/lib/nginx/modules/ngx_http_xslt_filter_module.so', 39_760],
        ['/usr/lib/nginx/modules/ngx_http_image_filter_module.so', 35_624],
        ['/usr/lib/nginx/modules/ngx_http_geoip_module.so', 31_504],
        ['/usr/lib/nginx/modules/ngx_stream_geoip_module.so', 27_408],
        ['/usr/share/GeoIP/GeoIP.dat', 1_320_542, '0o100644'],
        ['/usr/share/GeoIP/GeoIPv6.dat', 2_359_484, '0o100644'],
        ['/usr/bin/curl', 256_696],
      ],
      fillers: [alpineLibFiller()],
    },
    reserved,
  );
  return {
    repo: 'library/nginx',
    tags: ['alpine', '1.25-alpine', '1.25.3-alpine'],
    dockerVersion: '20.10.23',
    config: {
      ExposedPorts: ['80/tcp'],
      Env: [PATH_ENV, 'NGINX_VERSION=1.25.3', 'PKG_RELEASE=1', 'NJS_VERSION=0.8.2'],
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      StopSignal: 'SIGQUIT',
    },
    steps: [
      ...bases.alpine.steps,
      { by: nop(`LABEL ${NGINX_LABEL}`), at: '2023-10-25T00:04:11.902135377Z' },
      { by: nop('ENV NGINX_VERSION=1.25.3') },
      { by: nop('ENV PKG_RELEASE=1') },
      {
        by: run(
          'set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx' +
            '     && apk add --no-cache --virtual .nginx-rundeps nginx=${NGINX_VERSION}-r${PKG_RELEASE}     && apk add --no-cache tzdata' +
            '     && apk add --no-cache curl ca-certificates     && mkdir /docker-entrypoint.d' +
            '     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log',
        ),
        layer: slim,
      },
      copy(entry, '/'),
      ...scripts.steps,
      { by: nop('ENTRYPOINT ["/docker-entrypoint.sh"]') },
      { by: nop('EXPOSE 80') },
      { by: nop('STOPSIGNAL SIGQUIT') },
      { by: nop('CMD ["nginx" "-g" "daemon off;"]') },
      { by: nop('ENV NJS_VERSION=0.8.2') },
      {
        by: run(
          'set -x     && apk add --no-cache --virtual .nginx-rundeps nginx-module-xslt=${NGINX_VERSION}-r${PKG_RELEASE}' +
            ' nginx-module-geoip=${NGINX_VERSION}-r${PKG_RELEASE} nginx-module-image-filter=${NGINX_VERSION}-r${PKG_RELEASE}' +
            ' nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${PKG_RELEASE} curl ca-certificates',
        ),
        layer: modules,
      },
    ],
  };
}

export function buildNginx(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec[] {
  return [nginxLatest(catalog, bases, reserved), nginxAlpine(catalog, bases, reserved)];
}
