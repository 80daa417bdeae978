/**
 * The units the learner's machine has for Docker, as Debian 12's docker.io
 * and containerd packages install them (unit files copied from those
 * packages): what systemd needs of each to run it (type of unit, dependencies,
 * restart and start-limit settings, the command line its main process shows),
 * and the files themselves, which the host filesystem holds.
 */

export type UnitName = 'docker.service' | 'docker.socket' | 'containerd.service';

export interface UnitDef {
  name: UnitName;
  kind: 'service' | 'socket';
  description: string;
  /** where its unit file is ("Loaded:" shows it) */
  fragmentPath: string;
  docs: string[];
  /** the [Install] target: `systemctl enable` links the unit there */
  wantedBy: string;
  /** ExecStart= as written, and the main process's command line once $DOCKER_OPTS is empty */
  execStart?: string;
  mainArgv?: string[];
  /** ExecStartPre= that ran before it ("Process:" shows it) */
  execStartPre?: string;
  /** Restart= and RestartSec= */
  restart?: 'on-failure' | 'always';
  restartSecMs?: number;
  /** StartLimitBurst= within StartLimitIntervalSec= (systemd's default: 5 in 10 s) */
  startLimitBurst: number;
  startLimitIntervalMs: number;
  /** Requires= (stopping it stops this unit), Wants= */
  requires: UnitName[];
  wants: UnitName[];
  /** a socket's unit to start on a connection, and what it listens on */
  triggers?: UnitName;
  listen?: string;
  /** the service a socket triggers is triggered by it */
  triggeredBy?: UnitName;
}

export const UNITS: Record<UnitName, UnitDef> = {
  'docker.service': {
    name: 'docker.service',
    kind: 'service',
    description: 'Docker Application Container Engine',
    fragmentPath: '/lib/systemd/system/docker.service',
    docs: ['https://docs.docker.com'],
    wantedBy: 'multi-user.target',
    execStart: '/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_OPTS',
    mainArgv: ['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'],
    restart: 'on-failure',
    restartSecMs: 100,
    startLimitBurst: 3,
    startLimitIntervalMs: 60_000,
    requires: ['docker.socket'],
    wants: ['containerd.service'],
    triggeredBy: 'docker.socket',
  },
  'docker.socket': {
    name: 'docker.socket',
    kind: 'socket',
    description: 'Docker Socket for the API',
    fragmentPath: '/lib/systemd/system/docker.socket',
    docs: [],
    wantedBy: 'sockets.target',
    startLimitBurst: 5,
    startLimitIntervalMs: 10_000,
    requires: [],
    wants: [],
    triggers: 'docker.service',
    listen: '/run/docker.sock',
  },
  'containerd.service': {
    name: 'containerd.service',
    kind: 'service',
    description: 'containerd container runtime',
    fragmentPath: '/lib/systemd/system/containerd.service',
    docs: ['https://containerd.io'],
    wantedBy: 'multi-user.target',
    execStart: '/usr/bin/containerd',
    mainArgv: ['/usr/bin/containerd'],
    execStartPre: '/sbin/modprobe overlay',
    restart: 'always',
    restartSecMs: 5000,
    startLimitBurst: 5,
    startLimitIntervalMs: 10_000,
    requires: [],
    wants: [],
  },
};

