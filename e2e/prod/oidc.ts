import { Browser, Page, expect, test } from '@playwright/test';

/** The password of every account of e2e/oidc/provider.mjs. */
export const PASSWORD = 'demo';

/** Backstage's sign-in button, in English or as the app translates it. */
export const SIGN_IN_BUTTON = /sign in|войти|^вход$/i;

/** A page whose Backstage token (the one the app sends) is kept. */
export interface SignedInPage {
  page: Page;
  /** The Backstage token the app last sent to the backend. */
  token(): string;
}

/**
 * Opens the app in a fresh browser context and signs in through the OIDC
 * provider's login page (a popup, as Backstage's OAuth flow opens it).
 */
export async function signInWithOidc(
  browser: Browser,
  login: string,
  password = PASSWORD,
): Promise<SignedInPage> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'ru-RU',
  });
  const page = await context.newPage();
  let token = '';
  page.on('request', request => {
    const header = request.headers().authorization;
    if (request.url().includes('/api/') && header?.startsWith('Bearer ')) {
      token = header.slice('Bearer '.length);
    }
  });
  const popupEvent = page.waitForEvent('popup', { timeout: 60_000 });
  await page.goto('/');
  // The page opens the provider at once where the browser lets it, or
  // offers its button.
  const opened = await Promise.race([
    popupEvent.then(() => true),
    page.waitForTimeout(5_000).then(() => false),
  ]);
  if (!opened) {
    await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
  }
  const popup = await popupEvent;
  await expect(
    popup.getByRole('heading', { name: 'Единый вход' }),
  ).toBeVisible();
  await popup.getByLabel('Логин').fill(login);
  await popup.getByLabel('Пароль').fill(password);
  await popup.getByRole('button', { name: 'Продолжить' }).click();
  return { page, token: () => token };
}

/** Signs in and waits for the home page's greeting of `displayName`. */
export async function signIn(
  browser: Browser,
  login: string,
  displayName: string,
): Promise<Page> {
  const { page } = await signInWithOidc(browser, login);
  await expect(
    page.getByRole('heading', { name: `Добро пожаловать, ${displayName}` }),
  ).toBeVisible();
  return page;
}

/**
 * Who the backend says the token's holder is: the User and the entities
 * they own through (their catalog Groups), from the auth plugin's userinfo.
 */
export async function identityOf(
  page: Page,
  token: string,
): Promise<{ sub: string; ent: string[] }> {
  const res = await page.request.get('/api/auth/v1/userinfo', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).claims;
}
