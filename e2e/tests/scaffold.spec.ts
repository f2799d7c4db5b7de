import { expect, test } from '@playwright/test';

// A developer creates a service from "New service on the platform": the task
// publishes it to a local git repository and registers it, and the new
// system appears in the register as on the platform.

test('a developer scaffolds a new service and its system appears in the register on the platform', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A fresh name per run: local repositories outlive the in-memory catalog.
  const suffix = Date.now().toString(36);
  const systemName = `e-uvedomleniya-${suffix}`;
  const title = `Электронные уведомления ${suffix}`;

  await page.goto('/');
  await page.getByRole('button', { name: 'Войти: Айдос Сейітқали' }).click();
  await expect(
    page.getByRole('heading', { name: /Добро пожаловать/ }),
  ).toBeVisible();

  await page.goto('/create/templates/default/qaztech-new-service');
  await expect(
    page.getByText('Новый сервис на платформе').first(),
  ).toBeVisible();

  // The state body, picked from the catalog's state-body Groups: the
  // picker lists them by display name and narrows them as one types.
  const stateBody = page.getByRole('textbox', {
    name: 'Государственный орган',
  });
  await stateBody.click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await stateBody.pressSequentially('цифрового развития', { delay: 30 });
  await page
    .getByRole('option', { name: /Министерство цифрового развития/ })
    .first()
    .click();
  await expect(stateBody).toHaveValue('group:default/mcriap');

  await page
    .getByRole('textbox', { name: 'Имя системы в каталоге' })
    .fill(systemName);
  await page.getByRole('textbox', { name: 'Название на русском' }).fill(title);
  await page
    .getByLabel(/Название на казахском/)
    .fill(`Электрондық хабарламалар ${suffix}`);
  await page
    .getByLabel(/^Назначение/)
    .fill('Уведомления граждан о ходе оказания услуг.');
  await page.getByRole('button', { name: /^(Далее|Next)$/ }).click();

  await page
    .getByRole('textbox', { name: 'Имя сервиса' })
    .fill(`notify-api-${suffix}`);
  await page
    .getByRole('button', { name: /^(Проверить|Review|Далее|Next)$/ })
    .click();
  await page.getByRole('button', { name: /^(Создать|Create)$/ }).click();

  // The task page: every step runs, then the output links appear.
  await expect(
    page.getByRole('link', { name: /Сервис в каталоге/ }),
  ).toBeVisible({ timeout: 120_000 });

  // The register projection follows the catalog within a sync cycle.
  await page.goto('/registry');
  const search = page.getByPlaceholder(
    'Название, регистрационный номер или имя',
  );
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(async () => {
    await page.reload();
    await search.fill(title);
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000 });
  await expect(row).toContainText('На платформе');
});
