/**
 * A learner follows lesson 15 (container networking) in the built app, in
 * three terminals: the Run buttons of its code blocks open T2 and T3 and type
 * into them, also into the busybox shells running in T1 and T2; the quiz is
 * answered by clicking. The lesson is complete when the clean-up is done.
 */
import { describe, expect, it } from 'vitest';
import { useCoursePage } from './support/course';
import { screenText, waitForPrompt, waitForScreen } from './support/terminal';

describe('lesson 15 in three terminals', () => {
  const p = useCoursePage('en-US');
  const { course, stepTitle } = p;
  /** the selected terminal tab's name: Terminal 1, Terminal 2, … (the lessons' T1, T2, …) */
  const selectedTab = () => p.b.page.locator('.terminal-tab.selected .terminal-tab-label').textContent();
  /** clicks the Run button of the step's `n`th code block */
  const runBlock = async (n: number, name: RegExp, where = '.step') => {
    const button = course().locator(`${where} .lesson-code`).nth(n).getByRole('button');
    await expect.poll(() => button.textContent()).toMatch(name);
    await button.click();
  };
  const nextStep = (title: string) => expect.poll(() => stepTitle().textContent(), { timeout: 30_000 }).toBe(title);

  it('completes the lesson by clicking Run in terminals 1, 2 and 3', async () => {
    const { page } = p.b;
    await course().locator('[data-lesson="container-networking"]').getByRole('button', { name: 'Start' }).click();
    await nextStep('Create a network');
    await waitForPrompt(page);

    await runBlock(0, /^▶ Run$/);
    await waitForScreen(page, /^[0-9a-f]{12}\s+my-net\s+bridge\s+local$/m);
    await nextStep('Two containers, two terminals');

    // T1 is the terminal already open; T2 and T3 are opened by their buttons
    await runBlock(0, /Run in terminal 1$/);
    await waitForScreen(page, /^\/ #$/m);
    await runBlock(1, /Run in terminal 2$/);
    await expect.poll(selectedTab).toMatch(/Terminal 2/);
    await waitForScreen(page, /^\/ #$/m);
    await runBlock(2, /Run in terminal 3$/);
    await expect.poll(selectedTab).toMatch(/Terminal 3/);
    await waitForScreen(page, /"sh"\s+.*busybox1$/m);
    const ls = await screenText(page);
    expect(ls).toMatch(/ busybox2$/m);
    await nextStep('Ping by name');

    // the pings run in the containers' shells, in their own terminals
    await runBlock(0, /Run in terminal 1$/);
    await waitForScreen(page, /^PING busybox2 \(172\.18\.0\.3\): 56 data bytes$/m);
    await waitForScreen(page, /^3 packets transmitted, 3 packets received, 0% packet loss$/m);
    await runBlock(1, /Run in terminal 2$/);
    await waitForScreen(page, /^PING busybox1 \(172\.18\.0\.2\): 56 data bytes$/m);
    await waitForScreen(page, /^3 packets transmitted, 3 packets received, 0% packet loss$/m);
    await runBlock(2, /Run in terminal 3$/);
    await waitForScreen(page, '"IPv4Address": "172.18.0.3/16"');
    await nextStep('Who answered the name?');

    await course().getByRole('radio', { name: /Docker adds every container's name/ }).check();
    await course().getByRole('button', { name: 'Answer' }).click();
    await expect.poll(() => course().locator('.quiz .lesson-error').textContent()).toBe('Not this one. Try again.');
    await course().getByRole('radio', { name: /runs a DNS server/ }).check();
    await course().getByRole('button', { name: 'Answer' }).click();
    await nextStep('The default bridge');

    await runBlock(0, /Run in terminal 3$/);
    await waitForScreen(page, /^[0-9a-f]{64}$/m);
    await runBlock(1, /Run in terminal 1$/);
    await waitForScreen(page, "ping: bad address 'busybox3'");
    await expect.poll(() => stepTitle().textContent()).toBe('The default bridge');
    await runBlock(2, /Run in terminal 3$/);
    await waitForScreen(page, "ping: bad address 'busybox3'");
    await nextStep('Connect a running container');

    await runBlock(0, /Run in terminal 3$/);
    await nextStep('Clean up');
    // the step's "done" note has the ping that shows it
    await runBlock(0, /Run in terminal 1$/, '.step-done');
    await waitForScreen(page, /^PING busybox3 \(172\.18\.0\.4\): 56 data bytes$/m);
    await waitForScreen(page, /^1 packets transmitted, 1 packets received, 0% packet loss$/m);

    // leaving the shells brings the host prompt back in T1 and T2
    await runBlock(0, /Run in terminal 1$/);
    await waitForPrompt(page);
    await runBlock(1, /Run in terminal 2$/);
    await waitForPrompt(page);
    await runBlock(2, /Run in terminal 3$/);
    await waitForScreen(page, /^my-net$/m);
    await expect.poll(() => course().locator('.lesson-finished h3').textContent(), { timeout: 30_000 }).toBe('Lesson complete! 🎉');
    expect(p.b.errors).toEqual([]);
  });
});
