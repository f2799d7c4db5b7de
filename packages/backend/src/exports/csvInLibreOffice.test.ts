import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { databases } from '../authz/__testUtils__/demoBackend';
import { Fixtures, campaignInput } from '../authz/__testUtils__/fixtures';
import {
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

// Issue 16, item 7: every CSV export, downloaded as the app's buttons ask for
// it (`sep=;`), opens in a spreadsheet of the ru/kk locale as columns with
// Cyrillic intact. LibreOffice (Debian's libreoffice-calc-nogui, which
// scripts/test.sh installs) reads each file as Calc does with `;` and UTF-8,
// and writes it back tab-separated for the test to read. This checks a file
// format, so SQLite is enough.

jest.setTimeout(300_000);

/** `soffice` on PATH, or undefined. */
function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'soffice');
    if (dir && existsSync(candidate)) {
      return candidate;
    }
  }
  return ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find(
    existsSync,
  );
}

/** CSV filter options: separator, quote, charset 76 (UTF-8), from line 1. */
const READ_AS_RU_EXCEL = 'CSV:59,34,76,1';
const WRITE_TAB_SEPARATED = 'csv:Text - txt - csv (StarCalc):9,34,76,1';

/** Each file as LibreOffice read it: rows of cells. */
async function openInLibreOffice(
  soffice: string,
  files: Record<string, string>,
): Promise<Record<string, string[][]>> {
  const dir = await mkdtemp(join(tmpdir(), 'qaztech-csv-'));
  try {
    const inputs: string[] = [];
    for (const [name, body] of Object.entries(files)) {
      const path = join(dir, `${name}.csv`);
      await writeFile(path, body, 'utf8');
      inputs.push(path);
    }
    // One invocation for every file: LibreOffice starts once (seconds).
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        `--infilter=${READ_AS_RU_EXCEL}`,
        '--convert-to',
        WRITE_TAB_SEPARATED,
        '--outdir',
        join(dir, 'out'),
        ...inputs,
      ],
      { timeout: 120_000 },
    );
    const read: Record<string, string[][]> = {};
    for (const name of Object.keys(files)) {
      const text = await readFile(join(dir, 'out', `${name}.csv`), 'utf8');
      read[name] = parseTabSeparated(text.replace(/^\uFEFF/, ''));
    }
    return read;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rows of a tab-separated file (cells with a tab, quote or line break quoted). */
function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('CSV exports opened in LibreOffice with the ru/kk separator', () => {
  const [, database] = databases('qaztech_csv_libreoffice_')[0];
  let backend: SuiteBackend;
  let fixtures: Fixtures;

  beforeAll(async () => {
    backend = await startSuiteBackend(database);
    fixtures = new Fixtures(backend.server);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function download(user: string, path: string): Promise<string> {
    const res = await request(backend.server)
      .get(path)
      .set('authorization', `Bearer ${await fixtures.token(user)}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
    return (res.body as Buffer).toString('utf8');
  }

  it('opens every export as columns with Cyrillic intact', async () => {
    const soffice = findSoffice();
    if (!soffice) {
      // Never a skip: scripts/test.sh installs libreoffice-calc-nogui.
      throw new Error(
        'soffice (LibreOffice) is not installed: apt-get install libreoffice-calc-nogui, or run scripts/test.sh, which installs it',
      );
    }

    await fixtures.approved('minfin');
    // A campaign whose only milestone has passed: every system in scope
    // that is not on the platform is late.
    const campaign = await fixtures.call(
      'platform.admin',
      'post',
      '/api/registry/campaigns',
      201,
      {
        ...campaignInput('csv-libreoffice'),
        startDate: '2025-01-01',
        milestones: [{ date: '2025-06-30', share: 1 }],
      },
    );
    await fixtures.call(
      'platform.admin',
      'post',
      `/api/registry/campaigns/${campaign.id}/state`,
      200,
      { state: 'active', version: campaign.version },
    );

    const files = {
      register: await download(
        'platform.admin',
        '/api/registry/export.csv?sep=;',
      ),
      late: await download(
        'platform.admin',
        `/api/registry/campaigns/${campaign.id}/late.csv?sep=;`,
      ),
      decisions: await download(
        'platform.admin',
        '/api/moratorium/decisions/export.csv?sep=;',
      ),
    };
    const sheets = await openInLibreOffice(soffice, files);

    const { register, late, decisions } = sheets;
    expect(register[0]).toEqual([
      'entityRef',
      'registryNumber',
      'titleRu',
      'titleKk',
      'titleEn',
      'ownerRef',
      'ownerBin',
      'ownerKind',
      'lifecycleStage',
      'platformStatus',
      'platformReason',
      'critical',
      'hostingKind',
      'hostingCountry',
      'dataCategories',
      'updatedAt',
    ]);
    expect(late[0]).toEqual([
      'entityRef',
      'titleRu',
      'titleKk',
      'titleEn',
      'stateBodyRef',
      'stateBody',
      'responsible',
      'whatToDo',
    ]);
    expect(decisions[0]).toEqual([
      'requestNumber',
      'outcome',
      'state',
      'protocolNumber',
      'sittingDate',
      'expiresAt',
      'system',
      'stateBody',
      'conditions',
      'reasons',
      'recordedAt',
    ]);
    for (const [name, rows] of Object.entries(sheets)) {
      expect({ name, rows: rows.length > 1 }).toEqual({ name, rows: true });
      for (const row of rows) {
        // every row has exactly the header's columns: nothing split or merged
        expect({ name, columns: row.length }).toEqual({
          name,
          columns: rows[0].length,
        });
      }
    }

    // Cyrillic (Russian and Kazakh letters) in the columns it belongs to.
    const titleRu = register.map(row => row[2]);
    const titleKk = register.map(row => row[3]);
    expect(titleRu).toContain('Государственная база данных «Е-лицензирование»');
    expect(titleKk).toContain('«Е-лицензиялау» мемлекеттік деректер қоры');
    expect(register.slice(1).every(row => /[А-яЁё]/.test(row[2]))).toBe(true);
    expect(late.slice(1).every(row => /[А-яЁё]/.test(row[1]))).toBe(true);
    expect(late.slice(1).every(row => /[А-яЁё]/.test(row[5]))).toBe(true);
    expect(decisions[1][1]).toBe('approved');
    expect(decisions[1][3]).toMatch(/^П-\d+$/);
  });
});