/** the unit files and the files around them, as the packages install them */
export const UNIT_FILES: Record<string, string> = {
  '/lib/systemd/system/docker.service': "[Unit]\nDescription=Docker Application Container Engine\nDocumentation=https://docs.docker.com\nAfter=network-online.target docker.socket firewalld.service containerd.service\nWants=network-online.target containerd.service\nRequires=docker.socket\n\n[Service]\nType=notify\n# the default is not to use systemd for cgroups because the delegate issues still\n# exists and systemd currently does not support the cgroup feature set required\n# for containers run by docker\nEnvironmentFile=-/etc/default/docker\nExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_OPTS\nExecReload=/bin/kill -s HUP $MAINPID\nLimitNOFILE=1048576\n# Having non-zero Limit*s causes performance problems due to accounting overhead\n# in the kernel. We recommend using cgroups to do container-local accounting.\nLimitNPROC=infinity\nLimitCORE=infinity\n# Uncomment TasksMax if your systemd version supports it.\n# Only systemd 226 and above support this version.\nTasksMax=infinity\nTimeoutStartSec=0\n# set delegate yes so that systemd does not reset the cgroups of docker containers\nDelegate=yes\n# kill only the docker process, not all processes in the cgroup\nKillMode=process\n# restart the docker process if it exits prematurely\nRestart=on-failure\nStartLimitBurst=3\nStartLimitInterval=60s\n\n[Install]\nWantedBy=multi-user.target\n",
  '/lib/systemd/system/docker.socket': "[Unit]\nDescription=Docker Socket for the API\n\n[Socket]\n# If /var/run is not implemented as a symlink to /run, you may need to\n# specify ListenStream=/var/run/docker.sock instead.\nListenStream=/run/docker.sock\nSocketMode=0660\nSocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n",
  '/lib/systemd/system/containerd.service': "# Copyright The containerd Authors.\n#\n# Licensed under the Apache License, Version 2.0 (the \"License\");\n# you may not use this file except in compliance with the License.\n# You may obtain a copy of the License at\n#\n#     http://www.apache.org/licenses/LICENSE-2.0\n#\n# Unless required by applicable law or agreed to in writing, software\n# distributed under the License is distributed on an \"AS IS\" BASIS,\n# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n# See the License for the specific language governing permissions and\n# limitations under the License.\n\n[Unit]\nDescription=containerd container runtime\nDocumentation=https://containerd.io\nAfter=network.target local-fs.target\n\n[Service]\nExecStartPre=-/sbin/modprobe overlay\nExecStart=/usr/bin/containerd\n\nType=notify\nDelegate=yes\nKillMode=process\nRestart=always\nRestartSec=5\n# Having non-zero Limit*s causes performance problems due to accounting overhead\n# in the kernel. We recommend using cgroups to do container-local accounting.\nLimitNPROC=infinity\nLimitCORE=infinity\nLimitNOFILE=infinity\n# Comment TasksMax if your systemd version does not supports it.\n# Only systemd 226 and above support this version.\nTasksMax=infinity\nOOMScoreAdjust=-999\n\n[Install]\nWantedBy=multi-user.target\n",
  '/etc/init.d/docker': "#!/bin/sh\nset -e\n\n### BEGIN INIT INFO\n# Provides:           docker\n# Required-Start:     $syslog $remote_fs\n# Required-Stop:      $syslog $remote_fs\n# Should-Start:       cgroupfs-mount cgroup-lite\n# Should-Stop:        cgroupfs-mount cgroup-lite\n# Default-Start:      2 3 4 5\n# Default-Stop:       0 1 6\n# Short-Description:  Create lightweight, portable, self-sufficient containers.\n# Description:\n#  Docker is an open-source project to easily create lightweight, portable,\n#  self-sufficient containers from any application. The same container that a\n#  developer builds and tests on a laptop can run at scale, in production, on\n#  VMs, bare metal, OpenStack clusters, public clouds and more.\n### END INIT INFO\n\nexport PATH=/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin\n\nBASE=docker\n\n# modify these in /etc/default/$BASE (/etc/default/docker)\nDOCKERD=/usr/sbin/dockerd\n# This is the pid file managed by docker itself\nDOCKER_PIDFILE=/var/run/$BASE.pid\n# This is the pid file created/managed by start-stop-daemon\nDOCKER_SSD_PIDFILE=/var/run/$BASE-ssd.pid\nDOCKER_LOGFILE=/var/log/$BASE.log\nDOCKER_OPTS=\nDOCKER_DESC=\"Docker\"\n\n# Get lsb functions\n. /lib/lsb/init-functions\n\nif [ -f /etc/default/$BASE ]; then\n\t. /etc/default/$BASE\nfi\n\n# Check docker is present\nif [ ! -x $DOCKERD ]; then\n\tlog_failure_msg \"$DOCKERD not present or not executable\"\n\texit 1\nfi\n\nfail_unless_root() {\n\tif [ \"$(id -u)\" != '0' ]; then\n\t\tlog_failure_msg \"$DOCKER_DESC must be run as root\"\n\t\texit 1\n\tfi\n}\n\ncgroupfs_mount() {\n\t# see also https://github.com/tianon/cgroupfs-mount/blob/master/cgroupfs-mount\n\tif grep -v '^#' /etc/fstab | grep -q cgroup \\\n\t\t|| [ ! -e /proc/cgroups ] \\\n\t\t|| [ ! -d /sys/fs/cgroup ]; then\n\t\treturn\n\tfi\n\tif ! mountpoint -q /sys/fs/cgroup; then\n\t\tmount -t tmpfs -o uid=0,gid=0,mode=0755 cgroup /sys/fs/cgroup\n\tfi\n\t(\n\t\tcd /sys/fs/cgroup\n\t\tfor sys in $(awk '!/^#/ { if ($4 == 1) print $1 }' /proc/cgroups); do\n\t\t\tmkdir -p $sys\n\t\t\tif ! mountpoint -q $sys; then\n\t\t\t\tif ! mount -n -t cgroup -o $sys cgroup $sys; then\n\t\t\t\t\trmdir $sys || true\n\t\t\t\tfi\n\t\t\tfi\n\t\tdone\n\t)\n}\n\ncase \"$1\" in\n\tstart)\n\t\tfail_unless_root\n\n\t\tcgroupfs_mount\n\n\t\ttouch \"$DOCKER_LOGFILE\"\n\t\tchgrp docker \"$DOCKER_LOGFILE\"\n\n\t\tulimit -n 1048576\n\n\t\t# Having non-zero limits causes performance problems due to accounting overhead\n\t\t# in the kernel. We recommend using cgroups to do container-local accounting.\n\t\tif [ \"$BASH\" ]; then\n\t\t\tulimit -u unlimited\n\t\telse\n\t\t\tulimit -p unlimited\n\t\tfi\n\n\t\tlog_begin_msg \"Starting $DOCKER_DESC: $BASE\"\n\t\t$0 status >>/dev/null \\\n\t\t|| start-stop-daemon --start --background \\\n\t\t\t--no-close \\\n\t\t\t--exec \"$DOCKERD\" \\\n\t\t\t--pidfile \"$DOCKER_SSD_PIDFILE\" \\\n\t\t\t--make-pidfile \\\n\t\t\t-- \\\n\t\t\t-p \"$DOCKER_PIDFILE\" \\\n\t\t\t$DOCKER_OPTS \\\n\t\t\t>> \"$DOCKER_LOGFILE\" 2>&1\n\t\tlog_end_msg $?\n\t\t;;\n\n\tstop)\n\t\tfail_unless_root\n\t\tif [ -f \"$DOCKER_SSD_PIDFILE\" ]; then\n\t\t\tlog_begin_msg \"Stopping $DOCKER_DESC: $BASE\"\n\t\t\tstart-stop-daemon --stop --pidfile \"$DOCKER_SSD_PIDFILE\" --remove-pidfile --retry 10\n\t\t\tlog_end_msg $?\n\t\telse\n\t\t\tlog_warning_msg \"Docker already stopped - file $DOCKER_SSD_PIDFILE not found.\"\n\t\tfi\n\t\t;;\n\n\trestart)\n\t\tfail_unless_root\n\t\tdocker_pid=$(cat \"$DOCKER_SSD_PIDFILE\" 2> /dev/null)\n\t\t[ -n \"$docker_pid\" ] \\\n\t\t\t&& ps -p $docker_pid > /dev/null 2>&1 \\\n\t\t\t&& $0 stop\n\t\t$0 start\n\t\t;;\n\n\tforce-reload)\n\t\tfail_unless_root\n\t\t$0 restart\n\t\t;;\n\n\tstatus)\n\t\tstatus_of_proc -p \"$DOCKER_SSD_PIDFILE\" \"$DOCKERD\" \"$DOCKER_DESC\"\n\t\t;;\n\n\t*)\n\t\techo \"Usage: service docker {start|stop|restart|status}\"\n\t\texit 1\n\t\t;;\nesac\n",
  '/etc/default/docker': "# Here in Debian, this file is sourced by:\n#   - /etc/init.d/docker (sysvinit)\n#   - /etc/init/docker (upstart)\n#   - systemd's docker.service\n\n# Use of this file for configuring your Docker daemon is discouraged.\n\n# The recommended alternative is \"/etc/docker/daemon.json\", as described in:\n#   https://docs.docker.com/engine/reference/commandline/dockerd/#daemon-configuration-file\n\n# If that does not suit your needs, try a systemd drop-in file, as described in:\n#   https://docs.docker.com/config/daemon/systemd/\n",
};

/** where `systemctl enable` links a unit */
export function wantsLink(u: UnitDef): string {
  return `/etc/systemd/system/${u.wantedBy}.wants/${u.name}`;
}
