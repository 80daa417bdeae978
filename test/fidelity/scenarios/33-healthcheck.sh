# Health checks over time: HEALTHCHECK in a Dockerfile and --health-* flags on docker run; the (health: starting),
# (unhealthy) and (healthy) states in docker ps as checks fail and pass, State.Health in inspect, a check that times
# out, --no-healthcheck, HEALTHCHECK NONE in a child image, and the health= filter of docker ps.
mkdir hc
cd hc
printf '%s\n' 'FROM busybox' 'HEALTHCHECK --interval=2s --timeout=1s --retries=2 CMD test -f /tmp/healthy || exit 1' 'CMD ["sleep", "1000"]' > Dockerfile
docker build -t hcimage .
docker image inspect -f '{{json .Config.Healthcheck}}' hcimage
docker history --format '{{.CreatedBy}}' hcimage | head -n 3
docker run -d --name checked hcimage
docker ps --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.State.Health.Status}}' checked
#@ sleep: 7
docker ps --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.State.Health.Status}}' checked
docker inspect -f '{{with index .State.Health.Log 0}}{{.ExitCode}} [{{.Output}}]{{end}}' checked
docker exec checked touch /tmp/healthy
#@ sleep: 4
docker ps --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' checked
docker run -d --name flagged --health-cmd 'echo probe-ok' --health-interval 1s busybox sleep 1000
docker run -d --name slow --health-cmd 'sleep 5' --health-interval 1s --health-timeout 1s --health-retries 1 busybox sleep 1000
docker run -d --name unchecked --no-healthcheck hcimage
#@ sleep: 4
docker ps --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{json .Config.Healthcheck}}' flagged
docker inspect -f '{{with index .State.Health.Log 0}}{{.ExitCode}} [{{.Output}}]{{end}}' flagged
docker inspect -f '{{with index .State.Health.Log 0}}{{.ExitCode}} [{{.Output}}]{{end}}' slow
docker inspect -f '{{json .Config.Healthcheck}}' unchecked
docker inspect -f '{{.State.Health}}' unchecked
docker ps --filter health=healthy --format '{{.Names}}'
docker ps --filter health=unhealthy --format '{{.Names}}'
docker ps --filter health=none --format '{{.Names}}'
docker ps --filter health=sick
printf '%s\n' 'FROM hcimage' 'HEALTHCHECK NONE' > Dockerfile.none
docker build -q -f Dockerfile.none -t hcnone .
docker image inspect -f '{{json .Config.Healthcheck}}' hcnone
docker run -d --name none hcnone
docker ps --filter name=none --format '{{.Names}}: {{.Status}}'
docker run --rm --health-interval 1s busybox true
docker run -d --health-cmd 'true' --health-interval 500us busybox true
docker run -d --health-cmd 'true' --health-retries -1 busybox true
docker rm -f checked flagged slow unchecked none
