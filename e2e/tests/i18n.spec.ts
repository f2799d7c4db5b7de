import { test, expect, Page } from '@playwright/test';

/**
 * Latin words that may stay in a Kazakh or Russian page: brand and code
 * names. Anything else in a header, tab, column header or button is English
 * that a translation missed.
 */
const ALLOWED = new Set([
  'QazTech',
  'API',
  'APIs',
  'CSV',
  'JSON',
  'YAML',
  'URL',
  'ID',
  'GitHub',
  'Backstage',
]);

/** The Latin words in the page's headings, tabs, column headers and buttons. */
async function englishWords(page: Page): Promise<string[]> {
  const texts = await page
    .locator(
      'main h1, main h2, main h3, main h4, main h5, main h6, [role=tab], th, [role=columnheader], button, label',
    )
    .evaluateAll(elements =>
      elements
        .filter(e => (e as HTMLElement).offsetParent !== null)
        .map(e => (e as HTMLElement).innerText),
    );
  const words = texts.flatMap(text => text.match(/[A-Za-z]{2,}/g) ?? []);
  return [...new Set(words.filter(word => !ALLOWED.has(word)))].sort();
}

test.describe('the app in Kazakh', () => {
  test('the catalog has no English in its headers, tabs and buttons', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /Язык/ }).click();
    await page.getByRole('option', { name: 'Қазақша' }).click();
    await page.getByRole('button', { name: 'Кіру: Гульнара Ахметова' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    // Signed in: the home page greets her by name.
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Гульнара Ахметова',
    );

    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Каталог' })
      .click();
    await expect(page.getByRole('columnheader', { name: 'Аты' })).toBeVisible();
    await expect(page.getByText('Сүзгілер').first()).toBeVisible();

    await page.screenshot({
      path: test.info().outputPath('catalog-kk.png'),
      fullPage: true,
    });
    expect(await englishWords(page)).toEqual([]);
  });
});
