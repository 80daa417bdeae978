/** Small text files of the default catalog's images (release files, configs, scripts). */

export const DEBIAN_8_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
NAME="Debian GNU/Linux"
VERSION_ID="8"
VERSION="8 (jessie)"
ID=debian
HOME_URL="http://www.debian.org/"
SUPPORT_URL="http://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const DEBIAN_9_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
NAME="Debian GNU/Linux"
VERSION_ID="9"
VERSION="9 (stretch)"
VERSION_CODENAME=stretch
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const UBUNTU_1310_OS_RELEASE = `NAME="Ubuntu"
VERSION="13.10, Saucy Salamander"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 13.10"
VERSION_ID="13.10"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
`;

export const CENTOS_7_OS_RELEASE = `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"

CENTOS_MANTISBT_PROJECT="CentOS-7"
CENTOS_MANTISBT_PROJECT_VERSION="7"
REDHAT_SUPPORT_PRODUCT="centos"
REDHAT_SUPPORT_PRODUCT_VERSION="7"

`;

export function lsbRelease(release: string, codename: string, description: string): string {
  return `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="${description}"\n`;
}

/** the files `set -xe && echo '#!/bin/sh' > /usr/sbin/policy-rc.d …` leaves in ubuntu:16.04 */
export const XENIAL_APT_TWEAKS: [string, string, string?][] = [
  ['/usr/sbin/policy-rc.d', "#!/bin/sh\nexit 101\n", '0o100755'],
  ['/sbin/initctl', '#!/bin/sh\nexit 0\n', '0o100755'],
  ['/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 'force-unsafe-io\n'],
  [
    '/etc/apt/apt.conf.d/docker-clean',
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n' +
      'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n' +
      'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";\n',
  ],
  ['/etc/apt/apt.conf.d/docker-no-languages', 'Acquire::Languages "none";\n'],
  ['/etc/apt/apt.conf.d/docker-gzip-indexes', 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";\n'],
  ['/etc/apt/apt.conf.d/docker-autoremove-suggests', 'Apt::AutoRemove::SuggestsImportant "false";\n'],
  ['/var/lib/dpkg/diversions', '/sbin/initctl\n/sbin/initctl.distrib\n:\n'],
];

export const XENIAL_APT_TWEAKS_CMD =
  "set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t" +
  "&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl \t\t" +
  "&& echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup \t\t" +
  `&& echo 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' > /etc/apt/apt.conf.d/docker-clean \t` +
  `&& echo 'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' >> /etc/apt/apt.conf.d/docker-clean \t` +
  `&& echo 'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >> /etc/apt/apt.conf.d/docker-clean \t\t` +
  `&& echo 'Acquire::Languages "none";' > /etc/apt/apt.conf.d/docker-no-languages \t\t` +
  `&& echo 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";' > /etc/apt/apt.conf.d/docker-gzip-indexes \t\t` +
  `&& echo 'Apt::AutoRemove::SuggestsImportant "false";' > /etc/apt/apt.conf.d/docker-autoremove-suggests`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

/** /docker-entrypoint.d of the nginx images: [file name, text] */
export const NGINX_ENTRYPOINT_D: [string, string][] = [
  [
    '10-listen-on-ipv6-by-default.sh',
    `#!/bin/sh
# Adds "listen [::]:80;" to the default server when the container has IPv6.
set -e
ME=$(basename "$0")
DEFAULT_CONF_FILE="/etc/nginx/conf.d/default.conf"

if [ ! -f "/proc/net/if_inet6" ]; then
    echo "$ME: info: ipv6 not available"
    exit 0
fi
if [ ! -f "$DEFAULT_CONF_FILE" ]; then
    echo "$ME: info: $DEFAULT_CONF_FILE is not a file or does not exist"
    exit 0
fi
if grep -q 'listen  \\[::]:80;' "$DEFAULT_CONF_FILE"; then
    echo "$ME: info: IPv6 listen already enabled"
    exit 0
fi
sed -i 's/listen       80;/listen       80;\\n    listen  [::]:80;/' "$DEFAULT_CONF_FILE"
echo "$ME: info: Enabled listen on IPv6 in $DEFAULT_CONF_FILE"
`,
  ],
  [
    '15-local-resolvers.envsh',
    `#!/bin/sh
# Sourced by the entrypoint: NGINX_LOCAL_RESOLVERS = the nameservers of /etc/resolv.conf,
# when NGINX_ENTRYPOINT_LOCAL_RESOLVERS is set.
[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0
NGINX_LOCAL_RESOLVERS=$(awk '/^nameserver/ { printf "%s ", $2 }' /etc/resolv.conf)
export NGINX_LOCAL_RESOLVERS
`,
  ],
  [
    '20-envsubst-on-templates.sh',
    `#!/bin/sh
# Renders /etc/nginx/templates/*.template into /etc/nginx/conf.d with the container's environment.
set -e
ME=$(basename "$0")
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"

[ -d "$template_dir" ] || exit 0
for template in "$template_dir"/*"$suffix"; do
    [ -f "$template" ] || continue
    name=$(basename "$template" "$suffix")
    echo "$ME: Running envsubst on $template to $output_dir/$name"
    envsubst < "$template" > "$output_dir/$name"
done
`,
  ],
  [
    '30-tune-worker-processes.sh',
    `#!/bin/sh
# Sets worker_processes to the number of CPUs the container may use,
# when NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE is set.
set -e
ME=$(basename "$0")
[ "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0
ncpu=$(nproc)
sed -i "s/^worker_processes .*/worker_processes  $ncpu;/" /etc/nginx/nginx.conf
echo "$ME: info: worker_processes set to $ncpu"
`,
  ],
];

export const ALPINE_REPOSITORIES = `https://dl-cdn.alpinelinux.org/alpine/v3.18/main
https://dl-cdn.alpinelinux.org/alpine/v3.18/community
`;

export const ALPINE_WORLD = `alpine-baselayout
alpine-keys
apk-tools
busybox
busybox-binsh
ca-certificates-bundle
libc-utils
libcrypto3
libssl3
musl
musl-utils
scanelf
ssl_client
zlib
`;
