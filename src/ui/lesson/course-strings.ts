/** The lesson panel's own words, in English and Simplified Chinese (every key in both: the type checker and a test see to it). */
import type { Lang } from '../i18n';

export interface CourseStrings {
  lessons: string;
  loadingLessons: string;
  builtIn: string;
  start: string;
  continue: string;
  restart: string;
  broken: string;
  minutes: string;
  levels: Record<'beginner' | 'intermediate' | 'advanced', string>;
  stepOf: string;
  whyNotYet: string;
  allPass: string;
  hint: string;
  noMoreHints: string;
  showSolution: string;
  confirmSolution: string;
  runSolution: string;
  resetStep: string;
  resetting: string;
  preparing: string;
  setupFailed: string;
  stepDone: string;
  lessonDone: string;
  backToList: string;
  closeLesson: string;
  run: string;
  runIn: string;
  answer: string;
  right: string;
  wrong: string;
  progress: string;
  progressEmpty: string;
  exportJson: string;
  exportCsv: string;
  learnerName: string;
  steps: string;
  time: string;
  hints: string;
  solutions: string;
  classOverview: string;
  classIntro: string;
  loadProgressFiles: string;
  rejectedFile: string;
  exportClassCsv: string;
  packs: string;
  loadPack: string;
  loadFolder: string;
  loadZip: string;
  loadUrl: string;
  urlPlaceholder: string;
  removePack: string;
  packLoaded: string;
  packFailed: string;
  notFound: string;
  freePlay: string;
  startedFresh: string;
}

const en: CourseStrings = {
  lessons: 'Lessons',
  loadingLessons: 'Loading the lessons…',
  builtIn: 'Dockyard course',
  start: 'Start',
  continue: 'Continue',
  restart: 'Start again',
  broken: 'This lesson cannot be opened:',
  minutes: '{n} min',
  levels: { beginner: 'beginner', intermediate: 'intermediate', advanced: 'advanced' },
  stepOf: 'Step {n} of {total}',
  whyNotYet: 'Why not yet?',
  allPass: 'Every check passes.',
  hint: 'Hint',
  noMoreHints: 'No more hints: the solution is below.',
  showSolution: 'Show solution',
  confirmSolution: 'Show the solution of this step? It is recorded in your progress.',
  runSolution: 'Run solution',
  resetStep: 'Reset this step',
  resetting: 'Putting the sandbox back as it was at the start of this step…',
  preparing: 'Preparing the sandbox for this step…',
  setupFailed: 'The lesson could not prepare the sandbox:',
  stepDone: 'Done: {title}',
  lessonDone: 'Lesson complete! 🎉',
  backToList: 'All lessons',
  closeLesson: 'Close the lesson (free play)',
  run: 'Run',
  runIn: 'Run in terminal {n}',
  answer: 'Answer',
  right: 'Right!',
  wrong: 'Not this one. Try again.',
  progress: 'Progress',
  progressEmpty: 'No lesson started yet.',
  exportJson: 'Export JSON',
  exportCsv: 'Export CSV',
  learnerName: 'Your name (in the exported file)',
  steps: 'steps',
  time: 'time',
  hints: 'hints',
  solutions: 'solutions',
  classOverview: 'Class overview',
  classIntro: "Teachers: load your learners' exported progress files (JSON) to see the whole class. Nothing leaves this browser.",
  loadProgressFiles: 'Load progress files',
  rejectedFile: '{file}: {reason}',
  exportClassCsv: 'Export the table (CSV)',
  packs: 'Lesson packs',
  loadPack: 'Load a pack',
  loadFolder: 'Folder…',
  loadZip: 'Zip file…',
  loadUrl: 'From a URL',
  urlPlaceholder: 'https://…/pack.zip',
  removePack: 'Remove',
  packLoaded: 'Pack “{title}” loaded: {n} lesson(s).',
  packFailed: 'The pack could not be loaded: {reason}',
  notFound: 'No lesson “{id}”.',
  freePlay: 'Free play: the sandbox is yours. Pick a lesson whenever you like.',
  startedFresh: 'The lesson starts in a fresh sandbox. Undo brings your previous one back.',
};

const zhCN: CourseStrings = {
  lessons: '课程',
  loadingLessons: '正在加载课程……',
  builtIn: 'Dockyard 课程',
  start: '开始',
  continue: '继续',
  restart: '重新开始',
  broken: '这一课无法打开：',
  minutes: '{n} 分钟',
  levels: { beginner: '入门', intermediate: '进阶', advanced: '高级' },
  stepOf: '第 {n} 步，共 {total} 步',
  whyNotYet: '为什么还没通过？',
  allPass: '所有检查都已通过。',
  hint: '提示',
  noMoreHints: '没有更多提示了：答案在下面。',
  showSolution: '显示答案',
  confirmSolution: '要显示这一步的答案吗？这会记录在你的学习进度里。',
  runSolution: '运行答案',
  resetStep: '重置这一步',
  resetting: '正在把沙箱恢复到这一步开始时的状态……',
  preparing: '正在为这一步准备沙箱……',
  setupFailed: '课程无法准备沙箱：',
  stepDone: '已完成：{title}',
  lessonDone: '这一课完成了！🎉',
  backToList: '全部课程',
  closeLesson: '关闭课程（自由练习）',
  run: '运行',
  runIn: '在终端 {n} 中运行',
  answer: '回答',
  right: '答对了！',
  wrong: '不是这个，再试一次。',
  progress: '学习进度',
  progressEmpty: '还没有开始任何课程。',
  exportJson: '导出 JSON',
  exportCsv: '导出 CSV',
  learnerName: '你的名字（写入导出的文件）',
  steps: '步骤',
  time: '用时',
  hints: '提示',
  solutions: '答案',
  classOverview: '班级概览',
  classIntro: '老师：载入学生导出的进度文件（JSON），即可查看全班情况。数据不会离开这个浏览器。',
  loadProgressFiles: '载入进度文件',
  rejectedFile: '{file}：{reason}',
  exportClassCsv: '导出表格（CSV）',
  packs: '课程包',
  loadPack: '载入课程包',
  loadFolder: '文件夹……',
  loadZip: 'Zip 文件……',
  loadUrl: '从网址载入',
  urlPlaceholder: 'https://…/pack.zip',
  removePack: '移除',
  packLoaded: '课程包“{title}”已载入：{n} 课。',
  packFailed: '无法载入课程包：{reason}',
  notFound: '没有课程“{id}”。',
  freePlay: '自由练习：沙箱归你支配。随时可以选一课开始。',
  startedFresh: '课程在一个新的沙箱中开始。撤销可以找回你之前的沙箱。',
};

export const courseStrings: Record<Lang, CourseStrings> = { en, 'zh-CN': zhCN };
