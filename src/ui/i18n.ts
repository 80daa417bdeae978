/**
 * The UI's own strings (not Docker's output) in English and Simplified Chinese.
 * Every dictionary has every key: the type checker enforces it, and a test
 * checks that none is empty. Texts with `{name}` placeholders go through fmt().
 */
import { en } from './strings/en';
import { zhCN } from './strings/zh-CN';

export type Lang = 'en' | 'zh-CN';

/** a command the lesson panel offers to run, with what it does */
export interface TryItem {
  command: string;
  text: string;
}

export interface Dictionary {
  title: string;
  tagline: string;
  /** lines printed when a terminal opens */
  welcome: string[];
  loading: string;
  startFailed: string;
  internalError: string;

  // top bar
  mainMenu: string;
  mode: string;
  modeSimulator: string;
  modeReal: string;
  realChecking: string;
  realUnavailable: string;
  realConnecting: string;
  realConnected: string;
  realLost: string;
  realFailed: string;
  reset: string;
  undo: string;
  redo: string;
  exportSandbox: string;
  exportTitle: string;
  importSandbox: string;
  importTitle: string;
  language: string;
  /** the name of the other language, on the switch */
  switchTo: string;
  help: string;

  // dialogs and notices
  resetTitle: string;
  resetText: string;
  resetConfirm: string;
  cancel: string;
  close: string;
  dismiss: string;
  storageProblem: string;
  importing: string;

  // areas and splitters
  areas: string;
  areaLesson: string;
  areaTerminals: string;
  areaEditor: string;
  areaState: string;
  hideLesson: string;
  showLesson: string;
  resizeLesson: string;
  resizeUpper: string;
  resizeEditor: string;
  editorLoading: string;
  editorFailed: string;
  areaFailed: string;

  // terminals
  terminalTabs: string;
  /** "Terminal {n}" */
  terminalName: string;
  newTerminal: string;
  /** "Close {name}" */
  closeTerminal: string;
  pasteBlocked: string;
  find: string;
  findPlaceholder: string;
  findNext: string;
  findPrevious: string;
  findClose: string;
  findNone: string;
  /** the keyboard hint under the tabs while a container session owns the terminal */
  terminalBusy: string;
  rerunning: string;
  /** a reload: the terminal attaches again to the container its command was attached to ({name}) */
  reattaching: string;
  /** a reload: the command that was running changed state and is not run again */
  endedWithPage: string;
  /** under `$: command not found` when a line starts with a tutorial's `$ ` */
  dropPromptSign: string;

  // ports and the page preview
  ports: string;
  noPorts: string;
  /** "open :{port}" */
  openPort: string;
  /** "Open http://localhost:{port} (container port {containerPort}) in the preview" */
  openPortTitle: string;
  previewTitle: string;
  previewAddress: string;
  previewGo: string;
  previewReload: string;
  previewClose: string;
  previewLoading: string;
  /** "Failed to connect to localhost port {port}: Connection refused" (curl's words) */
  previewRefused: string;
  previewTimeout: string;
  previewUnresolved: string;
  /** "{contentType} · not a web page" */
  previewText: string;
  previewFrame: string;

  // lesson panel (until the lessons issue: welcome and help)
  lessonWelcomeTitle: string;
  lessonIntro: string[];
  lessonTryTitle: string;
  lessonTry: TryItem[];
  lessonRun: string;
  lessonAroundTitle: string;
  lessonAround: string[];
  lessonTipsTitle: string;
  lessonTips: string[];

  // help dialog
  helpTitle: string;
  helpApp: string;
  helpTerminal: string;
  helpMouse: string;
  shortcutText: {
    help: string;
    nextArea: string;
    newTerminal: string;
    closeTerminal: string;
    switchTerminal: string;
    cycleTerminal: string;
    undo: string;
    redo: string;
    complete: string;
    history: string;
    reverseSearch: string;
    lineStartEnd: string;
    eraseStartEnd: string;
    eraseWord: string;
    clearScreen: string;
    interrupt: string;
    copy: string;
    paste: string;
    find: string;
  };
}

export type ShortcutTextKey = keyof Dictionary['shortcutText'];

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

/** "{n}" placeholders filled from `vars` */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
