import { describe, expect, it } from 'vitest';
import { tabulate, tabwrite } from './tabwriter';

// Captured from a real docker 20.10.24: the rows as `--format` TSV and the table docker printed.
const PS_TSV = "b9b3e4489b26\tbusybox\t\"sleep 1000\"\t2 minutes ago\tUp 2 minutes\t127.0.0.1:8093->53/udp, 0.0.0.0:8091->80/tcp, :::8091->80/tcp, 0.0.0.0:8092->443/tcp, :::8092->443/tcp, 0.0.0.0:9000->7000/tcp, :::9000->7000/tcp, 0.0.0.0:9001->7001/tcp, :::9001->7001/tcp\tarchive-test-ports\n8ae87e3c5014\tbusybox\t\"sleep 100000\"\t2 minutes ago\tUp 2 minutes\t127.0.0.1:32768->80/tcp\tarchive-test-run\naa090602cf6a\tbusybox\t\"sleep 100\"\t3 minutes ago\tExited (137) 2 minutes ago\t\tcont-test-f\nae004722e5be\tbusybox\t\"sh -c 'echo hi > /r\u2026\"\t7 minutes ago\tExited (0) 7 minutes ago\t\tarchive-test-exp\n";
const PS_TABLE = "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                       PORTS                                                                                                                                                                                          NAMES\nb9b3e4489b26   busybox   \"sleep 1000\"             2 minutes ago   Up 2 minutes                 127.0.0.1:8093->53/udp, 0.0.0.0:8091->80/tcp, :::8091->80/tcp, 0.0.0.0:8092->443/tcp, :::8092->443/tcp, 0.0.0.0:9000->7000/tcp, :::9000->7000/tcp, 0.0.0.0:9001->7001/tcp, :::9001->7001/tcp   archive-test-ports\n8ae87e3c5014   busybox   \"sleep 100000\"           2 minutes ago   Up 2 minutes                 127.0.0.1:32768->80/tcp                                                                                                                                                                        archive-test-run\naa090602cf6a   busybox   \"sleep 100\"              3 minutes ago   Exited (137) 2 minutes ago                                                                                                                                                                                                  cont-test-f\nae004722e5be   busybox   \"sh -c 'echo hi > /r\u2026\"   7 minutes ago   Exited (0) 7 minutes ago                                                                                                                                                                                                    archive-test-exp\n";
const IMAGES_TSV = "<none>\t<none>\t5fad07653f47\t30 seconds ago\t1.99MB\n<none>\t<none>\tcf2cb127ac53\t30 seconds ago\t1.99MB\n<none>\t<none>\t2b677605ab85\t31 seconds ago\t1.99MB\n<none>\t<none>\tb0d8ef07c410\t31 seconds ago\t1.99MB\n<none>\t<none>\t708f67cee191\t32 seconds ago\t1.99MB\n<none>\t<none>\t82d2946427b8\t33 seconds ago\t1.99MB\n<none>\t<none>\t5b8582805684\t33 seconds ago\t1.99MB\n<none>\t<none>\t349697775706\t34 seconds ago\t1.99MB\n<none>\t<none>\td6f310aa56af\t34 seconds ago\t1.99MB\n<none>\t<none>\t970a8210758d\t35 seconds ago\t1.99MB\n<none>\t<none>\t4dc9a2ed7528\t35 seconds ago\t1.99MB\narchive-test/commit\tv1\t6360c6d06a93\t48 seconds ago\t1.99MB\narchive-test/imp\tv1\t235efd32eb2f\t5 minutes ago\t300kB\narchive-test/bb\tv1\t4ca6d8d59ebe\t11 minutes ago\t1.99MB\nbusybox\tlatest\t4ca6d8d59ebe\t11 minutes ago\t1.99MB\n";
const IMAGES_TABLE = "REPOSITORY            TAG       IMAGE ID       CREATED          SIZE\n<none>                <none>    5fad07653f47   30 seconds ago   1.99MB\n<none>                <none>    cf2cb127ac53   30 seconds ago   1.99MB\n<none>                <none>    2b677605ab85   31 seconds ago   1.99MB\n<none>                <none>    b0d8ef07c410   31 seconds ago   1.99MB\n<none>                <none>    708f67cee191   32 seconds ago   1.99MB\n<none>                <none>    82d2946427b8   33 seconds ago   1.99MB\n<none>                <none>    5b8582805684   33 seconds ago   1.99MB\n<none>                <none>    349697775706   34 seconds ago   1.99MB\n<none>                <none>    d6f310aa56af   34 seconds ago   1.99MB\n<none>                <none>    970a8210758d   35 seconds ago   1.99MB\n<none>                <none>    4dc9a2ed7528   35 seconds ago   1.99MB\narchive-test/commit   v1        6360c6d06a93   48 seconds ago   1.99MB\narchive-test/imp      v1        235efd32eb2f   5 minutes ago    300kB\narchive-test/bb       v1        4ca6d8d59ebe   11 minutes ago   1.99MB\nbusybox               latest    4ca6d8d59ebe   11 minutes ago   1.99MB\n";

describe('tabwrite (Go text/tabwriter, docker settings)', () => {
  it('prints an empty docker ps header exactly', () => {
    expect(tabwrite('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n')).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });
  it('matches docker ps -a', () => {
    const header = 'CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n';
    expect(tabwrite(header + PS_TSV)).toBe(PS_TABLE);
  });
  it('matches docker images', () => {
    const header = 'REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n';
    expect(tabwrite(header + IMAGES_TSV)).toBe(IMAGES_TABLE);
  });
  it('keeps trailing padding of empty last columns (docker search)', () => {
    const out = tabulate([
      ['NAME', 'DESCRIPTION', 'STARS', 'OFFICIAL', 'AUTOMATED'],
      ['centos', 'The official build of CentOS.', '6449', '[OK]', ''],
      ['ansible/centos7-ansible', 'Ansible on Centos7', '132', '', '[OK]'],
      ['consol/centos-xfce-vnc', 'Centos container with "headless" VNC session…', '126', '', '[OK]'],
    ]);
    expect(out).toBe(
      'NAME                      DESCRIPTION                                     STARS     OFFICIAL   AUTOMATED\n' +
        'centos                    The official build of CentOS.                   6449      [OK]       \n' +
        'ansible/centos7-ansible   Ansible on Centos7                              132                  [OK]\n' +
        'consol/centos-xfce-vnc    Centos container with "headless" VNC session…   126                  [OK]\n',
    );
  });
  it('aligns blocks separately when a line has fewer cells', () => {
    expect(tabwrite('a\tb\tc\nlonger-cell-here\tx\n\nq\tw\n')).toBe(
      'a                  b         c\n' + 'longer-cell-here   x\n' + '\n' + 'q         w\n',
    );
  });
  it('columns of a block end where a row has no cell there', () => {
    // row 2 has only 2 cells, so column 1 of rows 1 and 3 are separate blocks
    expect(tabwrite('a\tbbbbbbbbbbbbbbb\tc\nx\ty\nd\te\tf\n')).toBe(
      'a         bbbbbbbbbbbbbbb   c\n' + 'x         y\n' + 'd         e         f\n',
    );
  });
  it('counts runes, not bytes or display cells', () => {
    expect(tabwrite('日本語\tx\nab\ty\n')).toBe('日本語       x\nab        y\n');
  });
  it('lays out a final line without newline and prints it without one', () => {
    expect(tabwrite('a\tb\nc\td')).toBe('a         b\nc         d');
  });
});
