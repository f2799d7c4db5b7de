import { Page, expect } from '@playwright/test';

/**
 * The wizard's reuse check, as an applicant answers it: waits until the
 * similar systems (or «none found») are shown, then gives a reason for each
 * system the wizard asks about. Shared by the development and production
 * journeys.
 */
export async function answerReuseCheck(
  applicant: Page,
  reason: string,
): Promise<void> {
  await expect(
    applicant
      .getByRole('list', { name: 'Похожие системы в реестре' })
      .or(applicant.getByText('Похожие системы не найдены')),
  ).toBeVisible();
  for (const question of await applicant
    .getByRole('textbox', { name: /^Почему нельзя переиспользовать/ })
    .all()) {
    await question.fill(reason);
  }
}
