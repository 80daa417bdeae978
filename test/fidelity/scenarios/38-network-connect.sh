# User-defined networks beyond the basics: --network-alias, network connect (with --alias, twice), disconnect (twice),
# name resolution before and after, containers on two networks, a subnet/gateway and a fixed --ip, --ip on the default
# bridge, host and none networks, network ls filters and formats, inspect templates, rm and prune.
docker pull busybox
docker network create appnet
docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 fixednet
docker network ls --filter driver=bridge --format '{{.Name}} {{.Driver}} {{.Scope}}'
docker network ls -f name=net --format '{{.Name}}'
docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' fixednet
docker run -d --name db --network appnet --network-alias database busybox sleep 1000
docker inspect -f '{{json .NetworkSettings.Networks.appnet.Aliases}} {{.NetworkSettings.Networks.appnet.IPAddress}}' db
docker run --rm --network appnet busybox ping -c 1 database
docker run -d --name web busybox sleep 1000
docker exec web ping -c 1 -W 1 db
docker network connect appnet web
docker exec web ping -c 1 db
docker exec db ping -c 1 web
docker network connect appnet web
docker network connect --alias www fixednet web
docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' web
docker inspect -f '{{json .NetworkSettings.Networks.fixednet.Aliases}}' web
docker run -d --name fixed --network fixednet --ip 10.10.0.50 busybox sleep 1000
docker inspect -f '{{.NetworkSettings.Networks.fixednet.IPAddress}}' fixed
docker exec fixed ping -c 1 www
docker run -d --network fixednet --ip 10.10.0.50 busybox sleep 1000
docker run -d --network fixednet --ip 10.20.0.5 busybox sleep 1000
docker run -d --ip 172.17.0.99 busybox sleep 1000
docker network disconnect appnet web
docker exec web ping -c 1 -W 1 db
docker network disconnect appnet web
docker network connect nosuchnet web
docker network connect appnet nosuch
docker network connect host web
docker run -d --name isolated --network none busybox sleep 1000
docker network connect appnet isolated
docker run --rm --network host busybox hostname -s | wc -l
docker run --rm --network none busybox ping -c 1 -W 1 8.8.8.8
docker network inspect -f '{{len .Containers}}' appnet
docker network inspect -f '{{.Name}} {{.Driver}} {{.Internal}} {{.Attachable}}' appnet bridge
docker network rm appnet
docker network disconnect -f appnet db
docker network rm appnet
docker network rm fixednet
docker rm -f db web fixed isolated
docker network ls --format '{{.Name}}'
#@ stdin: y
docker network prune
docker network ls
