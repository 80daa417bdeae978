import { describe, expect, it } from 'vitest';
import { accountsAuth, HUB_PASSWORD, sharedPasswordAuth } from './hub-auth';

describe('who the simulated Docker Hub lets in', () => {
  it("the stand-in Hub (runner, fidelity): any user with the kit's one password", () => {
    const a = sharedPasswordAuth();
    expect(a.login({ username: 'wangxiong', password: HUB_PASSWORD })).toBe(true);
    expect(a.login({ username: 'anyone', password: HUB_PASSWORD })).toBe(true);
    expect(a.login({ username: 'wangxiong', password: 'wrongpassword' })).toBe(false);
    expect(a.user(undefined)).toBe('');
    expect(a.accounts()).toBeUndefined();
  });

  it('accounts: the first login makes the account, later ones must give its password', () => {
    const a = accountsAuth();
    expect(a.login({ username: 'learner1', password: 's3cret' })).toBe(true);
    expect(a.login({ username: 'learner1', password: HUB_PASSWORD })).toBe(false);
    expect(a.login({ username: 'learner1', password: 's3cret' })).toBe(true);
    expect(a.user({ username: 'learner1', password: 's3cret' })).toBe('learner1');
    expect(a.user({ username: 'learner1', password: 'x' })).toBeUndefined();
    // not a Docker ID (4-30 lowercase letters and digits): refused like a wrong password, nothing made
    for (const name of ['Wang', 'abc', 'wang xiong', 'a'.repeat(31), 'constructor_']) expect(a.login({ username: name, password: 'pw' })).toBe(false);
    expect(a.accounts()).toEqual([['learner1', 's3cret']]);
    const restored = accountsAuth(a.accounts());
    expect(restored.login({ username: 'learner1', password: 's3cret' })).toBe(true);
  });
});
