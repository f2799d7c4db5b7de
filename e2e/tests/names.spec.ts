import { test, expect, Page } from '@playwright/test';

/*
 * Names people recognise, in tables that never cut a word: at a laptop's
 * 1280 px, the register, the catalog and a system page are measured word by
 * word with DOM ranges, and must not show catalog refs of people or bodies.
 */
test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(240_000);

type SplitWord = { word: string; lines: number; cell: string };

/**
 * Every word (a run without spaces) in the visible table cells that the
 * browser laid out on more than one line: its range has client rects on
 * different lines.
 */
async function wordsSplitAcrossLines(page: Page): Promise<SplitWord[]> {
  return page.evaluate(() => {
    const found: { word: string; lines: number; cell: string }[] = [];
    const cells = Array.from(
      document.querySelectorAll<HTMLElement>(
        'td, th, [role="cell"], [role="columnheader"]',
      ),
    ).filter(cell => cell.getClientRects().length > 0);
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A word is a run without spaces; a compound joined by a hyphen
        // between letters («контакт-центр») may wrap after its hyphen, as in
        // print, but a number or code («ИС-83319», «2026-12-08») may not.
        const pieces: { index: number; word: string }[] = [];
        const runs = /\S+/g;
        for (let r = runs.exec(text); r; r = runs.exec(text)) {
          const parts = r[0].split(/(?<=\p{L}-)(?=\p{L})/u);
          let offset = r.index;
          for (const part of parts) {
            pieces.push({ index: offset, word: part });
            offset += part.length;
          }
        }
        for (const m of pieces) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m.word.length);
          const tops = new Set<number>();
          for (const rect of Array.from(range.getClientRects())) {
            if (rect.width > 0 && rect.height > 0) {
              tops.add(Math.round(rect.top / 4));
            }
          }
          if (tops.size > 1) {
            found.push({
              word: m.word,
              lines: tops.size,
              cell: (cell.innerText || '').slice(0, 80),
            });
          }
        }
      }
    }
    return found;
  });
}

async function expectReadable(page: Page, what: string) {
  const split = await wordsSplitAcrossLines(page);
  expect(split, `${what}: words split across lines`).toEqual([]);
  const text = await page.locator('body').innerText();
  expect(text, `${what}: raw user refs on screen`).not.toMatch(
    /user:default\//,
  );
  expect(text, `${what}: raw group refs on screen`).not.toMatch(
    /group:default\//,
  );
}

test('register, catalog and a system page name people and bodies and keep words whole at 1280 px', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Войти: Айдос Сейітқали' }).click();
  await expect(
    page.getByRole('heading', { name: /Добро пожаловать/ }),
  ).toBeVisible();

  // The register: its table, state bodies by name in the filter and chart.
  await page.goto('/registry');
  await expect(
    page.getByRole('heading', { name: 'Реестр информационных систем' }),
  ).toBeVisible();
  const firstSystem = page
    .getByRole('row')
    .filter({ has: page.getByRole('link') })
    .first();
  await expect(async () => {
    await page.reload();
    await expect(firstSystem).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000 });
  // The owning body by its name, not `mcriap`.
  const portalRow = page
    .getByRole('row')
    .filter({ hasText: 'Веб-портал «электронного правительства»' });
  await expect(portalRow).toContainText(
    'Министерство цифрового развития, инноваций и аэрокосмической промышленности',
  );
  await expect(
    page.getByRole('row').filter({ hasText: /^mcriap$/ }),
  ).toHaveCount(0);
  await expectReadable(page, 'register');

  // The catalog's systems: register titles and owners by name.
  await page.goto('/catalog?filters%5Bkind%5D=system&filters%5Buser%5D=all');
  // The catalog pages its 100 systems: find the portal as a person would.
  await page
    .getByPlaceholder(/Поиск/)
    .first()
    .fill('электронного правительства');
  const catalogRow = page
    .getByRole('row')
    .filter({ hasText: 'Веб-портал «электронного правительства»' });
  await expect(catalogRow).toBeVisible();
  await expectReadable(page, 'catalog');

  // A system page: its header by the register title.
  await page.goto('/catalog/default/system/portal-elektronnogo-pravitelstva');
  await expect(
    page
      .getByRole('heading', {
        name: 'Веб-портал «электронного правительства»',
      })
      .first(),
  ).toBeVisible();
  await expect(page.getByText('Учётная запись реестра')).toBeVisible();
  await expectReadable(page, 'system page');
});
