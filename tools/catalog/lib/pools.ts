/**
 * Where the bulk of real distribution images lives: named files with their
 * usual sizes and families of files to draw from, per distribution.
 */
import type { BulkPlan, Filler, FixedFile } from './bulk';

const words = (s: string) => s.trim().split(/\s+/);

const GCONV = words(`ANSI_X3.110 ARMSCII-8 BIG5 BIG5HKSCS CP10007 CP1125 CP1250 CP1251 CP1252 CP1253 CP1254 CP1255
  CP1256 CP1257 CP1258 CP737 CP770 CP771 CP772 CP773 CP774 CP775 CP932 EBCDIC-AT-DE EBCDIC-DK-NO EBCDIC-FI-SE
  EBCDIC-FR EBCDIC-UK EBCDIC-US ECMA-CYRILLIC EUC-CN EUC-JISX0213 EUC-JP EUC-JP-MS EUC-KR EUC-TW GB18030 GBBIG5 GBGBK
  GBK GEORGIAN-ACADEMY GEORGIAN-PS GOST_19768-74 GREEK7 HP-GREEK8 HP-ROMAN8 HP-ROMAN9 HP-THAI8 HP-TURKISH8 IBM037
  IBM038 IBM1004 IBM1008 IBM1025 IBM1026 IBM1046 IBM1047 IBM1097 IBM1112 IBM1122 IBM1129 IBM1130 IBM1132 IBM1137
  IBM1140 IBM1364 IBM1371 IBM1388 IBM1390 IBM1399 IBM273 IBM437 IBM850 IBM852 IBM855 IBM857 IBM860 IBM861 IBM862
  IBM863 IBM864 IBM865 IBM866 IBM869 IBM870 IBM871 IBM875 IBM880 IBM922 IBM932 IBM943 ISO-2022-CN ISO-2022-CN-EXT
  ISO-2022-JP ISO-2022-JP-3 ISO-2022-KR ISO8859-1 ISO8859-10 ISO8859-11 ISO8859-13 ISO8859-14 ISO8859-15 ISO8859-16
  ISO8859-2 ISO8859-3 ISO8859-4 ISO8859-5 ISO8859-6 ISO8859-7 ISO8859-8 ISO8859-9 ISO8859-9E JOHAB KOI8-R KOI8-RU
  KOI8-T KOI8-U LATIN-GREEK LATIN-GREEK-1 MAC-IS MAC-SAMI MAC-UK MACINTOSH SJIS T.61 TCVN5712-1 TIS-620 TSCII UHC
  UNICODE UTF-16 UTF-32 UTF-7 VISCII libCNS libGB libISOIR165 libJIS libJISX0213 libKSC`);

const LANGS = words('ar bg ca cs da de el eo es et eu fi fr ga gl hr hu id it ja ko lt nb nl pl pt pt_BR ro ru sk sl sr sv tr uk vi zh_CN zh_TW');
const DEB_TEXT_DOMAINS = words('apt coreutils debconf diffutils dpkg findutils grep libc sed shadow tar util-linux bash gnupg2 e2fsprogs');
const RPM_TEXT_DOMAINS = words('coreutils glibc yum rpm shadow-utils util-linux bash grep sed tar cracklib libuser gnupg2 systemd');

const DEB_PACKAGES = words(`adduser apt base-files base-passwd bash bsdutils coreutils dash debconf debianutils diffutils
  dpkg e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 libattr1
  libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap-ng0 libcap2 libcom-err2 libcrypt1 libdb5.3 libdebconfclient0
  libext2fs2 libffi8 libgcc-s1 libgcrypt20 libgmp10 libgnutls30 libgpg-error0 libhogweed6 libidn2-0 liblz4-1
  liblzma5 libmd0 libmount1 libnettle8 libp11-kit0 libpam-modules libpam-runtime libpam0g libpcre2-8-0 libseccomp2
  libselinux1 libsemanage2 libsepol2 libsmartcols1 libss2 libstdc++6 libsystemd0 libtasn1-6 libtinfo6 libudev1
  libunistring2 libuuid1 libxxhash0 libzstd1 login logsave mawk mount ncurses-base ncurses-bin passwd perl-base
  sed sysvinit-utils tar tzdata usr-is-merged util-linux zlib1g`);

