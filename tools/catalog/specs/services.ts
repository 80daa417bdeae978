// biome-ignore-all lint/suspicious/noTemplateCurlyInString: created_by texts are shell commands with ${VAR}
/**
 * redis:latest (8 layers) and redis:alpine (7), mongo:3.2 (12 layers on
 * debian:jessie-slim) and registry:2 (5 layers on alpine), with the layer
 * structure of the real images. The simulator runs redis-server, mongod and
 * registry by name: they become binaries of realistic size; entrypoint
 * scripts, /etc/mongo-version and config.yml keep their stand-in text.
 */
import type { HubCatalog } from '../../../src/engine/registry/catalog';
import { type ImageSpec, nop, run } from '../lib/image-build';
import { LayerDraft } from '../lib/layer-draft';
import { alpineLibFiller, debianLibFillers, tzdataFillers } from '../lib/pools';
import type { Bases } from './bases';
import { copy, total } from './nginx';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** stand-in layers of these images */
const APP = {
  redisUser: 'c22ef2ef6e43',
  redisData: '92cd13a1028a',
  redisBin: 'acc4327ba326',
  redisAlpineUser: '61fa940cfb29',
  redisAlpineData: '272fb9b8e2ec',
  redisAlpineBin: '7ecc57db53a1',
  mongoUser: '26d0628ae322',
  mongoData: '260626ce0d1c',
  mongoBin: '4465e73c6a12',
  registryBin: 'e169ae56b211',
  registryConfig: 'b2b04cd3f558',
  registryEntrypoint: 'a1fb3a8ed255',
};

const REDIS_ENV = [
  PATH_ENV,
  'GOSU_VERSION=1.17',
  'REDIS_VERSION=7.2.3',
  'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.3.tar.gz',
];

const APT_CLEANUP =
  "apt-mark auto '.*' > /dev/null; \t[ -z \"$savedAptMark\" ] || apt-mark manual $savedAptMark > /dev/null; " +
  '\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; ';

const GOSU_INSTALL =
  'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; ' +
  '\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; ' +
  '\twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; ' +
  '\twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; ' +
  '\texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; ' +
  '\tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \t' +
  APT_CLEANUP +
  '\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true';

const REDIS_MAKE =
  '\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; ' +
  '\tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \trm -r /usr/src/redis; \t';

const REDIS_BUILD_DEBIAN =
  'set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; ' +
  '\tapt-get install -y --no-install-recommends ca-certificates wget dpkg-dev gcc libc6-dev libssl-dev make; ' +
  REDIS_MAKE +
  APT_CLEANUP +
  '\tredis-cli --version; \tredis-server --version';

const REDIS_BUILD_ALPINE =
  'set -eux; \tapk add --no-cache --virtual .build-deps coreutils dpkg-dev dpkg gcc linux-headers make musl-dev openssl-dev wget; ' +
  REDIS_MAKE +
  "runDeps=\"$(scanelf --needed --nobanner --format '%n#p' --recursive /usr/local | tr ',' '\\n' | sort -u | awk 'system(\"[ -e /usr/local/lib/\" $1 \" ]\") == 0 { next } { print \"so:\" $1 }')\"; " +
  '\tapk add --no-network --virtual .redis-rundeps $runDeps; \tapk del --no-network .build-deps; \tredis-cli --version; \tredis-server --version';

