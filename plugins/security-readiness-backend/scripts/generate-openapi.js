#!/usr/bin/env node
/*
 * Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml, so the
 * router is typed by the same spec it validates with.
 * Usage: node scripts/generate-openapi.js   (from the package folder)
 */
// @ts-check
const { readFileSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
// eslint-disable-next-line @backstage/no-undeclared-imports
const { parse } = require('yaml');

const schemaDir = resolve(__dirname, '../src/schema');
const spec = parse(readFileSync(resolve(schemaDir, 'openapi.yaml'), 'utf8'));

writeFileSync(
  resolve(schemaDir, 'openapi.generated.ts'),
  `// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
// src/schema/openapi.test.ts fails when the two differ.

/** The security readiness API's OpenAPI document. @public */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`,
);
