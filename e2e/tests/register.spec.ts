import { test, expect } from '@playwright/test';

test('a developer filters the register to violations and opens a system’s registry card', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Войти: Айдос Сейітқали' }).click();
  await expect(
    page.getByRole('heading', { name: /Добро пожаловать/ }),
  ).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Реестр' }).click();
  await expect(
    page.getByRole('heading', { name: 'Реестр информационных систем' }),
  ).toBeVisible();

  // The register projection follows the catalog within a sync cycle; the
  // page shows what the register holds when it is opened.
  const violations = page.getByRole('button', {
    name: /^Нарушение \([1-9]\d*\)$/,
  });
  await expect(async () => {
    await page.reload();
    await expect(violations).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  await violations.click();

  const rows = page.getByRole('row').filter({ hasText: 'Нарушение' });
  await expect(rows.first()).toBeVisible();
  const statuses = page
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
    .filter({ hasNotText: 'Нарушение' });
  await expect(statuses).toHaveCount(0);

  const system = rows
    .filter({ hasText: 'Платформа телемедицинских консультаций' })
    .getByRole('link', { name: 'Платформа телемедицинских консультаций' });
  await system.click();

  await expect(
    page.getByRole('heading', { name: 'Учётная запись реестра' }),
  ).toBeVisible();
  await expect(page.getByText('ИС-48821')).toBeVisible();
  // The reason in the reader's language, from the status detail.
  await expect(
    page.getByText(/срок исключения КВЦ-2026\/02-5 истёк 2026-10-31/),
  ).toBeVisible();
});