function redisBinaries(layer: LayerDraft, alpine: boolean): LayerDraft {
  const k = alpine ? 0.86 : 1;
  layer
    .binary('/usr/local/bin/redis-server', Math.round(16_126_984 * k))
    .binary('/usr/local/bin/redis-cli', Math.round(8_074_536 * k))
    .binary('/usr/local/bin/redis-benchmark', Math.round(7_935_264 * k));
  for (const name of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel']) layer.symlink(`/usr/local/bin/${name}`, 'redis-server');
  return layer;
}

function redis(catalog: HubCatalog, bases: Bases, reserved: Set<string>, alpine: boolean): ImageSpec {
  const tag = alpine ? 'redis:alpine' : 'redis:latest';
  const stage = alpine ? bases.alpine : bases.bookwormSlim;
  const user = new LayerDraft(`${tag} user`).fromStandin(catalog, alpine ? APP.redisAlpineUser : APP.redisUser);
  const tz = new LayerDraft(`${tag} tzdata`).padTo(
    alpine ? 1_487_410 : 4_312_866,
    alpine
      ? { fixed: [['/sbin/setpriv', 43_760]], fillers: tzdataFillers() }
      : {
          fixed: [
            ['/usr/share/zoneinfo/tzdata.zi', 109_390, '0o100644'],
            ['/var/cache/debconf/templates.dat', 531_022, '0o100644'],
            ['/var/lib/dpkg/status', 97_104, '0o100644'],
          ],
          fillers: [...tzdataFillers(), ...debianLibFillers().slice(1, 3)],
        },
    reserved,
  );
  const gosu = alpine ? undefined : new LayerDraft(`${tag} gosu`).binary('/usr/local/bin/gosu', 2_367_488);
  gosu?.padTo(4_132_950, { fixed: [['/var/lib/dpkg/status', 97_912, '0o100644']], fillers: debianLibFillers().slice(1, 3) }, reserved);
  const data = new LayerDraft(`${tag} data`).fromStandin(catalog, alpine ? APP.redisAlpineData : APP.redisData);
  const workdir = new LayerDraft(`${tag} workdir`);
  const entry = new LayerDraft(`${tag} entrypoint`).fromStandin(catalog, alpine ? APP.redisAlpineBin : APP.redisBin, [
    '/usr/local/bin/redis-server',
  ]);
  const build = redisBinaries(new LayerDraft(`${tag} build`), alpine);
  const rest = total([user, tz, data, workdir, entry, ...(gosu ? [gosu] : [])]);
  const base = stage.steps[0].layer!;
  build.padTo((alpine ? 41_161_736 : 138_008_413) - base.size() - rest, { fixed: [], fillers: alpine ? [alpineLibFiller()] : debianLibFillers() }, reserved);
  const at = alpine ? '2023-11-01T04:51:53.211640371Z' : '2023-11-21T07:12:47.861238418Z';
  const steps = alpine
    ? [
        { by: run('set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis'), layer: user, at },
        { by: run("apk add --no-cache \t\t'su-exec>=0.2' \t\ttzdata"), layer: tz },
      ]
    : [
        { by: run('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'), layer: user, at },
        { by: run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), layer: tz },
        { by: nop('ENV GOSU_VERSION=1.17') },
        { by: run(GOSU_INSTALL), layer: gosu },
      ];
  return {
    repo: 'library/redis',
    tags: alpine ? ['alpine', '7.2-alpine', '7.2.3-alpine'] : ['latest', '7', '7.2', '7.2.3'],
    dockerVersion: '20.10.23',
    config: {
      ExposedPorts: ['6379/tcp'],
      Env: alpine ? REDIS_ENV.filter((e) => !e.startsWith('GOSU')) : REDIS_ENV,
      Cmd: ['redis-server'],
      Volumes: ['/data'],
      WorkingDir: '/data',
      Entrypoint: ['docker-entrypoint.sh'],
    },
    steps: [
      ...stage.steps,
      ...steps,
      { by: nop('ENV REDIS_VERSION=7.2.3') },
      { by: nop('ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.3.tar.gz') },
      {
        by: run(alpine ? REDIS_BUILD_ALPINE : REDIS_BUILD_DEBIAN),
        layer: build,
      },
      { by: run('mkdir /data && chown redis:redis /data'), layer: data },
      { by: nop('VOLUME [/data]') },
      { by: '/bin/sh -c #(nop) WORKDIR /data', layer: workdir },
      copy(entry, '/usr/local/bin/'),
      { by: nop('ENTRYPOINT ["docker-entrypoint.sh"]') },
      { by: nop('EXPOSE 6379') },
      { by: nop('CMD ["redis-server"]') },
    ],
  };
}

