import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Request } from 'express';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { MoratoriumService } from './MoratoriumService';
import { AuditRecordService } from '../audit/AuditRecordService';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  csvDocument,
  findUnsafeText,
  parseCsvSeparator,
} from '@qaztech/plugin-registry-common';

/** What the router needs. */
export interface RouterOptions {
  service: MoratoriumService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** Whether the register of decisions and the audit check need no sign-in. */
  publicRecord?: boolean;
  /** The audit record's checkpoints and public keys. */
  auditRecord?: AuditRecordService;
}

/** The longest Idempotency-Key accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * The Idempotency-Key header, if the client sent one; a key longer than
 * {@link MAX_IDEMPOTENCY_KEY_LENGTH} characters is a 400 naming the header
 * (it is stored and indexed with every answer it replays).
 */
function idempotencyKey(req: Request<any, any, any, any>): string | undefined {
  const key = req.header('idempotency-key') || undefined;
  if (key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new InputError(
      `The Idempotency-Key header must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`,
    );
  }
  return key;
}

/**
 * The moratorium API, validated against src/schema/openapi.yaml: a request
 * that breaks the spec is a 400 naming the parameter before any handler
 * runs. Handlers only translate HTTP to {@link MoratoriumService} calls;
 * permission checks and the workflow live there, and errors are thrown
 * (InputError, NotAllowedError, NotFoundError, ConflictError) for the
 * backend's error handler to answer.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, auditor } = options;
  const router = createValidatedOpenApiRouter(spec);

  // Text people read must show what it says: no NUL, control, zero-width or
  // text-direction characters, and no titles mixing Cyrillic and Latin.
  router.use((req, _res, next) => {
    const problem =
      findUnsafeText(req.query, 'request/query') ??
      findUnsafeText(req.body, 'request/body');
    if (problem) {
      throw new InputError(problem);
    }
    next();
  });

  /** Wraps a change in an auditor event that records success or failure. */
  async function audited<T>(
    req: Request<any, any, any, any>,
    eventId: string,
    meta: Record<string, string | undefined>,
    fn: () => Promise<T>,
  ): Promise<T> {
    const event = await auditor.createEvent({
      eventId,
      request: req,
      severityLevel: 'medium',
      meta: Object.fromEntries(
        Object.entries(meta).filter(([, v]) => v !== undefined),
      ) as Record<string, string>,
    });
    try {
      const result = await fn();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  const user = (req: Request<any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['user'] });
  const anyone = (req: Request<any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  // The register of decisions and the audit check are public when
  // configured: anyone, signed in or not, may read and verify the record.
  const reader = (req: Request<any, any, any, any>) =>
    options.publicRecord
      ? httpAuth.credentials(req, { allow: ['user', 'service', 'none'] })
      : anyone(req);

  router.post('/requests', async (req, res) => {
    const credentials = await user(req);
    const result = await audited(req, 'request-create', {}, () =>
      service.createRequest(credentials, req.body, idempotencyKey(req)),
    );
    res.status(result.status).json(result.body);
  });

  router.get('/requests', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listRequests(credentials, req.query));
  });

  router.get('/requests/:id', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.getRequest(credentials, req.params.id));
  });

  router.put('/requests/:id', async (req, res) => {
    const credentials = await user(req);
    const result = await audited(
      req,
      'request-update',
      { requestId: req.params.id },
      () =>
        service.updateRequest(
          credentials,
          req.params.id,
          req.body,
          idempotencyKey(req),
        ),
    );
    res.status(result.status).json(result.body);
  });

  router.post('/requests/:id/transitions', async (req, res) => {
    const credentials = await user(req);
    const result = await audited(
      req,
      'request-transition',
      { requestId: req.params.id, action: req.body.action },
      () =>
        service.transition(
          credentials,
          req.params.id,
          req.body,
          idempotencyKey(req),
        ),
    );
    res.status(result.status).json(result.body);
  });

  router.post('/requests/:id/votes', async (req, res) => {
    const credentials = await user(req);
    const result = await audited(
      req,
      'request-vote',
      { requestId: req.params.id },
      () =>
        service.vote(credentials, req.params.id, req.body, idempotencyKey(req)),
    );
    res.status(result.status).json(result.body);
  });

  router.get('/decisions', async (req, res) => {
    const credentials = await reader(req);
    res.json(await service.listDecisions(credentials, req.query));
  });

  router.get('/decisions/export.csv', async (req, res) => {
    const credentials = await reader(req);
    const sep = parseCsvSeparator(req.query.sep);
    const rows = await service.exportDecisions(credentials, req.query);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      'attachment; filename="moratorium-decisions.csv"',
    );
    res.send(csvDocument(rows, sep));
  });

  router.get('/sittings', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listSittings(credentials));
  });

  router.get('/sittings/:id', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.getSitting(credentials, req.params.id));
  });

  router.get('/exemptions', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listExemptions(credentials, req.query.system));
  });

  router.get('/audit', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listAudit(credentials, req.query));
  });

  router.get('/audit/checkpoints', async (req, res) => {
    await reader(req);
    if (!options.auditRecord) {
      throw new NotFoundError('No audit checkpoints are published here');
    }
    res.json(await options.auditRecord.listCheckpoints(req.query));
  });

  router.get('/audit/keys', async (req, res) => {
    await reader(req);
    if (!options.auditRecord) {
      throw new NotFoundError('No audit keys are published here');
    }
    res.json(options.auditRecord.listKeys());
  });

  router.get('/audit/verify', async (req, res) => {
    const credentials = await reader(req);
    res.json(await service.verifyAudit(credentials));
  });

  router.get('/similar-systems', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.findSimilarSystems(credentials, req.query.q));
  });

  return router;
}
