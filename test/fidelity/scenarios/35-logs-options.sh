# docker logs options: stdout and stderr kept apart, --tail / -n (0, a number, all, a bad value), --timestamps,
# --since / --until with dates and durations (and a bad value), -f cut by a timeout and -f on an exited container,
# --details with a log label, a tty container's logs, --log-driver none, unknown log drivers and log options.
docker pull busybox
docker run -d --name chatty busybox sh -c 'for i in 1 2 3 4 5; do echo "out $i"; done; sleep 1; echo "err 1" >&2; echo "err 2" >&2; sleep 1000'
#@ sleep: 2
docker logs chatty
docker logs chatty 2>/dev/null
docker logs chatty 2>&1 >/dev/null
docker logs --tail 2 chatty
docker logs -n 1 chatty
docker logs --tail 0 chatty
docker logs --tail all chatty 2>/dev/null
docker logs --tail abc chatty
docker logs --tail -1 chatty 2>/dev/null
docker logs -t --tail 1 chatty
docker logs --timestamps chatty 2>/dev/null | head -n 2
docker logs --since 1h chatty 2>/dev/null
docker logs --since 2000-01-01 chatty 2>/dev/null
docker logs --since 2099-01-01T00:00:00Z chatty
docker logs --until 2000-01-01 chatty
docker logs --until 1h chatty
docker logs --since yesterday chatty
docker logs --until 5x chatty
#@ timeout: 3
docker logs -f chatty 2>/dev/null
#@ timeout: 3
docker logs -f --tail 1 chatty
docker run --name quick busybox echo done
docker logs -f quick
docker logs --follow --timestamps quick | wc -l
docker run -d --name labelled --label env=dev --log-opt labels=env busybox echo detailed
docker logs --details labelled
docker logs labelled
docker run -d -t --name tty busybox sh -c 'echo one; echo two >&2'
docker logs tty
docker logs tty 2>/dev/null | wc -l
docker run -d --name silent --log-driver none busybox echo nothing
docker logs silent
docker inspect -f '{{.HostConfig.LogConfig.Type}}' silent
docker inspect -f '{{.HostConfig.LogConfig.Type}} {{json .HostConfig.LogConfig.Config}}' chatty
docker run -d --log-driver nosuchdriver busybox true
docker run -d --log-opt max-size=abc busybox true
docker run -d --log-opt bogus=1 busybox true
docker run -d --name capped --log-opt max-size=1k --log-opt max-file=2 busybox echo capped
docker inspect -f '{{json .HostConfig.LogConfig}}' capped
docker logs nosuch
docker logs
docker create --name fresh busybox echo never
docker logs fresh
docker rm -f chatty quick labelled tty silent capped fresh
