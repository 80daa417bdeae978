/** The state view's own strings in English and Simplified Chinese (every key in both: the type says so). */
import type { Lang } from '../i18n';
import type { SwatchId } from './palette';

export interface StateViewDictionary {
  title: string;
  loading: string;
  loadFailed: string;
  empty: string;
  bands: { registries: string; images: string; networks: string; volumes: string };
  hub: string;
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
  zoomReset: string;
  allLinks: string;
  groupImages: string;
  legend: string;
  legendGroups: { containers: string; images: string; registries: string; other: string };
  /** what each colour means (the legend) */
  swatches: Record<SwatchId, string>;
  inspect: {
    title: string;
    close: string;
    madeBy: string;
    noCommand: string;
    noData: string;
    expandAll: string;
    collapseAll: string;
    /** the heading above the raw JSON */
    json: string;
  };
  kinds: { image: string; layer: string; container: string; volume: string; network: string; registry: string; repository: string };
  toggleGroup: string;
}

const en: StateViewDictionary = {
  title: 'Engine state',
  loading: 'Reading the engine…',
  loadFailed: 'Could not read the engine:',
  empty: 'Nothing here yet. Try: docker run -d --name web nginx',
  bands: { registries: 'Registries', images: 'Images, layers and containers', networks: 'Networks', volumes: 'Volumes' },
  hub: 'Docker Hub',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit',
  zoomReset: '100%',
  allLinks: 'Show all links',
  groupImages: 'Group images by repository',
  legend: 'Colours',
  legendGroups: { containers: 'Containers', images: 'Images', registries: 'Registries', other: 'Networks and volumes' },
  swatches: {
    running: 'running',
    paused: 'paused',
    exited: 'exited',
    created: 'created',
    restarting: 'restarting',
    removing: 'being removed',
    dead: 'dead',
    image: 'image',
    imageGroup: 'images of one repository',
    dangling: 'dangling image (<none>)',
    missing: 'image no longer here',
    tag: 'tag (a name)',
    layer: 'layer',
    sharedLayer: 'layer shared by images',
    group: 'more, folded',
    hub: 'Docker Hub',
    privateRegistry: 'private registry',
    repository: 'in the registry',
    pending: 'tagged here, not pushed',
    network: 'network',
    builtinNetwork: 'built-in network',
    volume: 'volume',
    unusedVolume: 'volume no container uses',
  },
  inspect: {
    title: 'Inspect',
    close: 'Close',
    madeBy: 'Made by',
    noCommand: 'No command recorded for it (it existed before, or came from a lesson or an import).',
    noData: 'No inspect data.',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
    json: 'docker inspect',
  },
  kinds: { image: 'Image', layer: 'Layer', container: 'Container', volume: 'Volume', network: 'Network', registry: 'Registry', repository: 'Repository' },
  toggleGroup: 'Click to open or close this group',
};

const zhCN: StateViewDictionary = {
  title: '引擎状态',
  loading: '正在读取引擎状态……',
  loadFailed: '无法读取引擎状态：',
  empty: '这里还什么都没有。试试：docker run -d --name web nginx',
  bands: { registries: '镜像仓库', images: '镜像、镜像层与容器', networks: '网络', volumes: '数据卷' },
  hub: 'Docker Hub',
  zoomIn: '放大',
  zoomOut: '缩小',
  zoomFit: '适应窗口',
  zoomReset: '100%',
  allLinks: '显示全部连线',
  groupImages: '按仓库合并镜像',
  legend: '图例',
  legendGroups: { containers: '容器', images: '镜像', registries: '镜像仓库', other: '网络与数据卷' },
  swatches: {
    running: '运行中',
    paused: '已暂停',
    exited: '已退出',
    created: '已创建',
    restarting: '正在重启',
    removing: '正在删除',
    dead: '已失效（dead）',
    image: '镜像',
    imageGroup: '同一仓库的镜像',
    dangling: '虚悬镜像（<none>）',
    missing: '已不存在的镜像',
    tag: '标签（名字）',
    layer: '镜像层',
    sharedLayer: '多个镜像共享的层',
    group: '更多（已折叠）',
    hub: 'Docker Hub',
    privateRegistry: '私有仓库',
    repository: '已在仓库中',
    pending: '已打标签，未推送',
    network: '网络',
    builtinNetwork: '内置网络',
    volume: '数据卷',
    unusedVolume: '没有容器使用的数据卷',
  },
  inspect: {
    title: '详细信息',
    close: '关闭',
    madeBy: '创建它的命令',
    noCommand: '没有记录到创建它的命令（它早已存在，或来自课程或导入）。',
    noData: '没有 inspect 数据。',
    expandAll: '全部展开',
    collapseAll: '全部折叠',
    json: 'docker inspect 的输出',
  },
  kinds: { image: '镜像', layer: '镜像层', container: '容器', volume: '数据卷', network: '网络', registry: '镜像仓库', repository: '仓库' },
  toggleGroup: '点击展开或折叠这一组',
};

export const stateViewDictionaries: Record<Lang, StateViewDictionary> = { en, 'zh-CN': zhCN };
