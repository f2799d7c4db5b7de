import { Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerReuseCheck } from '../journeys/reuseCheck';
import { signIn } from './oidc';

// The moratorium and readiness journeys of e2e/tests, in production: two
// replicas behind nginx (scripts/prod-e2e.sh), everyone signing in through
// the OIDC provider. Requests are spread over both replicas; replica b is
// stopped in the middle of the moratorium journey, which finishes through
// replica a with nothing lost.

const OUT = process.env.QAZTECH_PROD_OUT ?? '';
const [PORT_A, PORT_B] = (
  process.env.QAZTECH_REPLICA_PORTS ?? '7481 7482'
).split(' ');
const [, PID_B] = (process.env.QAZTECH_REPLICA_PIDS ?? '')
  .split(' ')
  .map(Number);

interface Served {
  at: number;
  request: string;
  status: number;
  upstream: string;
}

/** nginx's access log: when, what, the status and which replica(s) served it. */
function served(): Served[] {
  const text = readFileSync(resolve(OUT, 'nginx-access.log'), 'utf8');
  return text
    .split('\n')
    .map(line => /^([\d.]+) "([^"]*)" (\d+) upstream=(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map(m => ({
      at: Number(m[1]) * 1000,
      request: m[2],
      status: Number(m[3]),
      upstream: m[4],
    }));
}
const api = (rows: Served[]) => rows.filter(r => / \/api\//.test(r.request));
const by = (rows: Served[], port: string) =>
  rows.filter(r => r.upstream.endsWith(`:${port}`));

/** A calendar day in Almaty, `days` after today. */
function almatyDay(days = 0): string {
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return day.toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
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

test.describe.serial('two replicas behind nginx', () => {
  test('readiness: one officer attests a check, another signs the scorecard off, served by both replicas', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    // The career navigator of mintrud: neither officer belongs to its body,
    // and who attests does not sign off (docs/security-readiness.md).
    const SCORECARD =
      '/catalog/default/system/navigator-professii/security-readiness';
    const GOVERNANCE =
      'Назначен ответственный за информационную безопасность, документы по ИБ утверждены';
    const officer = await signIn(
      browser,
      'arman.kenzhebekov',
      'Арман Кенжебеков',
    );
    await officer.goto(SCORECARD);
    // The facts came from "CI" (scripts/prod-e2e.sh pushed them with the
    // static token of SECURITY_READINESS_CI_TOKEN, bound to mintrud).
    await expect(
      officer.getByText('Оценка: 8,1 из 10', { exact: true }),
    ).toBeVisible({ timeout: 90_000 });
    await officer
      .getByRole('button', { name: `Подтвердить: ${GOVERNANCE}` })
      .click();
    const attest = officer.getByRole('dialog', {
      name: `Подтверждение: ${GOVERNANCE}`,
    });
    await attest
      .getByLabel('Примечания')
      .fill('Приказ № 41 от 01.10.2026 о назначении ответственного за ИБ');
    await attest.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(
      officer.getByText('Подтверждение записано, система переоценена.'),
    ).toBeVisible();
    await expect(
      officer.getByText('Оценка: 8,9 из 10', { exact: true }),
    ).toBeVisible();
    await expect(
      officer.getByRole('button', { name: 'Утвердить', exact: true }),
    ).toHaveCount(0);

    const second = await signIn(browser, 'yerzhan.baizhanov', 'Ержан Байжанов');
    await second.goto(SCORECARD);
    await expect(
      second.getByText('Оценка: 8,9 из 10', { exact: true }),
    ).toBeVisible({ timeout: 60_000 });
    await second
      .getByRole('button', { name: 'Утвердить', exact: true })
      .click();
    const signOff = second.getByRole('dialog', {
      name: 'Утвердить карту оценки',
    });
    await signOff
      .getByLabel('Комментарий')
      .fill('Проверено вместе с владельцем системы');
    await signOff.getByRole('button', { name: 'Утвердить' }).click();
    await expect(second.getByText('Карта оценки утверждена.')).toBeVisible();

    // Read back after a reload: whichever replica answers has it.
    await second.reload();
    const signed = second
      .getByText('Утверждение', { exact: true })
      .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]');
    await expect(signed).toContainText('Ержан Байжанов');

    // nginx spread the API requests over both replicas.
    const rows = api(served());
    expect(by(rows, PORT_A).length).toBeGreaterThan(5);
    expect(by(rows, PORT_B).length).toBeGreaterThan(5);
  });

  test('moratorium: a request goes through the commission to an exemption while replica b is stopped midway', async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const SYSTEM = 'Платформа олимпиад школьников';
    const SYSTEM_PAGE = '/catalog/default/system/olimpiady-shkolnikov';

    const applicant = await signIn(browser, 'zhanar.omarova', 'Жанар Омарова');
    await applicant
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Исключения' })
      .click();
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
    await answerReuseCheck(
      applicant,
      'Не проводит олимпиады и не ведёт прокторинг',
    );
    await applicant.getByRole('button', { name: 'Далее' }).click();
    await applicant.getByLabel('Стоимость, тенге').fill('180000000');
    await applicant
      .getByLabel('Бюджетная программа')
      .fill(
        '099 «Обеспечение доступности качественного школьного образования»',
      );
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
    await expect(
      applicant.getByRole('heading', { name: /^Заявка EX-/ }),
    ).toBeVisible();
    const requestPath = new URL(applicant.url()).pathname;

    const secretary = await signIn(
      browser,
      'gulnara.akhmetova',
      'Гульнара Ахметова',
    );
    await secretary.goto(requestPath);
    await act(secretary, 'Принять к рассмотрению');

    const architect = await signIn(browser, 'timur.zhunusov', 'Тимур Жунусов');
    await architect.goto(requestPath);
    await act(architect, 'Дать заключение платформы', async dialog => {
      await dialog
        .getByLabel('Вывод')
        .selectOption({ label: 'Платформа не может обеспечить' });
      await dialog
        .getByLabel('Заключение')
        .fill(
          'Сервиса видеопрокторинга на платформе нет и в 2027 году не будет',
        );
    });

    // Replica b stops (as in a rolling update or a lost node); everything
    // from here goes through replica a.
    const before = api(served());
    expect(by(before, PORT_B).length).toBeGreaterThan(0);
    expect(PID_B).toBeGreaterThan(0);
    process.kill(-PID_B, 'SIGTERM');
    const stoppedAt = Date.now();
    // The replica ends within its shutdown deadline (20 s,
    // qaztech.lifecycle.shutdownTimeout), inside Kubernetes' 30 s grace
    // period, even when a browser's WebSocket keeps its server open.
    try {
      await expect
        .poll(
          () => {
            try {
              process.kill(PID_B, 0);
              return 'running';
            } catch {
              return 'stopped';
            }
          },
          { timeout: 30_000 },
        )
        .toBe('stopped');
    } finally {
      try {
        process.kill(-PID_B, 'SIGKILL'); // as Kubernetes would, if it hung
      } catch {
        // already gone
      }
    }

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
        await dialog
          .getByLabel('Срок выполнения условия 1')
          .fill(almatyDay(90));
      },
    );
    await expect(secretary.getByText('Проект решения (тур 1)')).toBeVisible();

    for (const [login, name] of [
      ['kairat.sadvakasov', 'Кайрат Садвакасов'],
      ['saule.zhaksybekova', 'Сәуле Жақсыбекова'],
      ['marat.utepov', 'Марат Утепов'],
    ]) {
      const page = await signIn(browser, login, name);
      await page.goto(requestPath);
      const panel = page.getByRole('region', { name: 'Ваш голос' });
      await panel.getByRole('radio', { name: 'За' }).check();
      await panel.getByLabel('Мнение').fill('Обоснование достаточное');
      await panel.getByRole('button', { name: 'Проголосовать' }).click();
      await expect(page.getByText('Ваш голос учтён')).toBeVisible();
      await expect(page.getByText('Ваш голос: За')).toBeVisible();
      await page.context().close();
    }

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

    // Nothing lost: every step before the stop is in the request's history,
    // and the register follows the decision.
    await secretary.reload();
    for (const step of ['Подана', 'Одобрена с условиями']) {
      await expect(secretary.getByText(step).first()).toBeVisible();
    }
    await expect(async () => {
      await applicant.goto(SYSTEM_PAGE);
      await expect(
        applicant.getByText(/исключение по решению КВЦ-2026\/11-7/),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 240_000, intervals: [5_000] });

    // The audit chain of the whole journey is unbroken.
    const verify = await applicant.request.get('/api/moratorium/audit/verify');
    expect(verify.ok()).toBe(true);
    const verification = await verify.json();
    // Names each finding when it is not.
    expect(verification.findings ?? []).toEqual([]);
    expect(verification.ok).toBe(true);

    // After the stop, replica a served every API request and none failed
    // (a request nginx first tried on b shows both addresses).
    const after = api(served()).filter(r => r.at > stoppedAt + 1_000);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter(r => r.status >= 500)).toEqual([]);
    expect(after.filter(r => !r.upstream.endsWith(`:${PORT_A}`))).toEqual([]);
  });
});
