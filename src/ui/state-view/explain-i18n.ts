/**
 * The plain-language cards of the state view (explain.ts) in English and
 * Simplified Chinese, with the tutorials' words (虚悬镜像 for a dangling
 * image). Templates take {placeholders} (fmt in src/ui/i18n.ts); every key in
 * both languages (the type says so, explain.test.ts checks none is empty).
 */
import type { Lang } from '../i18n';

export interface ExplainDictionary {
  headings: { what: string; why: string; shared: string; remove: string; holds: string };
  list: string;
  image: {
    named: string;
    dangling: string;
    whyDangling: string;
    whyStays: string;
    containers: string;
    noContainers: string;
    sharedWith: string;
    onlyItsOwn: string;
    ownLayers: string;
    rmiUntagOnly: string;
    rmiRunning: string;
    /** the same for an image named by its ID (a dangling one): -f does not help */
    rmiRunningId: string;
    rmiStopped: string;
    rmiDeletes: string;
    /** the first words of rmiDeletes for a named image */
    untag: string;
    rmiDeletesNothingOwn: string;
    prune: string;
  };
  layer: { what: string; step: string; usedBy: string; usedByOne: string; remove: string; removeShared: string };
  container: {
    what: string;
    states: Record<'running' | 'paused' | 'exited' | 'created' | 'restarting' | 'removing' | 'dead', string>;
    networks: string;
    ports: string;
    volumes: string;
    rmRunning: string;
    rmPaused: string;
    rmStopped: string;
  };
  volume: { named: string; anonymous: string; usedBy: string; unused: string; rmInUse: string; rmUnused: string };
  network: {
    builtin: Record<'bridge' | 'host' | 'none', string>;
    user: string;
    attached: string;
    noneAttached: string;
    rmBuiltin: string;
    rmInUse: string;
    rmFree: string;
  };
  registry: { hub: string; private: string; holds: string; holdsNothing: string; cannotAsk: string; hubNoCatalog: string; goesWith: string };
  repository: { what: string; holds: string; here: string; notHeld: string; images: string };
}

const en: ExplainDictionary = {
  headings: { what: 'What it is', why: 'Why it has no name', shared: 'Layers it shares', remove: 'If you remove it', holds: 'What it holds' },
  list: ', ',
  image: {
    named: 'An image: a read-only template of {layers} layers ({size}) that containers start from. Its names (tags): {tags}.',
    dangling: 'A dangling image (<none>:<none>): an image that has lost its name. It still takes {size} on disk.',
    whyDangling:
      'Its name was given to a newer image: building or pulling again with the same name (docker build -t app ., docker pull nginx) moves the tag to the new image, and the old one is left without a name.',
    whyStays: 'It stays because {containers} still uses it.',
    containers: 'Containers made from it: {containers}.',
    noContainers: 'No container uses it.',
    sharedWith: '{shared} of its {total} layers are also layers of {images}: they are stored once and shared.',
    onlyItsOwn: 'No other image uses its layers.',
    ownLayers: '{own} layers ({size}) belong to it alone.',
    rmiUntagOnly: 'docker rmi {name} would only remove the name {name}: the image keeps its other names ({others}) and nothing is deleted.',
    rmiRunning:
      'docker rmi {name} is refused: the running container {containers} uses it (docker rmi -f {name} would only take its name away and leave a dangling image). Remove the container first (docker rm -f {first}).',
    rmiRunningId: 'docker rmi {name} is refused, even with -f: the running container {containers} uses it. Remove the container first (docker rm -f {first}).',
    rmiStopped: 'docker rmi {name} is refused while {containers} uses it, even stopped: remove the container first (docker rm {first}).',
    rmiDeletes: 'docker rmi {name} would {untag}delete the image and its {own} own layers ({size}); the {shared} layers other images use stay.',
    rmiDeletesNothingOwn: 'docker rmi {name} would {untag}delete the image; all its layers stay, other images use them.',
    untag: 'untag {name}, ',
    prune: 'docker image prune removes every dangling image that no container uses.',
  },
  layer: {
    what: 'A layer: the files one build step added or changed ({size}). An image is a stack of layers; a layer is stored once, however many images use it.',
    step: 'Made by: {step}',
    usedBy: 'Used by {count} images: {images}.',
    usedByOne: 'Used only by {image}.',
    remove: 'A layer is never removed on its own: it goes when the last image using it is deleted.',
    removeShared: 'Removing one of these images keeps it: the others still use it.',
  },
  container: {
    what: 'A container named {name}, made from the image {image}: the image’s layers, read-only, with a thin writable layer of its own on top. {status}.',
    states: {
      running: 'It is running: its main process is alive.',
      paused: 'It is paused: its processes are frozen until docker unpause {name}.',
      exited: 'It has stopped. Its files and settings stay until you remove it; docker start {name} runs it again.',
      created: 'It was created but never started: docker start {name}.',
      restarting: 'It is restarting: its restart policy starts it again after it stopped.',
      removing: 'It is being removed.',
      dead: 'It is dead: the daemon could not stop or remove it cleanly.',
    },
    networks: 'Networks: {networks}.',
    ports: 'Published ports: {ports}.',
    volumes: 'Volumes: {volumes}.',
    rmRunning:
      'docker rm {name} is refused while it runs: stop it first (docker stop {name}) or force it (docker rm -f {name}). Removing it deletes its writable layer, with every change made inside it (docker diff {name}); the image and named volumes stay.',
    rmPaused: 'docker rm {name} is refused while it is paused: docker rm -f {name} removes it anyway. Its writable layer goes; the image and named volumes stay.',
    rmStopped: 'docker rm {name} deletes it and its writable layer (the changes docker diff {name} shows); the image {image} and named volumes stay.',
  },
  volume: {
    named: 'A volume named {name}: data kept outside every container’s layers, so it outlives the containers that use it.',
    anonymous: 'An anonymous volume (its name is generated): made for an image’s VOLUME or for -v /path. Its data is kept outside the container’s layers.',
    usedBy: 'Mounted by: {containers}.',
    unused: 'No container uses it.',
    rmInUse: 'docker volume rm {name} is refused while a container uses it, even a stopped one: remove the container first.',
    rmUnused: 'docker volume rm {name} deletes it and its data for good; docker volume prune deletes every volume no container uses.',
  },
  network: {
    builtin: {
      bridge: 'The default bridge network: containers join it unless told otherwise. They reach each other by IP address, not by name.',
      host: 'The host network: a container on it shares the machine’s network; nothing is isolated and -p is not needed.',
      none: 'The none network: a container on it has no network, only its loopback.',
    },
    user: 'A {driver} network you created: containers on it reach each other by name (Docker’s DNS), and are apart from other networks.',
    attached: 'Containers on it: {containers}.',
    noneAttached: 'No container is on it.',
    rmBuiltin: 'Built-in networks cannot be removed.',
    rmInUse: 'docker network rm {name} is refused while containers are on it: disconnect or remove them first.',
    rmFree: 'docker network rm {name} deletes it.',
  },
  registry: {
    hub: 'Docker Hub, the default registry: docker pull nginx fetches docker.io/library/nginx from here; docker push needs your namespace (you/app).',
    private: 'A private registry at {host}: images named {host}/… are pushed here (docker push {host}/name).',
    holds: 'It says it holds: {repositories}.',
    holdsNothing: 'It says it holds nothing yet.',
    cannotAsk: 'It could not be asked what it holds: {error}',
    hubNoCatalog: 'Docker Hub holds far more than this; shown are the repositories you pulled from or tagged for it.',
    goesWith: 'It is the container {container}: stop or remove that container and the registry is gone (its data lives in the container’s /var/lib/registry).',
  },
  repository: {
    what: 'The repository {name} in {registry}.',
    holds: 'The registry holds these tags of it (its own answer): {tags}.',
    here: 'Tags of it on this machine: {tags}.',
    notHeld: 'The registry does not hold it: the tags {tags} exist only on this machine. docker push {name}:{first} sends one there.',
    images: 'Local images: {images}.',
  },
};

