/**
 * wangxiong/lnmp:latest — the user repository tutorial 001 searches, pulls and
 * pushes to ("利用Dockfile 定制的LNMP镜像", 0 stars): an LNMP image a user built
 * with a Dockerfile on centos:7 (yum update, then nginx from EPEL, MariaDB 5.5
 * and PHP 5.4 with php-fpm), CMD /bin/bash as the tutorial's `lnmp:v1` runs.
 * 795MB, the size the tutorial's `docker images` shows for lnmp:v1.
 */
import type { HubCatalog } from '../../../src/engine/registry/catalog';
import type { BulkPlan } from '../lib/bulk';
import { type ImageSpec, nop, run } from '../lib/image-build';
import { LayerDraft } from '../lib/layer-draft';
import { centosBulk } from '../lib/pools';
import { LNMP_MY_CNF, LNMP_NGINX_CONF, LNMP_PHP_FPM_WWW, LNMP_PHP_INFO } from '../lib/texts-lnmp';
import { type Bases, STANDIN, standinText } from './bases';
import { copy, total } from './nginx';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** the image's size as `docker images` shows it: 795MB */
const IMAGE_SIZE = 795_372_604;

/** CentOS 7 package bulk with big files only (the catalog file stays small) */
function rpmBulk(fixed: BulkPlan['fixed']): BulkPlan {
  const base = centosBulk(7);
  return {
    fixed,
    fillers: base.fillers.map((f) => ({ ...f, min: Math.max(f.min, 400_000), max: Math.max(f.max, 3_600_000) })),
  };
}

