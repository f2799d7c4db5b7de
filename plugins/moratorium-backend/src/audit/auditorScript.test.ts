import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  USERS,
  as,
  startMoratoriumBackend,
} from '../__testUtils__/startMoratoriumBackend';
import { auditHash } from './auditFormat';

jest.setTimeout(120_000);

const run = promisify(execFile);

/** The auditor's script exactly as docs/audit.md prints it. */
function documentedScript(): string {
  const doc = readFileSync(
    resolve(__dirname, '../../../../docs/audit.md'),
    'utf8',
  );
  const block = doc.match(
    /<!-- auditor-script:start -->\s*```sh\n([\s\S]*?)```\s*<!-- auditor-script:end -->/,
  );
  if (!block) {
    throw new Error('docs/audit.md has no auditor script block');
  }
  return block[1];
}

describe('the auditor script of docs/audit.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'moratorium-auditor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function runScript(backend: { server: any }, workDir: string) {
    const script = join(dir, 'verify-audit.sh');
    writeFileSync(script, documentedScript(), { mode: 0o755 });
    const { port } = backend.server.address() as AddressInfo;
    try {
      const { stdout } = await run('bash', [script], {
        cwd: workDir,
        env: {
          PATH: process.env.PATH,
          BASE: `http://127.0.0.1:${port}`,
          // The script sends it as a bearer token, as a real auditor would.
          TOKEN: as(USERS.auditor).replace(/^Bearer /, ''),
        },
      });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  }

  it('verifies the real API with curl, jq and openssl, and names a re-hashed entry and a truncation', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const sinkFile = join(dir, 'sink.jsonl');
    const backend = await startMoratoriumBackend({
      config: {
        moratorium: {
          audit: {
            activeKeyId: 'audit-test',
            signingKeys: [
              {
                id: 'audit-test',
                privateKey: privateKey.export({
                  format: 'pem',
                  type: 'pkcs8',
                }) as string,
              },
            ],
            checkpoints: { sink: { file: sinkFile } },
          },
        },
      },
    });
    try {
      for (const purpose of [
        'Учёт разрешений',
        'Разрешения «в кавычках» \\ и "так"',
      ]) {
        const created = await request(backend.server)
          .post('/api/moratorium/requests')
          .set('Authorization', as(USERS.applicant))
          .send({
            content: {
              system: {
                kind: 'planned',
                entityRef: 'system:default/e-permits',
                title: {
                  ru: 'Электронные разрешения',
                  kk: 'Электрондық рұқсаттар',
                },
              },
              purpose,
            },
          });
        expect([created.status, created.body.error]).toEqual([201, undefined]);
      }
      await backend.publishCheckpoint();

      // Keys and checkpoints are public, like the register of decisions.
      const keys = await request(backend.server)
        .get('/api/moratorium/audit/keys')
        .set('Authorization', mockCredentials.none.header());
      expect(keys.status).toBe(200);
      expect(keys.body.items).toEqual([
        {
          id: 'audit-test',
          publicKey: expect.stringContaining('BEGIN PUBLIC KEY'),
          active: true,
        },
      ]);
      const checkpoints = await request(backend.server)
        .get('/api/moratorium/audit/checkpoints')
        .set('Authorization', mockCredentials.none.header());
      expect(checkpoints.status).toBe(200);
      expect(checkpoints.body).toEqual({
        items: [
          {
            count: 2,
            headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
            publishedAt: expect.any(String),
            keyId: 'audit-test',
            signature: expect.any(String),
          },
        ],
        totalCount: 1,
      });
      expect(JSON.parse(readFileSync(sinkFile, 'utf8'))).toEqual(
        checkpoints.body.items[0],
      );

      const clean = mkdtempSync(join(dir, 'clean-'));
      const ok = await runScript(backend, clean);
      expect(ok).toEqual({
        code: 0,
        stdout: 'checked 2 entries against 1 checkpoints, 0 problems\n',
      });
      // The auditor keeps the checkpoints they downloaded.
      const saved = readFileSync(join(clean, 'checkpoints.jsonl'), 'utf8');

      // The database owner rewrites entry 1 and re-hashes the chain.
      const { knex } = backend;
      const rows = await knex('moratorium_audit').orderBy('seq');
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const payload = JSON.parse(row.payload);
        if (Number(row.seq) === 1) {
          payload.contentSha256 = 'f'.repeat(64);
        }
        const hash = auditHash(prev, {
          seq: Number(row.seq),
          requestId: row.request_id,
          actor: row.actor,
          action: row.action,
          payload,
          at: row.at,
          keyId: row.key_id,
        });
        await knex('moratorium_audit')
          .where('seq', row.seq)
          .update({ payload: JSON.stringify(payload), prev_hash: prev, hash });
        prev = hash;
      }
      await knex('moratorium_audit_head').update({ seq: 2, hash: prev });
      const rehashed = await runScript(
        backend,
        mkdtempSync(join(dir, 'rehashed-')),
      );
      expect(rehashed.code).not.toBe(0);
      expect(rehashed.stdout.split('\n')).toEqual([
        'FAIL: entry 1: the signature does not verify with key audit-test (re-hashed or forged)',
        'FAIL: entry 2: the signature does not verify with key audit-test (re-hashed or forged)',
        expect.stringMatching(
          /^FAIL: entry 2 does not have the hash checkpoint 2 vouches for \([0-9a-f]{64}\): the chain was rewritten$/,
        ),
        'checked 2 entries against 1 checkpoints, 3 problems',
        '',
      ]);

      // Entry 2 and the database's checkpoints removed: the saved copy tells.
      await knex('moratorium_audit').where('seq', 2).delete();
      await knex('moratorium_audit_checkpoints').delete();
      const cut = mkdtempSync(join(dir, 'cut-'));
      writeFileSync(join(cut, 'saved-checkpoints.jsonl'), saved);
      const truncated = await runScript(backend, cut);
      expect(truncated.stdout).toContain(
        'FAIL: the chain has 1 entries, but a checkpoint vouches for 2: it was truncated',
      );
      expect(truncated.code).not.toBe(0);
    } finally {
      await backend.stop();
    }
  });
});
