# Volumes and mounts that go wrong: an unknown volume driver, bad local driver options, names that are too short or
# have bad characters, create twice, labels and the volume ls filters, read-only mounts, relative bind paths, duplicate
# mount points, bad --mount fields, volume rm of unknown / in-use volumes with and without -f, and --volumes-from.
docker pull busybox
docker volume create -d nosuchdriver v1
docker volume create --opt foo=bar badopt
docker volume create a
docker volume create 'bad name'
docker volume create data
docker volume create data
docker volume create --label env=dev --label tier=db labelled
docker volume ls -f label=env=dev
docker volume ls -f label=tier --format '{{.Name}} {{.Driver}} {{.Labels}}'
docker volume ls -f driver=local -q
docker volume ls -f name=dat -q
docker volume ls -f dangling=true -q
docker volume ls -f bogus=1
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Mountpoint}} {{.Scope}}' data
docker volume inspect -f '{{json .Labels}} {{json .Options}}' labelled
docker volume create --opt type=tmpfs --opt device=tmpfs --opt o=size=1m tmpvol
docker volume inspect -f '{{json .Options}}' tmpvol
docker run --rm -v data:/data busybox sh -c 'echo kept > /data/file.txt'
docker run --rm -v data:/data:ro busybox cat /data/file.txt
docker run --rm -v data:/data:ro busybox touch /data/new.txt
docker run --rm --mount source=data,target=/data,readonly busybox sh -c 'echo x > /data/x'
docker run --rm -v data:/data:rw,ro busybox true
docker run --rm -v data:/data:bogus busybox true
docker run --rm -v relative/path:/data busybox true
docker run --rm -v data:relative busybox true
docker run --rm -v data:/data -v labelled:/data busybox true
docker run --rm --mount type=bind,source=relative,target=/x busybox true
docker run --rm --mount type=volume,target=/x,volume-driver=nosuch busybox true
docker run --rm --mount type=tmpfs,source=foo,target=/x busybox true
docker run --rm --mount type=nfs,target=/x busybox true
docker run --rm --mount source=data busybox true
docker run --rm --mount type=volume,src=data,dst=/data,bogus=1 busybox true
docker run --rm --tmpfs /scratch busybox sh -c 'echo tmp > /scratch/t; cat /scratch/t'
docker run -d --name holder -v data:/data busybox sleep 1000
docker run --rm --volumes-from holder busybox cat /data/file.txt
docker run --rm --volumes-from nosuch busybox true
docker volume rm data
docker volume rm -f data
docker volume rm nosuch
docker volume rm -f nosuch
docker volume rm labelled tmpvol nosuch
docker rm -f holder
docker volume ls -f dangling=true -q
docker volume rm data
docker volume ls