const PERL_MODULES = words(`strict warnings Carp Exporter constant overload vars integer bytes utf8 parent fields
  Config Errno Fcntl POSIX Socket IO/Handle IO/File IO/Select IO/Seekable Getopt/Long File/Spec File/Spec/Unix
  File/Path File/Temp File/Basename File/Glob Text/ParseWords Text/Tabs Text/Wrap Tie/Hash Symbol SelectSaver
  List/Util Scalar/Util Hash/Util Data/Dumper Digest/MD5 MIME/Base64 Time/Local Time/HiRes IPC/Open2 IPC/Open3
  feature re lib base locale overloading unicore/Heavy unicore/To/Upper unicore/To/Lower unicore/To/Title
  unicore/lib/Perl/Word unicore/lib/Perl/SpacePer unicore/lib/Gc/L unicore/lib/Gc/N unicore/lib/Sc/Latn`);

const DEB_LIBS = words(`libicuuc.so.72 libicui18n.so.72 libxml2.so.2 libsqlite3.so.0 libkrb5.so.3 libgssapi_krb5.so.2
  libk5crypto.so.3 libldap-2.5.so.0 liblber-2.5.so.0 libsasl2.so.2 libcurl.so.4 libnghttp2.so.14 libpsl.so.5
  librtmp.so.1 libssh2.so.1 libbrotlicommon.so.1 libbrotlidec.so.1 libexpat.so.1 libkeyutils.so.1 libpamc.so.0
  libext2fs.so.2 libe2p.so.2 libfdisk.so.1 libncursesw.so.6 libformw.so.6 libmenuw.so.6 libpanelw.so.6
  libreadline.so.8 libhistory.so.8 libprocps.so.8 liblz4.so.1 libcrypt.so.1 libassuan.so.0 libksba.so.8 libnpth.so.0
  libgdbm.so.6 libgdbm_compat.so.4 libmpfr.so.6 libmpc.so.3 libisl.so.23 libsemanage.so.2 libsepol.so.2
  libargon2.so.1 libcryptsetup.so.12 libdevmapper.so.1.02.1 libjson-c.so.5 libkmod.so.2 libip4tc.so.2
  libbpf.so.1 libelf.so.1 libdw.so.1 libgomp.so.1 libatomic.so.1 libquadmath.so.0 libgfortran.so.5 libonig.so.5
  libjq.so.1 libnuma.so.1 libyaml-0.so.2 libevent-2.1.so.7 libtirpc.so.3 libnsl.so.2 libwrap.so.0 libmagic.so.1`);

const RPM_LIBS = words(`libicuuc.so.50 libicui18n.so.50 libicudata.so.50 libxml2.so.2 libsqlite3.so.0 libkrb5.so.3
  libgssapi_krb5.so.2 libk5crypto.so.3 libldap-2.4.so.2 liblber-2.4.so.2 libsasl2.so.3 libcurl.so.4 libnss3.so
  libnssutil3.so libsmime3.so libssl3.so libsoftokn3.so libfreeblpriv3.so libnspr4.so libplc4.so libplds4.so
  libpython2.7.so.1.0 libpython3.6m.so.1.0 libdb-5.3.so librpm.so.3 librpmio.so.3 librpmbuild.so.3 librpmsign.so.1
  libsolv.so.1 libsolvext.so.1 libdnf.so.2 librepo.so.0 libmodulemd.so.2 libglib-2.0.so.0 libgio-2.0.so.0
  libgobject-2.0.so.0 libgmodule-2.0.so.0 libgpgme.so.11 libassuan.so.0 libgcrypt.so.11 libgpg-error.so.0
  libsystemd.so.0 libudev.so.1 libdevmapper.so.1.02 libcryptsetup.so.12 libselinux.so.1 libsepol.so.1
  libsemanage.so.1 libaudit.so.1 libpcre.so.1 libpcre2-8.so.0 libmount.so.1 libblkid.so.1 libuuid.so.1
  libncursesw.so.5 libtinfo.so.5 libreadline.so.6 libstdc++.so.6 libgcc_s.so.1 libz.so.1 libbz2.so.1 liblzma.so.5
  libelf.so.1 libdw.so.1 libffi.so.6 libexpat.so.1 libcap.so.2 libacl.so.1 libattr.so.1 libmagic.so.1`);

