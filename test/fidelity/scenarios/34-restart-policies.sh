# Restart policies over time: on-failure:N gives up after N restarts, on-failure ignores exit 0, always and
# unless-stopped after docker stop / docker kill, RestartCount and the policy in inspect, docker update --restart,
# and the policies the CLI and the daemon refuse (--rm with --restart, unknown names, retry counts).
docker pull busybox
docker run -d --name onfail --restart on-failure:2 busybox sh -c 'echo "run at start"; exit 3'
#@ sleep: 6
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}} {{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' onfail
docker logs onfail
docker run -d --name clean --restart on-failure busybox true
docker run -d --name slowfail --restart on-failure:1 busybox sh -c 'echo up; sleep 2; exit 4'
#@ sleep: 8
docker ps -a --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' clean
docker inspect -f '{{.RestartCount}} {{.State.Status}} {{.State.ExitCode}}' slowfail
docker logs slowfail
docker run -d --name keeper --restart always busybox sleep 1000
docker run -d --name unless --restart unless-stopped busybox sleep 1000
docker stop -t 1 keeper unless
#@ sleep: 1
docker ps -a --filter name=keeper --filter name=unless --format '{{.Names}}: {{.Status}}'
docker start keeper unless
docker kill keeper
#@ sleep: 1
docker ps -a --filter name=keeper --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.RestartCount}} {{.State.Status}}' keeper
docker update --restart no unless
docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' unless
docker update --restart on-failure:5 unless
docker inspect -f '{{json .HostConfig.RestartPolicy}}' unless
docker run -d --name always2 --restart=always busybox sleep 1000
docker restart -t 1 always2
docker inspect -f '{{.RestartCount}} {{.State.Status}}' always2
docker rm always2
docker run --rm --restart always busybox true
docker run -d --restart sometimes busybox true
docker run -d --restart on-failure:x busybox true
docker run -d --restart always:3 busybox true
docker run -d --restart on-failure:-1 busybox true
docker run -d --restart unless-stopped:2 busybox true
docker run -d --name autorm --rm busybox sleep 1000
docker update --restart always autorm
docker update --restart sometimes keeper
docker rm -f onfail clean slowfail keeper unless always2 autorm
