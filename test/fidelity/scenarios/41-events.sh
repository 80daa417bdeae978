# docker events over a fixed window (--since a date in the past, --until now, so it returns): what a pull, tag, run,
# exec, stop, rm, volume and network commands report, in order, with their attributes; filters by type, event, container,
# image, label, network and volume; --format templates; bad filters and times; a plain `docker events` cut by a timeout.
docker pull busybox
docker tag busybox busybox:events
docker volume create evdata
docker network create evnet
docker run -d --name ev1 --label team=blue -v evdata:/data --network evnet busybox sleep 1000
docker exec ev1 true
docker stop -t 1 ev1
docker rm ev1
docker run --rm --name ev2 busybox echo hi
docker network rm evnet
docker volume rm evdata
docker rmi busybox:events
docker events --since 2000-01-01 --until 0s
docker events --since 2000-01-01 --until 0s --filter type=container
docker events --since 2000-01-01 --until 0s --filter event=start --filter event=die
docker events --since 2000-01-01 --until 0s --filter container=ev2
docker events --since 2000-01-01 --until 0s --filter image=busybox --filter event=create
docker events --since 2000-01-01 --until 0s --filter label=team=blue --format '{{.Action}} {{.Actor.Attributes.name}}'
docker events --since 2000-01-01 --until 0s --filter type=network --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.type}}'
docker events --since 2000-01-01 --until 0s --filter type=volume --format '{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.driver}}'
docker events --since 2000-01-01 --until 0s --filter type=image --format '{{.Action}} {{.Actor.Attributes.name}}'
docker events --since 2000-01-01 --until 0s --filter volume=evdata --format '{{.Action}} {{.Actor.Attributes.destination}}'
docker events --since 2000-01-01 --until 0s --filter network=evnet --format '{{.Action}}'
docker events --since 2000-01-01 --until 0s --filter type=container --format '{{.Status}} {{.From}}' --filter event=destroy
docker events --since 2000-01-01 --until 0s --filter event=exec_create --filter event=exec_start --filter event=exec_die --format '{{.Action}}'
docker events --since 2000-01-01 --until 0s --filter bogus=1
docker events --since 2000-01-01 --until 0s --filter type=bogus
docker events --since yesterday --until 0s
docker events --since 2000-01-01 --until 2000-01-02
#@ timeout: 2
docker events
