import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * Browser tests against the running app (scripts/e2e.sh starts it). Debian's
 * Chromium is driven directly: browsers cannot be downloaded here.
 */
export default defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: resolve(__dirname, '../test-results/e2e.json') }],
  ],
  outputDir: resolve(__dirname, '../test-results/e2e'),
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    locale: 'ru-RU',
    launchOptions: {
      executablePath: process.env.QAZTECH_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
