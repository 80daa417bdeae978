/**
 * A learner follows lesson 1 in the built app: Run buttons and typing in the
 * terminal, "Why not yet?", a hint, the quiz, "Reset this step", the solution
 * shown and run, the progress page and its JSON export; then the example
 * teacher pack loaded from its zip, and a link that opens a lesson at a step.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCoursePage } from './support/course';
import { ROOT } from './support/serve';
import { run, waitForPrompt, waitForScreen } from './support/terminal';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'lesson-pack-example.zip');

describe('lessons', () => {
  const p = useCoursePage('en-US');
  const { course, stepTitle, why } = p;

  it('completes the first lesson as a learner', async () => {
    const { page } = p.b;
    await course().locator('[data-lesson="first-container"]').getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('Is Docker there?');
    await waitForPrompt(page);

    // why not yet, and a hint
    expect(await why()).toBe('you have not run `docker version` in this step yet');
    await course().getByRole('button', { name: 'Hint' }).click();
    await expect.poll(() => course().locator('.hints li').first().textContent()).toMatch(/^Click Run on the code block/);

    // a Run button types the block in the terminal
    await course().locator('.step .lesson-code').getByRole('button', { name: /Run/ }).click();
    await waitForScreen(page, '(minimum version 1.12)');
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('Hello from Docker');
    await expect.poll(() => course().locator('.step-done h3').textContent()).toBe('Done: Is Docker there?');

    // typing in the terminal
    await run(page, 'docker run hello-world', 'Hello from Docker!');
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('What did Docker do?');

    // the quiz: a wrong answer explains itself, the right one moves on
    await course().getByRole('radio', { name: /Docker failed/ }).check();
    await course().getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => course().locator('.quiz .lesson-error').textContent()).toBe('Not this one. Try again.');
    await expect.poll(() => course().locator('.quiz-why').textContent()).toMatch(/^No\. The first line says/);
    await course().getByRole('radio', { name: /pulled the image from Docker Hub/ }).check();
    await course().getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => stepTitle().textContent()).toBe('Where did it go?');

    await run(page, 'docker ps -a', 'hello-world');
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('Clean up');

    // reset this step: a second container made here goes away again
    await run(page, 'docker run hello-world', 'Hello from Docker!');
    await expect.poll(why).toMatch(/^there are 2 containers from hello-world/);
    await course().getByRole('button', { name: 'Reset this step' }).click();
    await expect.poll(why, { timeout: 30_000 }).toMatch(/^there is 1 container from hello-world \(\w+\); the step wants no containers from hello-world$/);
    expect(await stepTitle().textContent()).toBe('Clean up');
    // the README's picture of the lesson panel
    mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 720 });
    await course().getByRole('button', { name: 'Hint' }).click();
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/dockyard-lesson-1280x720.png') });
    await page.setViewportSize({ width: 1400, height: 1000 });

    // the solution: asked for, confirmed, shown, run
    await course().getByRole('button', { name: 'Show solution' }).click();
    await course().getByRole('alertdialog').getByRole('button', { name: 'Show solution' }).click();
    await expect.poll(() => course().locator('.solution code').textContent()).toBe('docker rm $(docker ps -aq --filter ancestor=hello-world)');
    await course().getByRole('button', { name: 'Run solution' }).click();
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('Run and clean up in one go');

    await waitForPrompt(page);
    await run(page, 'docker run --rm hello-world', 'Hello from Docker!');
    await expect.poll(() => course().locator('.lesson-finished h3').textContent(), { timeout: 30_000 }).toBe('Lesson complete! 🎉');
    expect(p.b.errors).toEqual([]);
  });

  it('shows the progress and exports it', async () => {
    const { page } = p.b;
    await course().getByRole('button', { name: 'Progress', exact: true }).click();
    const row = course().locator('.progress-view tbody tr').first();
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['Your first container', '6/6', expect.stringMatching(/^\d+:\d\d$/), '2', '1']);
    await course().getByLabel('Your name (in the exported file)').fill('Li Lei');
    const [download] = await Promise.all([page.waitForEvent('download'), course().getByRole('button', { name: 'Export JSON' }).click()]);
    const file = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(file).toMatchObject({ format: 'dockyard-progress', version: 1, learner: 'Li Lei' });
    const lesson = file.lessons.find((l: { lessonId: string }) => l.lessonId === 'first-container');
    expect(Object.keys(lesson.steps)).toEqual(['version', 'hello', 'what-happened', 'list-containers', 'remove', 'run-rm']);
    expect(lesson.steps.version.hints).toBe(1);
    expect(lesson.steps.remove.hints).toBe(1);
    expect(lesson.steps.remove).toMatchObject({ solutionShown: true, solutionRun: true });
    expect(lesson.steps['what-happened'].answers).toEqual(['a', 'b']);
    expect(lesson.steps.hello.commands).toEqual(['docker run hello-world']);
  });

  it('loads the example teacher pack from its zip and opens a lesson from a link', async () => {
    const { page } = p.b;
    await course().getByRole('button', { name: 'Lessons', exact: true }).click();
    await course().getByRole('button', { name: 'All lessons', exact: true }).click();
    await course().getByTestId('pack-zip').setInputFiles(FIXTURE);
    await expect.poll(() => course().locator('[role="status"]').first().textContent()).toBe('Pack “Example class: a first web server” loaded: 1 lesson(s).');
    await expect.poll(() => course().locator('[data-lesson="example-web-server"] strong').textContent()).toBe('A first web server');

    await page.evaluate(() => {
      location.hash = '#/lesson/example-web-server/run-web';
    });
    await expect.poll(() => stepTitle().textContent(), { timeout: 60_000 }).toBe('Run nginx');
    await expect.poll(() => course().locator('.step .lesson-status').count(), { timeout: 60_000 }).toBe(0);
    await run(page, 'docker run -d --name web -p 8080:80 nginx');
    await expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe('Serve your own page');
    expect(p.b.errors).toEqual([]);
  });
});
