# Operating on running containers: docker top (and ps options without a PID column), stats --no-stream with --format
# (names and ids: the usage figures are the host's), rename (to a taken name, to the same name, an invalid name),
# pause / unpause (twice, on a stopped container, exec while paused), update of memory / cpu settings and its errors.
docker pull busybox
docker run -d --name app busybox sleep 1000
docker run -d --name other busybox sleep 1000
docker top app
docker top app -o user,args
docker top nosuch
docker stats --no-stream --format '{{.Name}} {{.ID}}' app
docker stats --no-stream --format 'table {{.Name}}\t{{.Container}}' app other
docker stats --no-stream --format '{{.Container}} {{.Name}}' app
docker stats --no-stream nosuch
docker rename app web
docker ps --format '{{.Names}}'
docker rename web other
docker rename web web
docker rename web 'bad name'
docker rename nosuch newname
docker rename web
docker pause web
docker ps --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.Running}}' web
docker pause web
docker exec web echo hi
docker stats --no-stream --format '{{.Name}} {{.Container}}' web
docker top web
docker unpause web
docker unpause web
docker exec web echo hi
docker update --memory 64m web
docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' web
docker update --cpus 0.5 --cpu-shares 512 web
docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}}' web
docker update --memory 2m web
docker update --memory 32m --memory-swap 16m web
docker update --cpus 0.5 --cpu-period 100000 web
docker update --memory abc web
docker update nosuch
docker update --memory 64m nosuch web
docker stop -t 1 other
docker pause other
docker unpause other
docker top other
docker stats --no-stream --all --format '{{.Name}}'
docker rm -f web other
