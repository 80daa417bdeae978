# Ctrl-C and Ctrl-P Ctrl-Q on a terminal, and Docker's signal rules without one: Ctrl-C interrupts the program
# running in the shell of `docker run -it` and the shell prompts again; the detach keys work while a program runs;
# without -t Ctrl-C is proxied to PID 1 (sig-proxy), which ignores it unless it has a handler: `sleep` as PID 1
# goes on, with or without a terminal, and so does bash -c waiting on `sleep 1`; dash -c ends (130). The containers
# that go on are left running: the runner cannot kill a docker CLI that proxies signals the way the recorder's
# SIGKILL does, and its late exit would change `$?` for a later step.
# Sources: 004 容器互联 (`docker run -it --rm --name busybox1 --network my-net busybox sh`, then `ping busybox2`);
# 000/003/004 守护态运行 (the endless loop stopped with Ctrl-C); 004 进入容器 (Ctrl-P Ctrl-Q).
docker pull busybox
docker pull ubuntu:18.04
#@ wait: 1.5
#@ stdin: sleep 1000
#@ wait: 2
#@ keys: \x03
#@ wait: 1
#@ stdin: echo status $?
#@ stdin: exit
docker run -it --rm --name busybox1 busybox sh
#@ wait: 1.5
#@ stdin: sleep 1000
#@ wait: 2
#@ keys: \x10\x11
docker run -it --name busybox3 busybox sh
docker ps --format '{{.Names}}: {{.Status}} {{.Command}}'
#@ wait: 2
#@ keys: \x03
#@ timeout: 6
docker run --name sleeper busybox sleep 1000
#@ wait: 2
#@ keys: \x03
#@ timeout: 6
docker run -it --name ttysleeper busybox sleep 1000
#@ wait: 2
#@ keys: \x03
#@ timeout: 8
docker run --name bashloop ubuntu:18.04 bash -c "while true; do sleep 1; done"
#@ wait: 2
#@ keys: \x03
#@ timeout: 8
docker run --name dashloop ubuntu:18.04 sh -c "while true; do sleep 1; done"
docker ps -a --format '{{.Names}}: {{.Status}}'
