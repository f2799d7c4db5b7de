import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * The production browser tests (scripts/prod-e2e.sh starts what they run
 * against): OIDC sign-in through a real provider, and the journeys through
 * nginx in front of two replicas. In file order, one worker.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: resolve(__dirname, '../../test-results/prod-e2e.json') },
    ],
  ],
  outputDir: resolve(__dirname, '../../test-results/prod-e2e'),
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7480',
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
