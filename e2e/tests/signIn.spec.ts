import { test, expect } from '@playwright/test';

test.describe('sign-in', () => {
  test('the sign-in page is in Russian and the secretary lands on the home page', async ({
    page,
  }) => {
    await page.goto('/');

    await expect(
      page.getByRole('heading', { name: 'Вход в QazTech' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Демонстрационный вход' }),
    ).toBeVisible();
    await expect(page.getByText('Секретарь комиссии')).toBeVisible();

    await page
      .getByRole('button', { name: 'Войти: Гульнара Ахметова' })
      .click();

    await expect(
      page.getByRole('heading', {
        name: 'Добро пожаловать, Гульнара Ахметова',
      }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await expect(
      nav.getByRole('link', { name: 'Каталог', exact: true }),
    ).toBeVisible();
  });

  test('the language can be switched to Kazakh before signing in', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Язык/ }).click();
    await page.getByRole('option', { name: 'Қазақша' }).click();
    await expect(
      page.getByRole('heading', { name: 'QazTech жүйесіне кіру' }),
    ).toBeVisible();
    await expect(page.getByText('Комиссия хатшысы')).toBeVisible();
  });

  test('an unknown user name is refused with a message', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('textbox', {
        name: 'Имя пользователя (например, gulnara.akhmetova)',
      })
      .fill('nobody.here');
    await page.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Не удалось войти как nobody.here',
    );
  });
});
