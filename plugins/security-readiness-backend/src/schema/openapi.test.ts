import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
// The spec's own YAML parser; a transitive dependency of the Backstage CLI.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('is openapi.yaml as it is now (run node scripts/generate-openapi.js)', () => {
    const yaml = parse(
      readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(yaml);
  });
});

describe('openapi.yaml', () => {
  // The validator loads and checks the whole document on the first request:
  // a broken spec answers 500 to everything.
  function app() {
    const router = createValidatedOpenApiRouter(spec);
    router.get('/runs', (_req, res) => {
      res.json({ items: [] });
    });
    router.post('/waivers', (_req, res) => {
      res.status(201).end();
    });
    return express().use(router).use(mockErrorHandler());
  }

  it('is a valid OpenAPI document that the router accepts', async () => {
    const res = await request(app()).get('/runs').query({ limit: 5 });
    expect(res.status).toBe(200);
  });

  it('answers a request that breaks it with a 400 naming the field', async () => {
    const res = await request(app()).get('/runs').query({ limit: 0 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('limit');

    const body = await request(app()).post('/waivers').send({
      systemRef: 'system:default/e-license',
      checkId: 'soc-monitoring',
      justification: 'SOC connection is planned for Q3',
      expiresAt: 'next year',
    });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toContain('expiresAt');
  });
});
