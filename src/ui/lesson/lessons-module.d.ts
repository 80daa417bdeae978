/** the built-in lessons, compiled at build time by tools/lessons/vite-plugin.ts */
declare module 'virtual:dockyard-lessons' {
  const lessons: import('../../course/model').LoadedLesson[];
  export default lessons;
}
