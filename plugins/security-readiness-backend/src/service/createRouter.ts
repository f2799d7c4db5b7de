import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express, { Request } from 'express';
import { spec } from '../schema/openapi.generated';
import { rejectUnknownFields } from '../schema/rejectUnknownFields';
import { SecurityReadinessService } from './SecurityReadinessService';
import { InputError } from '@backstage/errors';
import { findUnsafeText } from '@qaztech/plugin-registry-common';

/** What the router needs. */
export interface RouterOptions {
  service: SecurityReadinessService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}

/**
 * Request bodies may be large: `POST /facts` takes up to 1000 facts of up to
 * 256 KB each. The per-fact limit is checked by the service.
 */
const BODY_LIMIT = '10mb';

/**
 * The security readiness API, validated against src/schema/openapi.yaml: a
 * request that breaks the spec is a 400 naming the field before any handler
 * runs. Handlers translate HTTP to {@link SecurityReadinessService} calls
 * and wrap every change in an auditor event; permissions and rules live in
 * the service, and errors are thrown for the backend's error handler.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { service, httpAuth, auditor } = options;
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [
      express.json({ limit: BODY_LIMIT }),
      rejectUnknownFields(spec as any),
    ],
  });

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
  const service_ = (req: Request<any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['service'] });
  const anyone = (req: Request<any, any, any, any>) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/scorecards', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listScorecards(credentials, req.query));
  });

  router.get('/scorecards/:namespace/:name', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await service.getScorecard(
        credentials,
        req.params.namespace,
        req.params.name,
      ),
    );
  });

  router.get('/scorecards/:namespace/:name/history', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await service.history(
        credentials,
        req.params.namespace,
        req.params.name,
        req.query,
      ),
    );
  });

  router.get('/scorecards/:namespace/:name/facts', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await service.facts(
        credentials,
        req.params.namespace,
        req.params.name,
        req.query,
      ),
    );
  });

  router.get('/scorecards/:namespace/:name/signoffs', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await service.signOffs(
        credentials,
        req.params.namespace,
        req.params.name,
        req.query,
      ),
    );
  });

  router.post('/evaluate', async (req, res) => {
    const credentials = await anyone(req);
    const body = req.body ?? {};
    const run = await audited(
      req,
      'evaluate',
      { systemRef: body.systemRef ?? 'all' },
      () => service.evaluate(credentials, body),
    );
    res.status(202).json(run);
  });

  router.get('/runs', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.listRuns(credentials, req.query));
  });

  router.get('/runs/:id', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.getRun(credentials, req.params.id));
  });

  router.get('/summary', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.summary(credentials, req.query));
  });

  router.post('/facts', async (req, res) => {
    const credentials = await service_(req);
    const result = await audited(
      req,
      'facts-push',
      { count: String(req.body.facts.length) },
      () => service.pushFacts(credentials, req.body as any),
    );
    res.status(202).json(result);
  });

  router.post('/attestations', async (req, res) => {
    const credentials = await user(req);
    const attestation = await audited(
      req,
      'attestation-create',
      { systemRef: req.body.systemRef, checkId: req.body.checkId },
      () => service.attest(credentials, req.body),
    );
    res.status(201).json(attestation);
  });

  router.get('/review-queue', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await service.reviewQueue(credentials, req.query));
  });

  router.post('/waivers', async (req, res) => {
    const credentials = await user(req);
    const waiver = await audited(
      req,
      'waiver-request',
      { systemRef: req.body.systemRef, checkId: req.body.checkId },
      () => service.requestWaiver(credentials, req.body),
    );
    res.status(201).json(waiver);
  });

  router.post('/waivers/:id/decision', async (req, res) => {
    const credentials = await user(req);
    const waiver = await audited(
      req,
      'waiver-decide',
      { waiverId: req.params.id, decision: req.body.decision },
      () => service.decideWaiver(credentials, req.params.id, req.body),
    );
    res.json(waiver);
  });

  router.post('/signoffs', async (req, res) => {
    const credentials = await user(req);
    const signOff = await audited(
      req,
      'signoff-create',
      { systemRef: req.body.systemRef },
      () => service.signOff(credentials, req.body),
    );
    res.status(201).json(signOff);
  });

  return router;
}
