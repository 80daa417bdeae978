/**
 * Canned `docker search` rows of the stand-in Hub (shared/fidelity/lib/hubfront.py
 * SEARCH_DB): the tutorial's centos rows, then the official images served.
 * Repositories users push are added at search time (0 stars, no description).
 */
import type { ImageSearchResult } from '../../api/image';

const row = (name: string, description: string, stars: number, official: boolean, automated: boolean): ImageSearchResult => ({
  star_count: stars,
  is_official: official,
  name,
  is_automated: automated,
  description,
});

export const SEARCH_ROWS: readonly ImageSearchResult[] = [
  row('centos', 'The official build of CentOS.', 6449, true, false),
  row('ansible/centos7-ansible', 'Ansible on Centos7', 132, false, true),
  row(
    'consol/centos-xfce-vnc',
    'Centos container with "headless" VNC session. Contains Xfce4 UI, firefox and jdk.',
    126,
    false,
    true,
  ),
  row('jdeathe/centos-ssh', 'OpenSSH / Supervisor / EPEL/IUS/SCL Repos - CentOS.', 117, false, true),
  row('centos/systemd', 'systemd enabled base container.', 96, false, true),
  row('ubuntu', 'Ubuntu is a Debian-based Linux operating system based on free software.', 16000, true, false),
  row('nginx', 'Official build of Nginx.', 19000, true, false),
  row('busybox', 'Busybox base image.', 3100, true, false),
  row(
    'redis',
    'Redis is an open source key-value store that functions as a data structure server.',
    12000,
    true,
    false,
  ),
  row('mongo', 'MongoDB document databases provide high availability and easy scalability.', 9800, true, false),
  row('hello-world', 'Hello World! (an example of minimal Dockerization)', 2100, true, false),
  row(
    'registry',
    'The Docker Registry 2.0 implementation for storing and distributing Docker images',
    3900,
    true,
    false,
  ),
];
