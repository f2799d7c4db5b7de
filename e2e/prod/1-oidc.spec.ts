import { expect, test } from '@playwright/test';
import { SIGN_IN_BUTTON, identityOf, signInWithOidc } from './oidc';

// Sign-in in production: app-config.production.yaml (NODE_ENV=production)
// with the config the Helm values render, the real OIDC provider of
// e2e/oidc/provider.mjs, the suite's catalog resolver
// (packages/backend/src/modules/oidcSignIn.ts) and the real permission
// policy, all through nginx (scripts/prod-e2e.sh).

test.describe.serial('OIDC sign-in in production', () => {
  test('a developer signs in at the provider and lands on the home page as themselves, with their roles', async ({
    browser,
  }) => {
    test.setTimeout(360_000);
    // The catalog ingests the people shortly after start: until then the
    // resolver cannot find anyone.
    let signedIn: Awaited<ReturnType<typeof signInWithOidc>> | undefined;
    await expect(async () => {
      await signedIn?.page.context().close();
      signedIn = await signInWithOidc(browser, 'aidos.seitkali@example.gov.kz');
      await expect(
        signedIn.page.getByRole('heading', {
          name: 'Добро пожаловать, Айдос Сейітқали',
        }),
      ).toBeVisible({ timeout: 20_000 });
    }).toPass({ timeout: 300_000, intervals: [10_000] });
    const { page, token } = signedIn!;
    await expect(page).toHaveURL(/\/$/);

    // The token names the catalog User and their groups: the role
    // (qaztech-developers) and the state body (mcriap).
    await expect.poll(() => token()).not.toBe('');
    const claims = await identityOf(page, token());
    expect(claims.sub).toBe('user:default/aidos.seitkali');
    expect(claims.ent).toEqual(
      expect.arrayContaining([
        'group:default/qaztech-developers',
        'group:default/mcriap',
      ]),
    );

    // A developer reads the register and the commission's work ...
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Исключения' })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Исключения из моратория' }),
    ).toBeVisible();
    // ... but may not act for the commission or a security officer: the
    // backend refuses with 403, whatever the page shows.
    const auth = { authorization: `Bearer ${token()}` };
    const attest = await page.request.post(
      '/api/security-readiness/attestations',
      {
        headers: auth,
        data: {
          systemRef: 'system:default/edinyi-reestr-tsifrovykh-sistem',
          checkId: 'security-governance',
          result: 'pass',
          evidence: { notes: 'not an officer' },
        },
      },
    );
    expect(attest.status()).toBe(403);
    expect((await attest.json()).error.name).toBe('NotAllowedError');
    // Nobody signs in as someone else: the demo provider is gone.
    const demo = await page.request.get('/api/auth/demo/refresh', {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-qaztech-demo-user': 'platform.admin',
      },
    });
    expect(demo.status()).toBe(404);
  });

  test('the sign-in page offers the identity provider only, no demo sign-in', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(
      page.getByRole('button', { name: SIGN_IN_BUTTON }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Демонстрационный вход' }),
    ).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Войти: / })).toHaveCount(0);
  });

  test('a provider that releases no e-mail signs the person in by preferred_username', async ({
    browser,
  }) => {
    const { page, token } = await signInWithOidc(browser, 'timur.zhunusov');
    await expect(
      page.getByRole('heading', { name: 'Добро пожаловать, Тимур Жунусов' }),
    ).toBeVisible();
    await expect.poll(() => token()).not.toBe('');
    expect((await identityOf(page, token())).ent).toContain(
      'group:default/qaztech-platform-architects',
    );
  });

  test('a person the provider knows and the catalog does not is refused, in Russian', async ({
    browser,
  }) => {
    const { page } = await signInWithOidc(browser, 'stranger');
    await expect(
      page.getByText(
        'Вход запрещён: пользователь stranger@example.org не найден в каталоге QazTech',
        { exact: false },
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: /Добро пожаловать/ }),
    ).toHaveCount(0);
  });

  test('a wrong password is refused by the provider', async ({ browser }) => {
    const context = await browser.newContext({
      baseURL: test.info().project.use.baseURL,
    });
    const page = await context.newPage();
    const popupEvent = page.waitForEvent('popup', { timeout: 60_000 });
    await page.goto('/');
    const opened = await Promise.race([
      popupEvent.then(() => true),
      page.waitForTimeout(5_000).then(() => false),
    ]);
    if (!opened) {
      await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
    }
    const popup = await popupEvent;
    await popup.getByLabel('Логин').fill('gulnara.akhmetova');
    await popup.getByLabel('Пароль').fill('wrong');
    await popup.getByRole('button', { name: 'Продолжить' }).click();
    await expect(popup.getByRole('alert')).toHaveText(
      'Неверный логин или пароль',
    );
  });
});