const zhCN: ExplainDictionary = {
  headings: { what: '这是什么', why: '为什么没有名字', shared: '共享的镜像层', remove: '如果删除它', holds: '仓库里有什么' },
  list: '、',
  image: {
    named: '镜像：由 {layers} 层组成的只读模板（{size}），容器从它启动。它的名字（标签）：{tags}。',
    dangling: '虚悬镜像（<none>:<none>）：失去了名字的镜像。它仍然占用 {size} 磁盘空间。',
    whyDangling:
      '它的名字被一个更新的镜像拿走了：用同一个名字再次构建或拉取（docker build -t app .、docker pull nginx）时，标签会移到新镜像上，旧镜像就没有了名字，成为虚悬镜像。',
    whyStays: '它还留着，因为 {containers} 仍在使用它。',
    containers: '由它创建的容器：{containers}。',
    noContainers: '没有容器使用它。',
    sharedWith: '它的 {total} 层中有 {shared} 层也是 {images} 的层：这些层只存一份，共同使用。',
    onlyItsOwn: '没有别的镜像使用它的层。',
    ownLayers: '有 {own} 层（{size}）只属于它。',
    rmiUntagOnly: 'docker rmi {name} 只会删除 {name} 这个名字：镜像还有别的名字（{others}），什么都不会被删除。',
    rmiRunning: 'docker rmi {name} 会被拒绝：正在运行的容器 {containers} 在使用它（docker rmi -f {name} 也只会去掉它的名字，留下一个虚悬镜像）。请先删除容器（docker rm -f {first}）。',
    rmiRunningId: 'docker rmi {name} 会被拒绝，加 -f 也不行：正在运行的容器 {containers} 在使用它。请先删除容器（docker rm -f {first}）。',
    rmiStopped: '只要 {containers} 还在使用它（即使已停止），docker rmi {name} 就会被拒绝：请先删除容器（docker rm {first}）。',
    rmiDeletes: 'docker rmi {name} 会{untag}删除这个镜像和只属于它的 {own} 层（{size}）；别的镜像也在用的 {shared} 层会保留。',
    rmiDeletesNothingOwn: 'docker rmi {name} 会{untag}删除这个镜像；它的层都会保留，因为别的镜像也在用。',
    untag: '删除名字 {name}，并',
    prune: 'docker image prune 会删除所有没有容器使用的虚悬镜像。',
  },
  layer: {
    what: '镜像层：一个构建步骤新增或修改的文件（{size}）。镜像就是一层层叠起来的；不管多少个镜像用到，同一层只存一份。',
    step: '由这一步创建：{step}',
    usedBy: '有 {count} 个镜像使用它：{images}。',
    usedByOne: '只有 {image} 使用它。',
    remove: '镜像层不能单独删除：最后一个使用它的镜像被删除时，它才会被删除。',
    removeShared: '只删除其中一个镜像时它会保留：别的镜像还在用它。',
  },
  container: {
    what: '容器 {name}，由镜像 {image} 创建：镜像的各层只读，上面再加一层属于它自己的可写层。{status}。',
    states: {
      running: '它正在运行：主进程还活着。',
      paused: '它已暂停：进程被冻结，docker unpause {name} 可以恢复。',
      exited: '它已停止。在删除之前，它的文件和设置都还在；docker start {name} 可以再次运行它。',
      created: '它已创建但从未启动：docker start {name}。',
      restarting: '它正在重启：停止后，重启策略会再次启动它。',
      removing: '它正在被删除。',
      dead: '它已失效（dead）：守护进程无法正常停止或删除它。',
    },
    networks: '网络：{networks}。',
    ports: '发布的端口：{ports}。',
    volumes: '数据卷：{volumes}。',
    rmRunning:
      '它在运行时 docker rm {name} 会被拒绝：先停止它（docker stop {name}），或强制删除（docker rm -f {name}）。删除时它的可写层连同在里面做的所有改动（docker diff {name}）都会被删除；镜像和具名数据卷会保留。',
    rmPaused: '它暂停时 docker rm {name} 会被拒绝：docker rm -f {name} 可以强制删除。可写层会被删除；镜像和具名数据卷会保留。',
    rmStopped: 'docker rm {name} 会删除它和它的可写层（也就是 docker diff {name} 显示的改动）；镜像 {image} 和具名数据卷会保留。',
  },
  volume: {
    named: '数据卷 {name}：数据存在所有容器的镜像层之外，所以容器删除后数据依然在。',
    anonymous: '匿名数据卷（名字是自动生成的）：为镜像的 VOLUME 或 -v /路径 创建。数据存在容器的层之外。',
    usedBy: '挂载它的容器：{containers}。',
    unused: '没有容器使用它。',
    rmInUse: '只要还有容器使用它（即使已停止），docker volume rm {name} 就会被拒绝：请先删除容器。',
    rmUnused: 'docker volume rm {name} 会永久删除它和其中的数据；docker volume prune 会删除所有没有容器使用的数据卷。',
  },
  network: {
    builtin: {
      bridge: '默认的 bridge 网络：没有特别指定时，容器都会加入它。容器之间只能用 IP 地址互相访问，不能用名字。',
      host: 'host 网络：加入它的容器直接使用本机的网络，没有隔离，也不需要 -p。',
      none: 'none 网络：加入它的容器没有网络，只有回环地址。',
    },
    user: '你创建的 {driver} 网络：其中的容器可以用名字互相访问（Docker 内置 DNS），并与其他网络隔离。',
    attached: '在这个网络上的容器：{containers}。',
    noneAttached: '没有容器在这个网络上。',
    rmBuiltin: '内置网络不能删除。',
    rmInUse: '只要还有容器在这个网络上，docker network rm {name} 就会被拒绝：请先断开或删除这些容器。',
    rmFree: 'docker network rm {name} 会删除它。',
  },
  registry: {
    hub: 'Docker Hub，默认的镜像仓库：docker pull nginx 就是从这里拉取 docker.io/library/nginx；docker push 需要用你自己的命名空间（你的用户名/app）。',
    private: '位于 {host} 的私有仓库：名字以 {host}/ 开头的镜像会被推送到这里（docker push {host}/名字）。',
    holds: '它自己说它有：{repositories}。',
    holdsNothing: '它自己说它现在什么都没有。',
    cannotAsk: '无法询问它有哪些内容：{error}',
    hubNoCatalog: 'Docker Hub 上的内容远不止这些；这里只显示你拉取过或为它打过标签的仓库。',
    goesWith: '它就是容器 {container}：停止或删除这个容器，仓库就没了（数据在容器的 /var/lib/registry 中）。',
  },
  repository: {
    what: '{registry} 中的仓库 {name}。',
    holds: '镜像仓库里有它的这些标签（仓库自己的回答）：{tags}。',
    here: '本机上它的标签：{tags}。',
    notHeld: '镜像仓库里没有它：标签 {tags} 只存在于本机。docker push {name}:{first} 可以把它推送上去。',
    images: '本机镜像：{images}。',
  },
};

export const explainDictionaries: Record<Lang, ExplainDictionary> = { en, 'zh-CN': zhCN };
