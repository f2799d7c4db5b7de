import { expect, test } from '@playwright/test';

// The migration campaign as the people answering for it read it: the
// burn-up chart against the milestones, the state bodies with the latest
// first, and the systems of a late body with what each must do.

const CAMPAIGN = 'Ведомственные системы переведены на платформу к 30.09.2026';

test('the migration campaign shows its burn-up chart, a late body and a late system', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Войти: Гульнара Ахметова' }).click();
  await expect(
    page.getByRole('heading', { name: /Добро пожаловать/ }),
  ).toBeVisible();

  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Реестр' })
    .click();
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Кампании' })
    .click();
  // Progress is computed by the campaigns task shortly after start-up.
  await page.getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { name: CAMPAIGN })).toBeVisible();

  // The burn-up chart says what it draws: the share done per day (from the
  // first recorded day) against the milestones.
  await expect(
    page.getByRole('img', {
      name: /^Доля выполнивших систем .*контрольные точки: 30% к 2026-03-31, 100% к 2026-09-30\.$/,
    }),
  ).toBeVisible({ timeout: 60_000 });

  // Both milestone dates have passed: the first body listed is late.
  const bodies = page.getByRole('table', {
    name: 'Государственные органы, сначала отстающие',
  });
  const first = bodies.getByRole('row').nth(1);
  await expect(first.getByText('Отстаёт')).toBeVisible();
  const body = await first.getByRole('button').first().innerText();
  await first.getByRole('button').first().click();

  // Its systems, each with what it must do; one of them is late.
  await expect(page.getByText(`Системы: ${body}`)).toBeVisible();
  const systems = page.getByRole('table', { name: 'Системы' });
  const late = systems.getByRole('row').filter({ hasText: 'Отстаёт' }).first();
  await expect(late).toContainText('Получить статус');
  const system = late.getByRole('link').first();
  const title = await system.innerText();
  await system.click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
});
