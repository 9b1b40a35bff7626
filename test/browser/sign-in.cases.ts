// Sign-in: a wrong password is refused inline; the analyst gets the header with both screens; a
// role outside the desk does not see the desk link; signing out returns to the sign-in form; a
// one-time password leads to the password change before anything else.
import { expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts.ts';
import { SYSTEM_ACTOR } from '../../src/domain/roles.ts';
import { signIn, WAIT, type Harness } from './harness.ts';

export function signInCases(h: () => Harness) {
  it('refuses a wrong password with an inline error', async () => {
    const context = await h().browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${h().url}/`);
      await page.getByTestId('login-username').fill('analyst');
      await page.getByTestId('login-password').fill('not the password at all');
      await page.getByTestId('login-submit').click();
      const error = page.getByTestId('login-error');
      await error.waitFor({ timeout: WAIT });
      expect(await error.textContent()).toMatch(/\S/);
      expect(await page.getByTestId('whoami').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('signs the analyst in and shows who they are, both screens and sign-out', async () => {
    const { context, page } = await signIn(h(), 'analyst');
    try {
      const who = await page.getByTestId('whoami').textContent();
      expect(who).toContain('analyst');
      await page.getByTestId('nav-map').waitFor({ timeout: WAIT });
      await page.getByTestId('nav-desk').waitFor({ timeout: WAIT });
      await page.getByTestId('sign-out').click();
      await page.getByTestId('login-username').waitFor({ timeout: WAIT });
      // The session is gone on the server too: a reload stays on the sign-in form.
      await page.reload();
      await page.getByTestId('login-username').waitFor({ timeout: WAIT });
    } finally {
      await context.close();
    }
  });

  it('hides the desk from roles that do not work it', async () => {
    const { context, page } = await signIn(h(), 'mediator');
    try {
      expect(await page.getByTestId('whoami').textContent()).toContain('mediator');
      expect(await page.getByTestId('nav-desk').count()).toBe(0);
      // Even by address, a mediator lands on the map.
      await page.goto(`${h().url}/#/desk`);
      await page.getByTestId('zones-in-force').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('desk').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('makes a user with a one-time password choose a new one first', async () => {
    const { password } = await createUser(h().ctx, SYSTEM_ACTOR, {
      username: 'new-monitor',
      role: 'monitor',
    });
    const context = await h().browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${h().url}/`);
      await page.getByTestId('login-username').fill('new-monitor');
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('change-password').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('whoami').count()).toBe(0);
      await page.getByLabel('One-time password').fill(password);
      await page.getByLabel('New password', { exact: true }).fill('a long new passphrase');
      await page.getByLabel('New password again').fill('a long new passphrase');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByTestId('whoami').waitFor({ timeout: WAIT });
      expect(await page.getByTestId('whoami').textContent()).toContain('monitor');
    } finally {
      await context.close();
    }
  });
}
