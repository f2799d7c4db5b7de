import { expect, test } from '@playwright/test';

// The reuse check in the request wizard, as an applicant meets it with
// clicks only from the home page: the similar systems are found while the
// purpose is typed (a text with spaces: the wizard once sent them as `+`,
// the API refused the query and the wizard said «none found»), a match by
// purpose alone shows the whole words it shares, each step names what it
// still needs, and the request cannot move on until the applicant says why
// each of the top matches cannot be reused; the request page shows the
// answers next to the matches.

const TITLE = 'Учёт жалоб школьников';
const PURPOSE =
  'Приём и рассмотрение обращений граждан, контроль сроков ответа';

test('the applicant sees similar systems with the words they share and answers for each before submitting', async ({
  page,
}) => {
  test.setTimeout(240_000);
  let clicks = 0;
  const click = async (locator: ReturnType<typeof page.getByRole>) => {
    clicks += 1;
    await locator.click();
  };

  await page.goto('/');
  await click(page.getByRole('button', { name: 'Войти: Жанар Омарова' }));
  await expect(
    page.getByRole('heading', { name: 'Добро пожаловать, Жанар Омарова' }),
  ).toBeVisible();
  await click(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Исключения' }),
  );
  await click(page.getByRole('button', { name: 'Новая заявка' }));

  // Step 1: a planned system.
  await click(page.getByLabel('Планируемая система'));
  await page.getByLabel('Название (на русском)').fill(TITLE);
  await page
    .getByLabel('Название (на казахском)')
    .fill('Оқушылардың шағымдарын есепке алу');
  await click(page.getByRole('button', { name: 'Далее' }));

  // Step 2: «Назначение» is required before moving on, and named.
  await click(page.getByRole('button', { name: 'Далее' }));
  const incomplete = page.getByRole('alert').filter({
    hasText: 'Заполните, прежде чем продолжить:',
  });
  await expect(incomplete).toContainText('Назначение');
  await expect(incomplete).toContainText('Чего не может обеспечить платформа');

  await page.getByLabel('Назначение').fill(PURPOSE);
  await page.getByLabel('Возможность 1').fill('Приём жалоб от детей');
  await page
    .getByLabel('Почему платформа не может её обеспечить 1')
    .fill('На платформе нет анонимного канала для несовершеннолетних');

  // Found while typing, by purpose alone: «Е-Өтініш» shares no word of its
  // title with the request, and the words it shares are whole words.
  const similar = page.getByRole('list', { name: 'Похожие системы в реестре' });
  const eOtinish = similar
    .getByRole('listitem')
    .filter({ hasText: 'Информационная система «Е-Өтініш»' });
  await expect(eOtinish).toBeVisible({ timeout: 30_000 });
  await expect(eOtinish).toContainText('общие слова:');
  await expect(eOtinish).toContainText('обращений');
  await expect(page.getByText('Похожие системы не найдены')).toHaveCount(0);
  await click(page.getByRole('button', { name: 'Далее' }));

  // Step 3: no moving on until each of the top matches is answered.
  const questions = page.getByRole('textbox', {
    name: /^Почему нельзя переиспользовать/,
  });
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(1);
  expect(count).toBeLessThanOrEqual(3);
  await click(page.getByRole('button', { name: 'Далее' }));
  await expect(
    page.getByRole('alert').filter({ hasText: 'Заполните' }),
  ).toContainText(
    'почему нельзя переиспользовать «Информационная система «Е-Өтініш»»',
  );
  for (let i = 0; i < count; i++) {
    await questions
      .nth(i)
      .fill('Не принимает анонимные жалобы несовершеннолетних');
  }
  await click(page.getByRole('button', { name: 'Далее' }));

  // Step 4: cost, data and hosting.
  await page.getByLabel('Стоимость, тенге').fill('45000000');
  await page.getByLabel('Бюджетная программа').fill('099 «Образование»');
  await click(page.getByLabel('Персональные'));
  await page.getByLabel('Размещение').selectOption({ label: 'ЦОД оператора' });
  await click(page.getByRole('button', { name: 'Далее' }));

  // Step 5: plans.
  await page
    .getByLabel('План обеспечения информационной безопасности')
    .fill('Испытания ГТС до промышленной эксплуатации');
  await page
    .getByLabel('План выхода или переноса на платформу')
    .fill('Перенос на платформу, когда появится анонимный канал');
  await click(page.getByRole('button', { name: 'Далее' }));
  await click(page.getByRole('button', { name: 'Далее' }));
  await click(page.getByRole('button', { name: 'Подать' }));

  await expect(
    page.getByRole('heading', { name: /^Заявка EX-/ }),
  ).toBeVisible();
  await expect(page.getByText('Подана').first()).toBeVisible();
  const onRequest = page
    .getByRole('list', { name: 'Похожие системы в реестре' })
    .getByRole('listitem')
    .filter({ hasText: 'Информационная система «Е-Өтініш»' });
  await expect(onRequest).toContainText(
    'Почему нельзя переиспользовать: Не принимает анонимные жалобы несовершеннолетних',
  );
  test.info().annotations.push({ type: 'clicks', description: String(clicks) });
  // eslint-disable-next-line no-console
  console.log(`wizard journey: ${clicks} clicks`);
});
