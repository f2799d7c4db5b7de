import { Browser, Page, expect, test } from '@playwright/test';
import { answerReuseCheck } from '../journeys/reuseCheck';

// The exemption workflow end to end, as the people who run it: the head of a
// state body files a request, the secretary takes it in, the platform
// architect gives the feasibility opinion, the secretary puts it on today's
// sitting and drafts an approval with a condition, three members vote for
// that draft (a secret ballot), the secretary records it as voted, and the
// register shows the system exempted.

const SYSTEM = 'Платформа олимпиад школьников';
const SYSTEM_PAGE = '/catalog/default/system/olimpiady-shkolnikov';

/** A calendar day in Almaty, `days` after today. */
function almatyDay(days = 0): string {
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return day.toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
}

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

async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () =>
    undefined,
) {
  await page
    .getByRole('region', { name: 'Действия' })
    .getByRole('button', { name: action })
    .click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText(`${action}: выполнено`)).toBeVisible();
}

test('a request goes from the applicant through the commission to an exemption in the register', async ({
  browser,
}) => {
  test.setTimeout(480_000);

  // The head of the Ministry of Education files the request.
  const applicant = await signIn(browser, 'Жанар Омарова');
  await applicant
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Исключения' })
    .click();
  await expect(
    applicant.getByRole('heading', { name: 'Исключения из моратория' }),
  ).toBeVisible();
  await applicant.getByRole('button', { name: 'Новая заявка' }).click();

  await applicant.getByLabel('Поиск в реестре').fill('олимпиад');
  await applicant.getByRole('button', { name: new RegExp(SYSTEM) }).click();
  await expect(applicant.getByText(`Выбрано: ${SYSTEM}`)).toBeVisible();
  await applicant.getByRole('button', { name: 'Далее' }).click();

  await applicant
    .getByLabel('Назначение')
    .fill('Проведение республиканских олимпиад школьников онлайн');
  await applicant
    .getByRole('button', { name: 'Добавить ограничение платформы' })
    .click();
  await applicant
    .getByLabel('Возможность 1')
    .fill('Прокторинг участников с видеонаблюдением');
  await applicant
    .getByLabel('Почему платформа не может её обеспечить 1')
    .fill('На платформе нет сервиса потокового видео с распознаванием лиц');
  await applicant.getByRole('button', { name: 'Далее' }).click();
  // The reuse check: a reason for each of the top similar systems, if any.
  await answerReuseCheck(
    applicant,
    'Не проводит олимпиады и не ведёт прокторинг',
  );
  await applicant.getByRole('button', { name: 'Далее' }).click();

  await applicant.getByLabel('Стоимость, тенге').fill('180000000');
  await applicant
    .getByLabel('Бюджетная программа')
    .fill('099 «Обеспечение доступности качественного школьного образования»');
  await applicant.getByLabel('Персональные').check();
  await applicant.getByLabel('Размещение').selectOption({
    label: 'ЦОД оператора',
  });
  await applicant.getByLabel('Страна').fill('KZ');
  await applicant.getByLabel('ЦОД или провайдер').fill('АО «НИТ», Астана');
  await applicant.getByRole('button', { name: 'Далее' }).click();

  await applicant
    .getByLabel('План обеспечения информационной безопасности')
    .fill('Испытания ГТС до промышленной эксплуатации, подключение к ОЦИБ');
  await applicant
    .getByLabel('План выхода или переноса на платформу')
    .fill('Перенос на платформу, когда появится сервис видеопрокторинга');
  await applicant.getByRole('button', { name: 'Далее' }).click();
  await applicant.getByRole('button', { name: 'Далее' }).click();
  await applicant.getByRole('button', { name: 'Подать' }).click();

  const heading = applicant.getByRole('heading', { name: /^Заявка EX-/ });
  await expect(heading).toBeVisible();
  await expect(applicant.getByText('Подана').first()).toBeVisible();
  const requestPath = new URL(applicant.url()).pathname;

  // The secretary takes it in for the platform's review.
  const secretary = await signIn(browser, 'Гульнара Ахметова');
  await secretary.goto(requestPath);
  await act(secretary, 'Принять к рассмотрению');

  // The platform architect finds the platform cannot serve it.
  const architect = await signIn(browser, 'Тимур Жунусов');
  await architect.goto(requestPath);
  await act(architect, 'Дать заключение платформы', async dialog => {
    await dialog
      .getByLabel('Вывод')
      .selectOption({ label: 'Платформа не может обеспечить' });
    await dialog
      .getByLabel('Заключение')
      .fill('Сервиса видеопрокторинга на платформе нет и в 2027 году не будет');
  });

  // The secretary puts it on today's sitting with the ministry's opinion.
  const sittingDate = almatyDay();
  await secretary.reload();
  await act(secretary, 'Включить в повестку', async dialog => {
    await dialog.getByLabel('Дата заседания').fill(sittingDate);
    await dialog
      .getByLabel('Рекомендация министерства')
      .selectOption({ label: 'Рекомендует одобрить' });
    await dialog
      .getByLabel('Заключение министерства')
      .fill('Поддержать на срок до переноса');
  });
  await expect(
    secretary.getByText('В повестке заседания').first(),
  ).toBeVisible();

  // The secretary puts the terms to the vote: the commission decides them.
  await act(
    secretary,
    'Вынести проект решения на голосование',
    async dialog => {
      await dialog
        .getByLabel('Решение')
        .selectOption({ label: 'Одобрить с условиями' });
      await dialog.getByLabel('Действует до').fill(almatyDay(365));
      await dialog.getByRole('button', { name: 'Добавить условие' }).click();
      await dialog
        .getByRole('textbox', { name: 'Условие 1' })
        .fill('Подключить систему к ОЦИБ до ввода в эксплуатацию');
      await dialog.getByLabel('Срок выполнения условия 1').fill(almatyDay(90));
    },
  );
  await expect(secretary.getByText('Проект решения (тур 1)')).toBeVisible();

  // Three members vote for the draft: a quorum of the six, none from the
  // ministry. Each sees their own vote and the count, not the others'.
  for (const member of [
    'Кайрат Садвакасов',
    'Сәуле Жақсыбекова',
    'Марат Утепов',
  ]) {
    const page = await signIn(browser, member);
    await page.goto(requestPath);
    const panel = page.getByRole('region', { name: 'Ваш голос' });
    await panel.getByRole('radio', { name: 'За' }).check();
    await panel.getByLabel('Мнение').fill('Обоснование достаточное');
    await panel.getByRole('button', { name: 'Проголосовать' }).click();
    await expect(page.getByText('Ваш голос учтён')).toBeVisible();
    await expect(page.getByText('Ваш голос: За')).toBeVisible();
    await expect(page.getByText('Кворум есть')).toHaveCount(0);
    await page.context().close();
  }

  // The secretary records the approval with its condition, as voted.
  await secretary.reload();
  await act(secretary, 'Записать решение', async dialog => {
    await dialog
      .getByLabel('Решение')
      .selectOption({ label: 'Одобрить с условиями' });
    await dialog.getByLabel('Номер протокола').fill('КВЦ-2026/11-7');
    await dialog.getByLabel('Дата заседания').fill(sittingDate);
  });
  await expect(
    secretary.getByText('Одобрена с условиями').first(),
  ).toBeVisible();
  await expect(secretary.getByText(/Протокол № КВЦ-2026\/11-7/)).toBeVisible();

  // The register follows: the catalog reprocesses the system with the
  // commission's decision as its exemption.
  await expect(async () => {
    await applicant.goto(SYSTEM_PAGE);
    await expect(
      applicant.getByText(/исключение по решению КВЦ-2026\/11-7/),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });
  // On the registry card the status chip reads «Исключение» (so does its
  // exemption row), and «Нарушение» is gone. (Other cards of the page, such
  // as similar systems, show other systems' statuses.)
  const card = applicant.getByRole('article').filter({
    has: applicant.getByRole('heading', { name: 'Учётная запись реестра' }),
  });
  await expect(
    card.getByText('Исключение', { exact: true }).first(),
  ).toBeVisible();
  await expect(card.getByText('Нарушение', { exact: true })).toHaveCount(0);
});
