import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  FileCheckpointSink,
  UrlCheckpointSink,
  readCheckpointSink,
} from './CheckpointSink';

const CHECKPOINT = {
  count: 3,
  headHash: 'a'.repeat(64),
  publishedAt: '2026-03-02T07:00:00.000Z',
  keyId: 'audit-2026',
  signature: 'c2ln',
};

describe('checkpoint sinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'moratorium-sink-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends to a file and reads it back, skipping a torn last line', async () => {
    const file = join(dir, 'nested', 'checkpoints.jsonl');
    const sink = new FileCheckpointSink(file);
    expect(await sink.read()).toEqual([]);
    await sink.publish(CHECKPOINT);
    await sink.publish({ ...CHECKPOINT, count: 4 });
    expect(await sink.read()).toEqual([
      CHECKPOINT,
      { ...CHECKPOINT, count: 4 },
    ]);
    writeFileSync(file, `${JSON.stringify(CHECKPOINT)}\n{"count":5,"hea`);
    expect(await sink.read()).toEqual([CHECKPOINT]);
  });

  it('POSTs each checkpoint as JSON with the configured headers, and fails on a non-2xx answer', async () => {
    const received: Array<{ body: unknown; auth?: string; type?: string }> = [];
    let status = 201;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({
          body: JSON.parse(body),
          auth: req.headers.authorization,
          type: req.headers['content-type'],
        });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const sink = readCheckpointSink(
        new ConfigReader({
          moratorium: {
            audit: {
              checkpoints: {
                sink: {
                  url: `http://127.0.0.1:${port}/checkpoints`,
                  headers: { Authorization: 'Bearer archive-token' },
                },
              },
            },
          },
        }),
      )!;
      expect(sink).toBeInstanceOf(UrlCheckpointSink);
      await sink.publish(CHECKPOINT);
      expect(received).toEqual([
        {
          body: CHECKPOINT,
          auth: 'Bearer archive-token',
          type: 'application/json',
        },
      ]);
      status = 503;
      await expect(sink.publish(CHECKPOINT)).rejects.toThrow(
        `The checkpoint sink URL http://127.0.0.1:${port}/checkpoints answered 503`,
      );
    } finally {
      server.close();
    }
  });

  it('names a wrong sink config', () => {
    const sinkOf = (sink: object) =>
      readCheckpointSink(
        new ConfigReader({ moratorium: { audit: { checkpoints: { sink } } } }),
      );
    expect(readCheckpointSink(new ConfigReader({}))).toBeUndefined();
    expect(sinkOf({ file: '/tmp/a.jsonl' })).toBeInstanceOf(FileCheckpointSink);
    expect(() => sinkOf({ file: '/tmp/a', url: 'https://x' })).toThrow(
      'give file or url, not both',
    );
    expect(() => sinkOf({})).toThrow('give file (a path) or url');
    expect(() => sinkOf({ url: 'ftp://archive' })).toThrow(
      'ftp: is not http(s)',
    );
  });
});