const DEB_TEXT_FILLERS = (lib: string): Filler[] => [
  { dir: `${lib}/gconv`, names: GCONV, suffix: '.so', min: 14_000, max: 190_000, weight: 2 },
  { dir: '/usr/share/locale/{}/LC_MESSAGES', names: cross(LANGS, DEB_TEXT_DOMAINS, '.mo'), min: 8_000, max: 160_000, weight: 3 },
  { dir: '/var/lib/dpkg/info', names: cross(DEB_PACKAGES, ['list', 'md5sums'], '', '.'), min: 300, max: 26_000 },
  { dir: `${lib}/perl-base`, names: PERL_MODULES, suffix: '.pm', min: 2_000, max: 95_000 },
  { dir: '/usr/share/doc/{}', names: cross(DEB_PACKAGES, ['changelog.Debian.gz', 'copyright']), min: 900, max: 48_000 },
  { dir: lib, names: DEB_LIBS, min: 60_000, max: 2_400_000, weight: 5 },
];

/** "a/b" names: every first × every second */
function cross(first: string[], second: string[], suffix = '', sep = '/'): string[] {
  const out: string[] = [];
  for (const a of first) for (const b of second) out.push(`${a}${sep}${b}${suffix}`);
  return out;
}

const DEB_FIXED = (lib: string): FixedFile[] => [
  ['/usr/bin/perl', 3_950_000],
  [`${lib}/libstdc++.so.6.0.30`, 2_260_000],
  [`${lib}/libapt-pkg.so.6.0.0`, 2_070_000],
  [`${lib}/libgnutls.so.30.34.3`, 2_030_000],
  [`${lib}/libdb-5.3.so`, 1_810_000],
  [`${lib}/libunistring.so.2.2.0`, 1_730_000],
  [`${lib}/libp11-kit.so.0.3.0`, 1_290_000],
  [`${lib}/libgcrypt.so.20.4.1`, 1_290_000],
  [`${lib}/libm.so.6`, 907_784],
  [`${lib}/libsystemd.so.0.35.0`, 899_000],
  [`${lib}/libzstd.so.1.5.4`, 817_000],
  [`${lib}/libgmp.so.10.4.1`, 653_000],
  [`${lib}/libpcre2-8.so.0.11.2`, 629_000],
  [`${lib}/libmount.so.1.1.0`, 317_000],
  [`${lib}/libblkid.so.1.1.0`, 293_000],
  [`${lib}/libhogweed.so.6.6`, 317_000],
  [`${lib}/libnettle.so.8.6`, 289_000],
  [`${lib}/libtinfo.so.6.4`, 200_000],
  [`${lib}/liblzma.so.5.4.1`, 170_000],
  [`${lib}/libselinux.so.1`, 174_000],
  [`${lib}/libz.so.1.2.13`, 121_000],
  ['/usr/bin/apt', 18_824],
  ['/usr/bin/apt-get', 26_976],
  ['/usr/bin/apt-cache', 84_704],
  ['/usr/bin/apt-config', 27_008],
  ['/usr/bin/apt-mark', 51_552],
  ['/usr/bin/dpkg-query', 153_312],
  ['/usr/bin/dpkg-divert', 145_088],
  ['/usr/bin/dpkg-split', 116_448],
  ['/usr/bin/dpkg-trigger', 84_448],
  ['/usr/bin/gpgv', 309_840],
  ['/usr/bin/debconf', 3_247],
  ['/usr/bin/mawk', 142_448],
  ['/usr/sbin/useradd', 142_416],
  ['/usr/sbin/groupadd', 76_704],
  ['/usr/sbin/usermod', 134_224],
  ['/usr/lib/apt/methods/http', 105_000],
  ['/usr/lib/apt/methods/gpgv', 68_000],
  ['/usr/lib/apt/methods/store', 36_000],
  ['/usr/lib/locale/C.utf8/LC_CTYPE', 346_132],
  [`${lib}/gconv/gconv-modules.cache`, 26_398],
  ['/var/lib/dpkg/status', 94_000],
  ['/var/cache/debconf/templates.dat', 514_000],
  ['/var/cache/debconf/config.dat', 17_000],
  ['/usr/share/common-licenses/GPL-3', 35_149],
  ['/usr/share/common-licenses/GPL-2', 18_092],
];

