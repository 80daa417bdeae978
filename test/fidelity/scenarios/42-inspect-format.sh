# docker inspect and --format on every object kind (container, image, volume, network) with --type, several objects
# at once, found and missing objects mixed, template functions (json, upper, lower, title, split, join, index, len,
# printf, println, range, with, if/else, eq), a map key that is missing, template syntax and execution errors, --size.
docker pull busybox
docker volume create fmtvol
docker network create fmtnet
docker run -d --name fmt --label role=demo --label tier=back -e FOO=bar -v fmtvol:/data --network fmtnet -p 8080:80 -w /tmp busybox sleep 1000
docker inspect -f '{{.Name}} {{.State.Status}} {{.Config.Image}} {{.Path}} {{.Args}}' fmt
docker inspect --format '{{json .Config.Labels}}' fmt
docker inspect -f '{{.Config.Labels.role}} {{index .Config.Labels "tier"}}' fmt
docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' fmt
docker inspect -f '{{range $i, $e := .Config.Env}}{{$i}}:{{$e}} {{end}}' fmt
docker inspect -f '{{join .Config.Cmd " "}} | {{upper .Name}} | {{lower "ABC"}} | {{title "hello world"}}' fmt
docker inspect -f '{{split .Config.Image ":"}} {{len .Mounts}} {{printf "%05d" 42}}' fmt
docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}} {{.RW}}{{end}}' fmt
docker inspect -f '{{(index .NetworkSettings.Ports "80/tcp")}}' fmt
docker inspect -f '{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}' fmt
docker inspect -f '{{if eq .State.Status "running"}}up{{else}}down{{end}} {{if .State.Paused}}paused{{else}}not paused{{end}}' fmt
docker inspect -f '{{with .Config.User}}user={{.}}{{else}}no user{{end}} wd={{.Config.WorkingDir}}' fmt
docker inspect -f '{{.HostConfig.NetworkMode}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.AutoRemove}}' fmt
docker inspect -f '{{.Config.Labels.missing}}' fmt
docker inspect -f '{{index .Config.Labels "missing"}}' fmt
docker inspect -f '{{.NoSuchField}}' fmt
docker inspect -f '{{.Name' fmt
docker inspect -f '{{nosuchfunc .Name}}' fmt
docker inspect -f '{{.State.Pid | printf "%T"}}' fmt
docker inspect -f '{{.Id}}' fmt | wc -c
docker image inspect -f '{{.Os}}/{{.Architecture}} {{len .RootFS.Layers}} {{.RootFS.Type}} {{.Config.Cmd}}' busybox
docker image inspect -f '{{json .RepoTags}} {{len .RepoDigests}}' busybox
docker inspect --type image -f '{{.Architecture}} {{.Os}} {{.DockerVersion}}' busybox
docker volume inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.Mountpoint}}' fmtvol
docker network inspect -f '{{.Name}} {{.Driver}} {{.Scope}} {{.EnableIPv6}} {{len .Containers}}' fmtnet
docker inspect -f '{{.Name}}' fmtvol
docker inspect --type volume -f '{{.Name}} {{.Driver}}' fmtvol
docker inspect --type network -f '{{.Name}}' fmtnet bridge
docker inspect --type container -f '{{.Name}}' busybox
docker inspect --type bogus fmt
docker inspect -f '{{.Name}}' fmt nosuch
docker inspect nosuch
docker inspect -f '{{.Name}}' nosuch1 nosuch2
docker inspect --type image nosuch
docker inspect -s -f '{{.SizeRw}}' fmt
docker exec fmt sh -c 'echo 12345 > /tmp/five'
docker inspect --size -f '{{.SizeRw}}' fmt
docker inspect -f '{{.SizeRw}}' fmt
docker container inspect -f '{{.Name}}' fmtnet
docker container ls --format '{{.Names}} {{.Labels}} {{.Label "role"}} {{.Mounts}} {{.Networks}}'
docker container ls --format '{{json .Names}} {{.Size}}' -s
docker rm -f fmt
docker network rm fmtnet
docker volume rm fmtvol
