/**
 * The UI's own strings (not Docker's output) in English and Simplified Chinese.
 * Every dictionary has every key: the type checker enforces it.
 */
export type Lang = 'en' | 'zh-CN';

export interface Dictionary {
  title: string;
  tagline: string;
  /** lines printed when the terminal opens */
  welcome: string[];
  loading: string;
  startFailed: string;
  terminalLabel: string;
  internalError: string;
}

const en: Dictionary = {
  title: 'Dockyard',
  tagline: 'A Docker learning sandbox: a simulated Docker 20.10 engine in your browser.',
  welcome: [
    'Welcome to Dockyard. This terminal talks to a simulated Docker Engine 20.10.',
    "Try: docker run hello-world   ·   docker images   ·   docker ps -a",
    '',
  ],
  loading: 'Starting the simulated Docker engine…',
  startFailed: 'The simulator could not start:',
  terminalLabel: 'Terminal',
  internalError: 'internal error in the simulator:',
};

const zhCN: Dictionary = {
  title: 'Dockyard',
  tagline: 'Docker 学习沙箱：在浏览器里运行的模拟 Docker 20.10 引擎。',
  welcome: [
    '欢迎使用 Dockyard。这个终端连接的是一个模拟的 Docker Engine 20.10。',
    '试试：docker run hello-world   ·   docker images   ·   docker ps -a',
    '',
  ],
  loading: '正在启动模拟的 Docker 引擎……',
  startFailed: '模拟器无法启动：',
  terminalLabel: '终端',
  internalError: '模拟器内部错误：',
};

export const dictionaries: Record<Lang, Dictionary> = { en, 'zh-CN': zhCN };

/** zh, zh-CN, zh-Hans… → Chinese; everything else → English */
export function pickLang(languages: readonly string[] | string | undefined): Lang {
  const list = typeof languages === 'string' ? [languages] : (languages ?? []);
  for (const l of list) {
    const x = l.toLowerCase();
    if (x.startsWith('zh')) return 'zh-CN';
    if (x.startsWith('en')) return 'en';
  }
  return 'en';
}

export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}