/** Debian and Ubuntu base images (`lib` = /usr/lib/x86_64-linux-gnu) */
export function debianBulk(): BulkPlan {
  const lib = '/usr/lib/x86_64-linux-gnu';
  return { fixed: DEB_FIXED(lib), fillers: DEB_TEXT_FILLERS(lib) };
}

/** CentOS base images */
export function centosBulk(release: 7 | 8): BulkPlan {
  const fixed: FixedFile[] =
    release === 7
      ? [
          ['/usr/lib/locale/locale-archive', 102_000_000],
          ['/var/lib/rpm/Packages', 24_100_000],
          ['/usr/lib64/libicudata.so.50.2', 21_400_000],
          ['/usr/lib64/libc-2.17.so', 2_156_592],
        ]
      : [
          ['/var/lib/rpm/Packages', 31_200_000],
          ['/usr/lib/locale/C.utf8/LC_COLLATE', 1_520_000],
          ['/usr/lib64/libicudata.so.60.3', 27_200_000],
          ['/usr/lib64/python3.6/lib-dynload/_decimal.cpython-36m-x86_64-linux-gnu.so', 420_000],
          ['/usr/libexec/platform-python3.6', 11_000],
          ['/usr/lib64/libc-2.28.so', 3_163_000],
        ];
  fixed.push(
    ['/usr/bin/yum', 801],
    ['/usr/bin/rpmdb', 12_000],
    ['/usr/bin/rpmkeys', 12_000],
    ['/usr/bin/python', 7_144],
    ['/usr/lib64/libcrypto.so.1.1.1k', 3_040_000],
    ['/usr/lib64/libssl.so.1.1.1k', 620_000],
    ['/usr/lib64/libm.so.6', 1_137_000],
    ['/etc/pki/ca-trust/extracted/openssl/ca-bundle.trust.crt', 503_000],
    ['/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', 222_000],
    ['/var/lib/rpm/Providename', 1_250_000],
    ['/var/lib/rpm/Basenames', 2_600_000],
    ['/var/lib/rpm/Dirnames', 540_000],
  );
  return {
    fixed,
    fillers: [
      { dir: '/usr/lib64/gconv', names: GCONV, suffix: '.so', min: 14_000, max: 190_000, weight: 2 },
      { dir: '/usr/share/locale/{}/LC_MESSAGES', names: cross(LANGS, RPM_TEXT_DOMAINS, '.mo'), min: 8_000, max: 160_000, weight: 3 },
      { dir: '/usr/lib64', names: RPM_LIBS, min: 60_000, max: 3_100_000, weight: 5 },
      { dir: '/usr/share/doc/{}', names: cross(RPM_TEXT_DOMAINS, ['COPYING', 'NEWS', 'README']), min: 900, max: 90_000 },
      { dir: '/usr/lib/python2.7/site-packages/{}', names: cross(words('yum rpmUtils urlgrabber iniparse'), words('__init__.pyc config.pyc misc.pyc packages.pyc')), min: 4_000, max: 220_000 },
    ],
  };
}

/** Alpine's base: musl, apk, OpenSSL, CA bundle */
export function alpineBulk(): BulkPlan {
  return {
    fixed: [
      ['/lib/libcrypto.so.3', 4_268_488],
      ['/lib/ld-musl-x86_64.so.1', 633_536],
      ['/lib/libssl.so.3', 604_680],
      ['/lib/libapk.so.2.14.0', 217_672],
      ['/etc/ssl/certs/ca-certificates.crt', 218_845],
      ['/usr/lib/engines-3/afalg.so', 18_360],
      ['/usr/lib/engines-3/loader_attic.so', 59_480],
      ['/usr/lib/engines-3/padlock.so', 14_328],
      ['/usr/lib/ossl-modules/legacy.so', 116_752],
      ['/lib/libz.so.1.2.13', 100_464],
      ['/usr/bin/scanelf', 67_736],
      ['/usr/bin/getconf', 34_336],
      ['/usr/bin/getent', 48_432],
      ['/usr/bin/iconv', 22_896],
      ['/sbin/apk', 68_616],
      ['/lib/apk/db/installed', 27_562, '0o100644'],
      ['/lib/apk/db/scripts.tar', 12_288, '0o100644'],
    ],
    fillers: [],
  };
}