export function buildLnmp(catalog: HubCatalog, bases: Bases, reserved: Set<string>): ImageSpec {
  const passwd = standinText(catalog, STANDIN.centos, '/etc/passwd');
  const group = standinText(catalog, STANDIN.centos, '/etc/group');

  const update = new LayerDraft('wangxiong/lnmp yum update')
    .text('/etc/yum.repos.d/epel.repo', EPEL_REPO)
    .binary('/etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-7', 1_662, '0o100644')
    .padTo(
      288_640_212,
      rpmBulk([
        ['/usr/lib/locale/locale-archive', 102_000_000],
        ['/var/lib/rpm/Packages', 41_900_000],
        ['/var/cache/yum/x86_64/7/base/gen/primary_db.sqlite', 33_700_000],
        ['/var/cache/yum/x86_64/7/updates/gen/primary_db.sqlite', 29_400_000],
        ['/var/cache/yum/x86_64/7/epel/gen/primary_db.sqlite', 38_100_000],
        ['/usr/lib64/libicudata.so.50.2', 21_400_000],
        ['/usr/lib64/libc-2.17.so', 2_156_592],
        ['/usr/lib64/libcrypto.so.1.0.2k', 2_520_424],
        ['/usr/lib64/libssl.so.1.0.2k', 470_360],
      ]),
      reserved,
    );

  const nginx = new LayerDraft('wangxiong/lnmp nginx')
    .text('/etc/passwd', `${passwd}nginx:x:997:995:Nginx web server:/var/lib/nginx:/sbin/nologin\n`)
    .text('/etc/group', `${group}nginx:x:995:\n`)
    .binary('/usr/sbin/nginx', 1_358_928)
    .text('/etc/nginx/nginx.conf', LNMP_NGINX_CONF)
    .dir('/etc/nginx/conf.d')
    .dir('/etc/nginx/default.d')
    .binary('/etc/nginx/mime.types', 5_231, '0o100644')
    .binary('/etc/nginx/fastcgi_params', 1_007, '0o100644')
    .binary('/etc/nginx/fastcgi.conf', 1_077, '0o100644')
    .binary('/usr/share/nginx/html/index.html', 4_833, '0o100644')
    .binary('/usr/share/nginx/html/404.html', 3_650, '0o100644')
    .binary('/usr/share/nginx/html/50x.html', 3_693, '0o100644')
    .dir('/var/log/nginx', '0o40700', 997, 995)
    .dir('/var/lib/nginx', '0o40770', 997, 995)
    .padTo(
      66_482_951,
      rpmBulk([
        ['/usr/lib64/perl5/CORE/libperl.so', 1_650_728],
        ['/usr/lib64/libgd.so.2.0.0', 425_008],
        ['/usr/lib64/libxslt.so.1.1.28', 259_952],
        ['/usr/lib64/nginx/modules/ngx_http_perl_module.so', 65_968],
        ['/usr/lib64/nginx/modules/ngx_mail_module.so', 175_928],
        ['/usr/lib64/nginx/modules/ngx_stream_module.so', 196_952],
        ['/var/lib/rpm/Packages', 44_300_000],
      ]),
      reserved,
    );

  const mariadb = new LayerDraft('wangxiong/lnmp mariadb')
    .text('/etc/passwd', `${passwd}nginx:x:997:995:Nginx web server:/var/lib/nginx:/sbin/nologin\nmysql:x:27:27:MariaDB Server:/var/lib/mysql:/sbin/nologin\n`)
    .text('/etc/group', `${group}nginx:x:995:\nmysql:x:27:\n`)
    .text('/etc/my.cnf', LNMP_MY_CNF)
    .dir('/etc/my.cnf.d')
    .binary('/usr/libexec/mysqld', 12_592_296)
    .binary('/usr/bin/mysql', 3_510_936)
    .binary('/usr/bin/mysqladmin', 3_298_608)
    .binary('/usr/bin/mysqldump', 3_420_184)
    .binary('/usr/bin/mysqld_safe', 26_827)
    .binary('/usr/bin/mysql_install_db', 15_958)
    .binary('/usr/bin/mysql_secure_installation', 12_306)
    .dir('/var/lib/mysql', '0o40755', 27, 27)
    .dir('/var/log/mariadb', '0o40750', 27, 27)
    .padTo(
      176_205_337,
      rpmBulk([
        ['/usr/share/mysql/english/errmsg.sys', 59_476],
        ['/usr/lib64/mysql/libmysqlclient.so.18.0.0', 3_135_672],
        ['/usr/lib64/mysql/plugin/ha_tokudb.so', 21_700_000],
        ['/usr/lib64/mysql/plugin/ha_mroonga.so', 4_900_000],
        ['/usr/bin/mysql_embedded', 11_900_000],
        ['/usr/bin/mysqltest_embedded', 12_400_000],
        ['/var/lib/rpm/Packages', 52_700_000],
      ]),
      reserved,
    );

  const conf = new LayerDraft('wangxiong/lnmp conf')
    .text('/etc/php-fpm.d/www.conf', LNMP_PHP_FPM_WWW)
    .text('/usr/share/nginx/html/index.php', LNMP_PHP_INFO);

  const php = new LayerDraft('wangxiong/lnmp php')
    .binary('/usr/sbin/php-fpm', 4_474_872)
    .binary('/usr/bin/php', 4_440_432)
    .binary('/usr/bin/php-cgi', 4_417_360)
    .binary('/etc/php.ini', 62_641, '0o100644')
    .binary('/etc/php-fpm.conf', 4_094, '0o100644')
    .dir('/etc/php.d')
    .dir('/var/lib/php/session', '0o40770', 0, 48);
  const base = bases.centos7.steps[0].layer!;
  php.padTo(
    IMAGE_SIZE - base.size() - total([update, nginx, mariadb, conf]),
    rpmBulk([
      ['/usr/lib64/php/modules/gd.so', 349_144],
      ['/usr/lib64/php/modules/mbstring.so', 1_547_104],
      ['/usr/lib64/php/modules/mysqli.so', 130_376],
      ['/usr/lib64/php/modules/pdo_mysql.so', 30_816],
      ['/usr/lib64/libX11.so.6.3.0', 1_314_720],
      ['/var/lib/rpm/Packages', 55_600_000],
    ]),
    reserved,
  );

  const at = '2021-11-02T08:41:37.160384924Z';
  return {
    repo: 'wangxiong/lnmp',
    tags: ['latest'],
    dockerVersion: '20.10.10',
    search: { description: '利用Dockfile 定制的LNMP镜像', stars: 0 },
    config: { ExposedPorts: ['80/tcp', '3306/tcp', '9000/tcp'], Env: [PATH_ENV], Cmd: ['/bin/bash'], Labels: bases.centos7Labels },
    steps: [
      ...bases.centos7.steps,
      { by: nop('MAINTAINER wangxiong'), at },
      { by: run('yum -y install epel-release && yum -y update'), layer: update },
      { by: run('yum -y install nginx'), layer: nginx },
      { by: run('yum -y install mariadb mariadb-server'), layer: mariadb },
      { by: run('yum -y install php php-fpm php-mysql php-gd php-mbstring'), layer: php },
      copy(conf, '/', 'multi'),
      { by: nop('EXPOSE 3306 80 9000') },
      { by: nop('CMD ["/bin/bash"]') },
    ],
  };
}

const EPEL_REPO = `[epel]
name=Extra Packages for Enterprise Linux 7 - $basearch
#baseurl=http://download.fedoraproject.org/pub/epel/7/$basearch
metalink=https://mirrors.fedoraproject.org/metalink?repo=epel-7&arch=$basearch
failovermethod=priority
enabled=1
gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-7
`;
