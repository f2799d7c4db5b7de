import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

// A developer creates a service from "New service on the platform": the task
// publishes it to a local git repository and registers it. The record claims
// the system runs on the platform, which only the platform's own inventory
// can prove (docs/moratorium-rule.md): the register shows the claim
// unverified and the system in violation until the platform inventory
// import lists it; then the register shows it on the platform.

/** The platform inventory the app reads (app-config.yaml). */
const INVENTORY = resolve(
  __dirname,
  '../../examples/register/platform-inventory.json',
);
const BACKEND = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

test('a developer scaffolds a service claiming the platform; the register believes it once the platform inventory lists it', async ({
  page,
  request,
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
  // picker searches one page of them as one types and lists them by
  // display name; the field shows the chosen body's name, not its ref.
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
  await expect(stateBody).toHaveValue(/Министерство цифрового развития/);

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
  // The template's record says "on the platform"; nothing proves it yet.
  await expect(row).toContainText('Нарушение');
  await expect(row).toContainText(
    'Не подтверждено: заявлено размещение на платформе; в инвентаризации платформы системы нет',
  );
  // The unverified filter finds it.
  const unverifiedOnly = page.getByLabel('Только неподтверждённые сведения');
  await unverifiedOnly.check();
  await expect(row).toBeVisible();
  await unverifiedOnly.uncheck();

  // The platform deploys it: its inventory lists the system, and the
  // inventory import runs (triggered here instead of waiting for the
  // schedule).
  const original = await readFile(INVENTORY, 'utf8');
  try {
    const inventory = JSON.parse(original);
    inventory.deployments.push({
      system: `system:default/${systemName}`,
      cluster: 'ast-prod-1',
      namespace: `notify-api-${suffix}`,
    });
    await writeFile(INVENTORY, `${JSON.stringify(inventory, null, 2)}\n`);
    const session = await request.get(`${BACKEND}/api/auth/demo/refresh`, {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        'x-qaztech-demo-user': 'platform.admin',
      },
    });
    const token = (await session.json()).backstageIdentity.token;
    const triggered = await request.post(
      `${BACKEND}/api/catalog/.backstage/scheduler/v1/tasks/${encodeURIComponent(
        'registry-inventory:platform:refresh',
      )}/trigger`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(triggered.status()).toBe(200);

    await expect(async () => {
      await page.reload();
      await search.fill(title);
      await expect(row).toContainText('На платформе', { timeout: 5_000 });
    }).toPass({ timeout: 150_000 });
    await expect(row).not.toContainText('Не подтверждено');
  } finally {
    await writeFile(INVENTORY, original);
  }
});