function mongo(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const deb = debianLibFillers();
  const user = new LayerDraft('mongo:3.2 user').fromStandin(catalog, APP.mongoUser);
  const tools = new LayerDraft('mongo:3.2 numactl').padTo(
    7_631_214,
    {
      fixed: [
        ['/usr/bin/jq', 30_896],
        ['/usr/bin/numactl', 67_040],
        ['/usr/lib/x86_64-linux-gnu/libjq.so.1.0.4', 313_960],
        ['/usr/lib/x86_64-linux-gnu/libonig.so.2.0.1', 494_832],
        ['/usr/lib/x86_64-linux-gnu/libnuma.so.1.0.0', 51_968],
        ['/etc/ssl/certs/ca-certificates.crt', 274_340, '0o100644'],
        ['/usr/lib/x86_64-linux-gnu/libssl.so.1.0.0', 431_232],
        ['/usr/lib/x86_64-linux-gnu/libcrypto.so.1.0.0', 2_066_816],
        ['/usr/bin/openssl', 519_560],
      ],
      fillers: deb,
    },
    reserved,
  );
  const gosu = new LayerDraft('mongo:3.2 gosu').binary('/usr/local/bin/gosu', 1_737_536);
  gosu.padTo(2_468_313, { fixed: [['/var/lib/dpkg/status', 83_122, '0o100644']], fillers: deb.slice(1, 3) }, reserved);
  const jsyaml = new LayerDraft('mongo:3.2 js-yaml').binary('/js-yaml.js', 101_233, '0o100644');
  const initdb = new LayerDraft('mongo:3.2 initdb').dir('/docker-entrypoint-initdb.d');
  const gpg = new LayerDraft('mongo:3.2 gpg').binary('/etc/apt/trusted.gpg.d/mongodb.gpg', 1_164, '0o100644');
  const sources = new LayerDraft('mongo:3.2 sources').text(
    '/etc/apt/sources.list.d/mongodb-org.list',
    'deb http://repo.mongodb.org/apt/debian jessie/mongodb-org/3.2 main\n',
  );
  const install = new LayerDraft('mongo:3.2 install')
    .binary('/usr/bin/mongod', 48_391_408)
    .binary('/usr/bin/mongo', 22_471_256)
    .binary('/usr/bin/mongos', 22_095_392)
    .binary('/usr/bin/mongoperf', 12_133_344)
    .binary('/usr/bin/mongodump', 10_231_792)
    .binary('/usr/bin/mongorestore', 10_533_408)
    .binary('/usr/bin/mongoexport', 6_082_608)
    .binary('/usr/bin/mongoimport', 6_244_816)
    .binary('/usr/bin/mongostat', 5_960_464)
    .binary('/usr/bin/mongotop', 5_777_520)
    .binary('/usr/bin/mongofiles', 5_996_560)
    .binary('/usr/bin/bsondump', 5_420_080)
    .text('/etc/mongod.conf.orig', 'storage:\n  dbPath: /var/lib/mongodb\n  journal:\n    enabled: true\n\nsystemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n');
  const data = new LayerDraft('mongo:3.2 data').fromStandin(catalog, APP.mongoData);
  const entry = new LayerDraft('mongo:3.2 entrypoint').fromStandin(catalog, APP.mongoBin, ['/usr/local/bin/mongod']);
  const compat = new LayerDraft('mongo:3.2 compat').symlink('/entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh');
  const small = total([user, tools, gosu, jsyaml, initdb, gpg, sources, data, entry, compat]);
  const base = bases.jessieSlim.steps[0].layer!;
  install.padTo(300_434_812 - base.size() - small, { fixed: [], fillers: deb }, reserved);
  const gpgKeys = 'DFFA3DCF326E302C4787673A01C4E7FAAAB2461C 42F3E95A2C4F08279C4960ADD68FA50FEA312927';
  return {
    repo: 'library/mongo',
    tags: ['3.2', '3.2.21'],
    dockerVersion: '18.06.1-ce',
    config: {
      ExposedPorts: ['27017/tcp'],
      Env: [PATH_ENV, 'GOSU_VERSION=1.10', 'JSYAML_VERSION=3.10.0', `GPG_KEYS=${gpgKeys}`, 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=3.2', 'MONGO_VERSION=3.2.21'],
      Cmd: ['mongod'],
      Volumes: ['/data/db', '/data/configdb'],
      Entrypoint: ['docker-entrypoint.sh'],
    },
    steps: [
      ...bases.jessieSlim.steps,
      { by: run('groupadd -r mongodb && useradd -r -g mongodb mongodb'), layer: user, at: '2019-03-27T01:32:06.436278102Z' },
      { by: run('apt-get update \t&& apt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t&& rm -rf /var/lib/apt/lists/*'), layer: tools },
      { by: nop('ENV GOSU_VERSION=1.10') },
      { by: nop('ENV JSYAML_VERSION=3.10.0') },
      {
        by: run('set -ex; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true; \t\twget -O /js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"; \t\tapt-get purge -y --auto-remove wget'),
        layer: gosu,
      },
      copy(jsyaml, '/'),
      { by: run('mkdir /docker-entrypoint-initdb.d'), layer: initdb },
      { by: nop(`ENV GPG_KEYS=${gpgKeys}`) },
      { by: run('set -ex; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys "$key"; \tdone; \tgpg --batch --export $GPG_KEYS > /etc/apt/trusted.gpg.d/mongodb.gpg; \trm -r "$GNUPGHOME"; \tapt-key list'), layer: gpg },
      { by: nop('ARG MONGO_PACKAGE=mongodb-org') },
      { by: nop('ARG MONGO_REPO=repo.mongodb.org') },
      { by: nop('ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org') },
      { by: nop('ENV MONGO_MAJOR=3.2') },
      { by: run('echo "deb http://$MONGO_REPO/apt/debian jessie/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR main" | tee "/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list"'), layer: sources },
      { by: nop('ENV MONGO_VERSION=3.2.21') },
      { by: run('set -x \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig'), layer: install },
      { by: run('mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb /data/db /data/configdb && echo "$MONGO_VERSION" > /etc/mongo-version'), layer: data },
      { by: nop('VOLUME [/data/db /data/configdb]') },
      copy(entry, '/usr/local/bin/'),
      { by: run('ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat'), layer: compat },
      { by: nop('ENTRYPOINT ["docker-entrypoint.sh"]') },
      { by: nop('EXPOSE 27017') },
      { by: nop('CMD ["mongod"]') },
    ],
  };
}

/** mongo:3.2 as the Hub rebuilt it two weeks later: the same layers, a new config (another image ID) */
function mongoNext(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const spec = mongo(catalog, bases, reserved);
  const steps = [...spec.steps];
  steps[steps.length - 1] = { ...steps[steps.length - 1], at: '2019-04-10T19:32:16.418226345Z' };
  return { ...spec, tags: ['3.2-fidelity-next'], steps };
}

function registry(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const certs = new LayerDraft('registry:2 ca-certificates').padTo(
    657_212,
    {
      fixed: [
        ['/etc/ssl/certs/ca-certificates.crt', 218_845, '0o100644'],
        ['/usr/sbin/update-ca-certificates', 14_344],
        ['/etc/ca-certificates.conf', 6_080, '0o100644'],
        ['/lib/apk/db/installed', 29_341, '0o100644'],
      ],
      fillers: [{ dir: '/usr/share/ca-certificates/mozilla', names: CA_NAMES, suffix: '.crt', min: 1_200, max: 2_400, mode: '0o100644' }],
    },
    reserved,
  );
  const config = new LayerDraft('registry:2 config').fromStandin(catalog, APP.registryConfig);
  const entry = new LayerDraft('registry:2 entrypoint').fromStandin(catalog, APP.registryEntrypoint);
  const bin = new LayerDraft('registry:2 binary').fromStandin(catalog, APP.registryBin);
  const base = bases.alpine.steps[0].layer!;
  bin.resize('/bin/registry', 24_160_388 - base.size() - total([certs, config, entry]));
  return {
    repo: 'library/registry',
    tags: ['2', 'latest', '2.8', '2.8.3'],
    dockerVersion: '20.10.23',
    config: {
      ExposedPorts: ['5000/tcp'],
      Env: [PATH_ENV],
      Cmd: ['/etc/docker/registry/config.yml'],
      Volumes: ['/var/lib/registry'],
      Entrypoint: ['/entrypoint.sh'],
    },
    steps: [
      ...bases.alpine.steps,
      { by: run('set -ex     && apk add --no-cache ca-certificates'), layer: certs, at: '2023-10-02T18:42:24.386187406Z' },
      copy(bin, '/bin/registry'),
      copy(config, '/etc/docker/registry/config.yml'),
      { by: nop('VOLUME [/var/lib/registry]') },
      { by: nop('EXPOSE 5000') },
      copy(entry, '/entrypoint.sh'),
      { by: nop('ENTRYPOINT ["/entrypoint.sh"]') },
      { by: nop('CMD ["/etc/docker/registry/config.yml"]') },
    ],
  };
}

const CA_NAMES = `ACCVRAIZ1 AC_RAIZ_FNMT-RCM Actalis_Authentication_Root_CA AffirmTrust_Commercial AffirmTrust_Networking
  AffirmTrust_Premium Amazon_Root_CA_1 Amazon_Root_CA_2 Amazon_Root_CA_3 Amazon_Root_CA_4 Atos_TrustedRoot_2011
  Baltimore_CyberTrust_Root Buypass_Class_2_Root_CA Buypass_Class_3_Root_CA CA_Disig_Root_R2 CFCA_EV_ROOT
  COMODO_Certification_Authority COMODO_ECC_Certification_Authority COMODO_RSA_Certification_Authority
  Certigna Certum_Trusted_Network_CA DigiCert_Assured_ID_Root_CA DigiCert_Global_Root_CA DigiCert_Global_Root_G2
  DigiCert_Global_Root_G3 DigiCert_High_Assurance_EV_Root_CA DigiCert_Trusted_Root_G4 Entrust_Root_Certification_Authority
  GlobalSign_Root_CA GlobalSign_Root_CA_-_R3 GlobalSign_Root_CA_-_R6 Go_Daddy_Class_2_CA ISRG_Root_X1 ISRG_Root_X2
  QuoVadis_Root_CA_2 QuoVadis_Root_CA_3 SecureTrust_CA Starfield_Class_2_CA T-TeleSec_GlobalRoot_Class_2
  USERTrust_ECC_Certification_Authority USERTrust_RSA_Certification_Authority XRamp_Global_CA_Root`
  .trim()
  .split(/\s+/);

export function buildServices(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec[] {
  return [
    redis(catalog, bases, reserved, false),
    redis(catalog, bases, reserved, true),
    mongo(catalog, bases, reserved),
    // the Hub's next build of mongo:3.2 (same layers, rebuilt later): a lesson's
    // Hub event `publish: mongo:3.2` points 3.2 at it, like the fidelity kit's
    // `hubctl retag library/mongo 3.2-fidelity-next 3.2`
    mongoNext(catalog, bases, reserved),
    registry(catalog, bases, reserved),
  ];
}
