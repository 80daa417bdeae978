/**
 * vitest globalSetup of the browser suite (vitest.browser.config.ts): build
 * the app once, serve it with `vite preview`, and hand the URL to the tests
 * (`inject('baseUrl')`). Teardown stops the server and removes the build.
 */
import type { TestProject } from 'vitest/node';
import { buildApp, startPreview } from './serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const app = await buildApp((line) => console.log(`browser suite: ${line}`));
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview(app.dir);
  } catch (e) {
    app.dispose();
    throw e;
  }
  console.log(`browser suite: vite preview on ${preview.url}`);
  project.provide('baseUrl', preview.url);
  return async () => {
    await preview.close();
    app.dispose();
  };
}
