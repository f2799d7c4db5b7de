import { Browser, Page, expect, test } from '@playwright/test';

// Security readiness as security officers work it: one officer opens a
// system's scorecard, attests the check only an officer can confirm, sees the
// score and the level move, and may not sign off a result they attested; a
// second officer signs it off. Neither belongs to the system's owning body
// (mintrud): nobody grades their own body's systems (docs/security-readiness.md).
//
// The career navigator gets tool facts from the demo collector
// (examples/readiness/facts.yaml) that leave it conditionally ready until
// its security governance is attested; packages/backend's
// demoReadinessFacts.test.ts checks that premise.

const SCORECARD =
  '/catalog/default/system/navigator-professii/security-readiness';
const GOVERNANCE =
  'Назначен ответственный за информационную безопасность, документы по ИБ утверждены';

async function signIn(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'ru-RU',
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: `Войти: ${name}` }).click();
  await expect(
    page.getByRole('heading', { name: `Добро пожаловать, ${name}` }),
  ).toBeVisible();
  return page;
}

test('a security officer attests a check, the system becomes ready, and another officer signs it off', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const officer = await signIn(browser, 'Арман Кенжебеков');
  await officer.goto(SCORECARD);

  // Read for the first time, the system is evaluated with its tools' facts.
  // Each check shows its own score too; the system's is the only 8,1.
  await expect(
    officer.getByText('Оценка: 8,1 из 10', { exact: true }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    officer.getByText('Готова условно', { exact: true }).first(),
  ).toBeVisible();

  await officer
    .getByRole('button', { name: `Подтвердить: ${GOVERNANCE}` })
    .click();
  const attest = officer.getByRole('dialog', {
    name: `Подтверждение: ${GOVERNANCE}`,
  });
  await attest
    .getByLabel('Примечания')
    .fill(
      'Приказ № 41 от 01.10.2026 о назначении ответственного за ИБ; политика ИБ утверждена',
    );
  await attest.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(
    officer.getByText('Подтверждение записано, система переоценена.'),
  ).toBeVisible();

  // The score and the level follow at once.
  await expect(
    officer.getByText('Оценка: 8,9 из 10', { exact: true }),
  ).toBeVisible();
  await expect(
    officer.getByText('Готова', { exact: true }).first(),
  ).toBeVisible();
  // Who attested does not sign off the result.
  await expect(
    officer.getByRole('button', { name: 'Утвердить', exact: true }),
  ).toHaveCount(0);

  const second = await signIn(browser, 'Ержан Байжанов');
  await second.goto(SCORECARD);
  await expect(
    second.getByText('Оценка: 8,9 из 10', { exact: true }),
  ).toBeVisible({ timeout: 60_000 });
  await second.getByRole('button', { name: 'Утвердить', exact: true }).click();
  const signOff = second.getByRole('dialog', {
    name: 'Утвердить карту оценки',
  });
  await expect(signOff).toContainText('Готова');
  await signOff
    .getByLabel('Комментарий')
    .fill('Проверено вместе с владельцем системы');
  await signOff.getByRole('button', { name: 'Утвердить' }).click();
  await expect(second.getByText('Карта оценки утверждена.')).toBeVisible();

  // The sign-off is shown with the level it froze.
  const signed = second
    .getByText('Утверждение', { exact: true })
    .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]');
  await expect(signed).toContainText('Ержан Байжанов');
  await expect(signed).toContainText('Готова');
});