/** glibc's shared objects as the busybox:glibc image ships them in /lib */
export function busyboxBulk(): BulkPlan {
  return {
    fixed: [
      ['/lib/libc.so.6', 1_922_136],
      ['/lib/libm.so.6', 907_784],
      ['/lib/ld-linux-x86-64.so.2', 210_968],
      ['/lib/libresolv.so.2', 68_104],
      ['/lib/libnss_files.so.2', 14_408],
      ['/lib/libnss_dns.so.2', 14_408],
      ['/lib/libpthread.so.0', 14_408],
    ],
    fillers: [],
  };
}

const ZONES = words(`Africa/Abidjan Africa/Cairo Africa/Johannesburg Africa/Lagos Africa/Nairobi America/Anchorage
  America/Argentina/Buenos_Aires America/Bogota America/Chicago America/Denver America/Halifax America/Havana
  America/Lima America/Los_Angeles America/Mexico_City America/New_York America/Phoenix America/Santiago
  America/Sao_Paulo America/Toronto America/Vancouver Antarctica/McMurdo Asia/Almaty Asia/Baghdad Asia/Bangkok
  Asia/Dhaka Asia/Dubai Asia/Hong_Kong Asia/Jakarta Asia/Jerusalem Asia/Karachi Asia/Kathmandu Asia/Kolkata
  Asia/Manila Asia/Seoul Asia/Shanghai Asia/Singapore Asia/Taipei Asia/Tehran Asia/Tokyo Atlantic/Azores
  Atlantic/Reykjavik Australia/Adelaide Australia/Brisbane Australia/Melbourne Australia/Perth Australia/Sydney
  Europe/Amsterdam Europe/Athens Europe/Berlin Europe/Brussels Europe/Bucharest Europe/Budapest Europe/Dublin
  Europe/Helsinki Europe/Istanbul Europe/Kyiv Europe/Lisbon Europe/London Europe/Madrid Europe/Moscow Europe/Oslo
  Europe/Paris Europe/Prague Europe/Rome Europe/Stockholm Europe/Vienna Europe/Warsaw Europe/Zurich Pacific/Auckland
  Pacific/Fiji Pacific/Honolulu UTC Etc/UTC Etc/GMT Etc/GMT+1 Etc/GMT+2 Etc/GMT-1 Etc/GMT-2 CET EET WET MET`);

/** /usr/share/zoneinfo (tzdata) */
export function tzdataFillers(): Filler[] {
  return ['/usr/share/zoneinfo', '/usr/share/zoneinfo/posix', '/usr/share/zoneinfo/right'].map((dir) => ({
    dir,
    names: ZONES,
    min: 120,
    max: 3_600,
    mode: '0o100644',
  }));
}

const ALPINE_LIBS = words(`libxml2.so.2.11.4 libxslt.so.1.1.38 libexslt.so.0.8.21 libgd.so.3.0.11 libjpeg.so.8.2.2
  libpng16.so.16.39.0 libwebp.so.7.1.6 libtiff.so.6.0.1 libfreetype.so.6.19.0 libfontconfig.so.1.13.0 libX11.so.6.4.0
  libxcb.so.1.1.0 libXpm.so.4.11.0 libaom.so.3.6.1 libdav1d.so.6.8.0 libavif.so.15.0.1 libheif.so.1.16.2
  libde265.so.0.1.4 libx265.so.199 libGeoIP.so.1.6.12 libcurl.so.4.8.0 libnghttp2.so.14.24.2 libbrotlicommon.so.1.0.9
  libbrotlidec.so.1.0.9 libidn2.so.0.3.8 libunistring.so.5.0.0 libsharpyuv.so.0.0.0 libzstd.so.1.5.5
  liblzma.so.5.4.3 libbz2.so.1.0.8 libexpat.so.1.8.11 libgcc_s.so.1 libstdc++.so.6.0.30 libgomp.so.1.0.0
  libintl.so.8.3.0 libedit.so.0.0.71 libncursesw.so.6.4 libpcre2-8.so.0.11.2 libffi.so.8.1.2 libyuv.so.0`);

/** shared objects an apk install adds under /usr/lib */
export function alpineLibFiller(): Filler {
  return { dir: '/usr/lib', names: ALPINE_LIBS, min: 40_000, max: 2_600_000 };
}

/** shared objects an apt install adds under /usr/lib/x86_64-linux-gnu */
export function debianLibFillers(): Filler[] {
  return DEB_TEXT_FILLERS('/usr/lib/x86_64-linux-gnu');
}
