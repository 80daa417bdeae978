/**
 * A learner completes lesson 8, "The storage layer and docker commit", in the
 * built app, in English: a mistake (nginx run without its port) seen through
 * "Why not yet?" and undone with "Reset this step", Run buttons in a step and
 * in a step's done note (curl), a hint, typing inside the container with
 * `docker exec -it`, diff, commit, history and web2, both quizzes (a wrong
 * answer first); then the progress page and its JSON export. Last, lesson 6
 * opened at its last step by a link: its Run button waits for the step's
 * sandbox, then runs `docker container prune`, answered with y.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useCoursePage } from './support/course';
import { run, screenText, waitForPrompt, waitForScreen } from './support/terminal';

const CONTAINER_PROMPT = /^root@[0-9a-f]{12}:\/#$/m;

describe('lesson 8 as a learner', () => {
  const p = useCoursePage('en-US');
  const { course, title, why, enter, answer } = p;
  /** the Run button of the done note's block; nginx may answer a moment after it starts, as the note says: run it again */
  const curlFromDoneNote = async (want: string) => {
    for (let i = 0; i < 10 && !(await screenText(p.b.page)).includes(want); i++) {
      await waitForPrompt(p.b.page);
      await course().locator('.step-done .lesson-code').getByRole('button', { name: /Run/ }).click();
      await waitForPrompt(p.b.page);
    }
    await waitForScreen(p.b.page, want);
  };

  it('changes the page in a container, commits it as nginx:v2 and runs it as web2', async () => {
    const { page } = p.b;
    await course().locator('[data-lesson="container-commit"]').getByRole('button', { name: 'Start' }).click();
    await title('A web server');
    await waitForPrompt(page, 60_000);
    expect(await why()).toBe('there is no container webserver (there are no containers)');

    // a mistake: no -p; "why not yet?" names what is there, reset takes it away
    await run(page, 'docker run --name webserver -d nginx');
    await expect.poll(why).toBe('webserver exists but does not map port 80 to 80 (it publishes no port)');
    await course().getByRole('button', { name: 'Reset this step' }).click();
    await expect.poll(why, { timeout: 30_000 }).toBe('there is no container webserver (there are no containers)');
    await waitForPrompt(page);

    await course().locator('.step .lesson-code').getByRole('button', { name: /Run/ }).click();
    await title('Change the page');
    expect(await course().locator('.step-done h3').textContent()).toBe('Done: A web server');
    await curlFromDoneNote('Welcome to nginx!');

    await course().getByRole('button', { name: 'Hint' }).click();
    await expect.poll(() => course().locator('.hints li').first().textContent()).toMatch(/^Type the echo line at the container's root@…:\/# prompt/);
    await course().locator('.step .lesson-code').getByRole('button', { name: /Run/ }).click();
    await waitForScreen(page, CONTAINER_PROMPT);
    await enter("echo '<h1>Hello, Docker!</h1>' > /usr/share/nginx/html/index.html");
    await enter('exit');
    await waitForPrompt(page);
    await title('What changed?');
    await curlFromDoneNote('<h1>Hello, Docker!</h1>');

    expect(await run(page, 'docker diff webserver', 'C /usr/share/nginx/html/index.html')).toMatch(/^C \/usr\/share\/nginx\/html$/m);
    await title('Save the change as an image');

    await course().locator('.step .lesson-code').getByRole('button', { name: /Run/ }).click();
    await waitForScreen(page, /^nginx +v2 +[0-9a-f]{12} /m);
    await title('The history of nginx:v2');

    await run(page, 'docker history nginx:v2', 'changed the default page');
    await title('Run the new image');

    await run(page, 'docker run --name web2 -d -p 81:80 nginx:v2');
    await title('Where does a change live?');
    await curlFromDoneNote('localhost:81\n<h1>Hello, Docker!</h1>');

    await answer(/It is lost everywhere/);
    await expect.poll(() => course().locator('.quiz .lesson-error').textContent()).toBe('Not this one. Try again.');
    await expect.poll(() => course().locator('.quiz-why').textContent()).toMatch(/^No\. The commit copied the storage layer/);
    await answer(/only the copy in nginx:v2 remains/);
    await title('Why not build images with commit?');
    await answer(/black-box image/);
    await expect.poll(() => course().locator('.lesson-finished h3').textContent(), { timeout: 30_000 }).toBe('Lesson complete! 🎉');
    expect(p.b.errors).toEqual([]);
  });

  it('shows the lesson in the progress page and its export', async () => {
    const { page } = p.b;
    await course().getByRole('button', { name: 'Progress', exact: true }).click();
    const row = course().locator('.progress-view tbody tr', { hasText: 'The storage layer and docker commit' });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['The storage layer and docker commit', '8/8', expect.stringMatching(/^\d+:\d\d$/), '1', '0']);
    const [download] = await Promise.all([page.waitForEvent('download'), course().getByRole('button', { name: 'Export JSON' }).click()]);
    const file = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    const lesson = file.lessons.find((l: { lessonId: string }) => l.lessonId === 'container-commit');
    expect(Object.keys(lesson.steps)).toEqual(['webserver', 'edit-page', 'diff', 'commit', 'history', 'web2', 'storage-layer', 'black-box']);
    expect(lesson.steps['edit-page'].hints).toBe(1);
    expect(lesson.steps['storage-layer'].answers).toEqual(['a', 'c']);
    expect(lesson.steps.diff.commands).toEqual(['docker diff webserver']);
    expect(lesson.steps.webserver.commands).toContain('docker run --name webserver -d -p 80:80 nginx');
    expect(p.b.errors).toEqual([]);
  });

  it('opened at a later step by a link, Run waits until the step is prepared', async () => {
    const { page } = p.b;
    // lesson 6's last step: its sandbox replays the earlier steps (docker stop waits 10 s for bash)
    await page.evaluate(() => {
      location.hash = '#/lesson/container-lifecycle/prune';
    });
    await title('Clear out stopped containers');
    const runButton = course().locator('.step .lesson-code').getByRole('button', { name: /Run/ });
    await expect.poll(() => course().locator('.step .lesson-status').textContent(), { timeout: 30_000 }).toBe('Preparing the sandbox for this step…');
    expect(await runButton.isDisabled()).toBe(true);
    await expect.poll(() => course().locator('.step .lesson-status').count(), { timeout: 60_000 }).toBe(0);
    expect(await runButton.isDisabled()).toBe(false);
    await waitForPrompt(page);
    await runButton.click();
    await waitForScreen(page, 'Are you sure you want to continue? [y/N]');
    await enter('y');
    await waitForScreen(page, 'Deleted Containers:');
    await expect.poll(() => course().locator('.lesson-finished h3').textContent(), { timeout: 30_000 }).toBe('Lesson complete! 🎉');
    expect(p.b.errors).toEqual([]);
  });
});
