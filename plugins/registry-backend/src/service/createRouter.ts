import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_USER_LANGUAGE,
  MORATORIUM_TIME_ZONE,
  registryCampaignCreatePermission,
  registryCampaignReadPermission,
  registryCampaignUpdatePermission,
  registryExportPermission,
  registrySystemReadPermission,
} from '@qaztech/plugin-registry-common';
import { CampaignService } from '../campaigns/CampaignService';
import express from 'express';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import { RegistryStore, RegistrySystem } from '../database/RegistryStore';
import { spec } from '../schema/openapi.generated';
import { createAuthorizer } from './createAuthorizer';
import {
  UTF8_BOM,
  csvLine,
  parseCsvSeparator,
  findUnsafeText,
} from '@qaztech/plugin-registry-common';
import { parseFilter } from './parseFilter';
import { renderAction } from '../campaigns/campaignMessages';
import { DatabaseUserLanguageStore } from '../database/DatabaseUserLanguageStore';

/** Rows read from the database for each write of the CSV export. */
const EXPORT_BATCH = 1000;

const CSV_COLUMNS: Array<[string, (s: RegistrySystem) => string | undefined]> =
  [
    ['entityRef', s => s.entityRef],
    ['registryNumber', s => s.registryNumber],
    ['titleRu', s => s.title.ru],
    ['titleKk', s => s.title.kk],
    ['titleEn', s => s.title.en],
    ['ownerRef', s => s.owner.ref],
    ['ownerBin', s => s.owner.bin],
    ['ownerKind', s => s.ownerKind],
    ['lifecycleStage', s => s.lifecycleStage],
    ['platformStatus', s => s.platformStatus],
    ['platformReason', s => s.platformReason],
    ['critical', s => String(s.critical)],
    ['hostingKind', s => s.hostingKind],
    ['hostingCountry', s => s.hostingCountry],
    ['dataCategories', s => s.dataCategories.join(';')],
    ['updatedAt', s => s.updatedAt],
  ];

/** Writes a chunk, waiting for the socket to drain when its buffer is full. */
async function write(res: express.Response, chunk: string): Promise<void> {
  if (res.write(chunk)) {
    return;
  }
  await new Promise<void>(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A JSON body as sent, and its entity tag. */
type Serialized = { text: string; etag: string };

/**
 * Bodies the store served from its short-lived cache come back as the same
 * object; they are serialized (and tagged) once, not on every request.
 */
const serialized = new WeakMap<object, Serialized>();

/** Like `res.json`, with the serialization of a repeated body reused. */
function sendJson(res: express.Response, body: object) {
  let known = serialized.get(body);
  if (!known) {
    const text = JSON.stringify(body);
    // The weak tag express would compute: length and SHA-1 of the body.
    const hash = createHash('sha1')
      .update(text, 'utf8')
      .digest('base64')
      .substring(0, 27);
    known = {
      text,
      etag: `W/"${Buffer.byteLength(text, 'utf8').toString(16)}-${hash}"`,
    };
    serialized.set(body, known);
  }
  res.setHeader('ETag', known.etag);
  res.type('json').send(known.text);
}

/** Who made a change: the user, or the calling plugin. */
function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | BackstageServicePrincipal;
  return principal.type === 'user'
    ? principal.userEntityRef
    : `service:${principal.subject}`;
}

const LATE_CSV_COLUMNS = [
  'entityRef',
  'titleRu',
  'titleKk',
  'titleEn',
  'stateBodyRef',
  'stateBody',
  'responsible',
  'whatToDo',
];

/** What the router needs. */
export interface RouterOptions {
  store: RegistryStore;
  campaigns: CampaignService;
  languages: DatabaseUserLanguageStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/**
 * The registry API, validated against src/schema/openapi.yaml: a request
 * that breaks the spec is a 400 naming the parameter before any handler
 * runs.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, campaigns, languages } = options;
  const authorize = createAuthorizer(options);
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

  router.get('/systems', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    const { sort = 'name', order = 'asc', limit = 50, cursor } = req.query;
    sendJson(
      res,
      await store.listSystems({
        filter: parseFilter(req.query),
        sort: { field: sort, order },
        limit: Number(limit),
        cursor,
      }),
    );
  });

  router.get('/systems/:namespace/:name', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    const entityRef = stringifyEntityRef({
      kind: 'system',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const system = await store.getSystem(entityRef);
    if (!system) {
      throw new NotFoundError(`No system ${entityRef} in the register`);
    }
    res.json(system);
  });

  router.get('/stats', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    sendJson(res, await store.stats());
  });

  router.get('/export.csv', async (req, res) => {
    await authorize(req, registryExportPermission);
    const sep = parseCsvSeparator(req.query.sep);
    const filter = parseFilter(req.query);
    const day = DateTime.now().setZone(MORATORIUM_TIME_ZONE).toISODate();
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="register-${day}.csv"`,
    );
    await write(
      res,
      UTF8_BOM +
        csvLine(
          CSV_COLUMNS.map(([name]) => name),
          sep,
        ),
    );
    for await (const batch of store.streamSystems(filter, EXPORT_BATCH)) {
      if (res.destroyed) {
        return; // the client went away; stop reading the database
      }
      await write(
        res,
        batch
          .map(system =>
            csvLine(
              CSV_COLUMNS.map(([, value]) => value(system)),
              sep,
            ),
          )
          .join(''),
      );
    }
    res.end();
  });

  router.get('/imports', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    const items = await store.listImports(Number(req.query.limit ?? 50));
    res.json({ items });
  });

  router.post('/imports', async (req, res) => {
    // Only importers (backend services) report runs; a person never does.
    await httpAuth.credentials(req, { allow: ['service'] });
    const id = await store.addImport(req.body);
    res.status(201).json({ id });
  });

  router.get('/campaigns', async (req, res) => {
    await authorize(req, registryCampaignReadPermission);
    res.json({ items: await campaigns.list(req.query.state) });
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await authorize(req, registryCampaignCreatePermission);
    res
      .status(201)
      .json(await campaigns.create(req.body, actorOf(credentials)));
  });

  router.get('/campaigns/:id', async (req, res) => {
    await authorize(req, registryCampaignReadPermission);
    res.json(await campaigns.get(req.params.id));
  });

  router.put('/campaigns/:id', async (req, res) => {
    const credentials = await authorize(req, registryCampaignUpdatePermission);
    res.json(
      await campaigns.update(req.params.id, req.body, actorOf(credentials)),
    );
  });

  router.post('/campaigns/:id/state', async (req, res) => {
    const credentials = await authorize(req, registryCampaignUpdatePermission);
    res.json(
      await campaigns.setState(
        req.params.id,
        req.body.state,
        req.body.version,
        actorOf(credentials),
      ),
    );
  });

  router.get('/campaigns/:id/progress', async (req, res) => {
    await authorize(req, registryCampaignReadPermission);
    const { stateBody, status, byBody, limit, cursor } = req.query;
    res.json(
      await campaigns.progress(req.params.id, {
        stateBody,
        status,
        byBody,
        limit: limit === undefined ? undefined : Number(limit),
        cursor,
      }),
    );
  });

  router.get('/campaigns/:id/late.csv', async (req, res) => {
    await authorize(req, registryCampaignReadPermission);
    const sep = parseCsvSeparator(req.query.sep);
    const language = campaigns.language;
    const rows = campaigns.lateSystems(req.params.id, req.query.stateBody);
    // Reading the first batch before the headers turns an unknown campaign
    // into a 404 rather than an empty file.
    const iterator = rows[Symbol.asyncIterator]();
    let next = await iterator.next();
    const day = DateTime.now().setZone(MORATORIUM_TIME_ZONE).toISODate();
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${req.params.id}-late-${day}.csv"`,
    );
    await write(res, UTF8_BOM + csvLine(LATE_CSV_COLUMNS, sep));
    while (!next.done) {
      if (res.destroyed) {
        return;
      }
      await write(
        res,
        next.value
          .map(s =>
            csvLine(
              [
                s.entityRef,
                s.title.ru,
                s.title.kk,
                s.title.en,
                s.stateBodyRef,
                s.bodyTitle,
                s.responsible.join(';'),
                renderAction(s.whatToDo, language),
              ],
              sep,
            ),
          )
          .join(''),
      );
      next = await iterator.next();
    }
    res.end();
  });

  router.get('/systems/:namespace/:name/campaigns', async (req, res) => {
    await authorize(req, registryCampaignReadPermission);
    const entityRef = stringifyEntityRef({
      kind: 'system',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    res.json({ items: await campaigns.systemCampaigns(entityRef) });
  });

  router.get('/systems/:namespace/:name/similar', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    const entityRef = stringifyEntityRef({
      kind: 'system',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    res.json({ items: await campaigns.similar(entityRef) });
  });

  router.get('/integrations', async (req, res) => {
    await authorize(req, registrySystemReadPermission);
    res.json(await campaigns.integrations(req.query.stateBody));
  });

  // A person's language: each user reads and sets only their own, the one
  // in their sign-in token; no permission can widen that.
  router.get('/me/language', async (req, res) => {
    const { principal } = await httpAuth.credentials(req, { allow: ['user'] });
    const picked = await languages.getLanguage(principal.userEntityRef);
    res.json({ language: picked ?? DEFAULT_USER_LANGUAGE, picked: !!picked });
  });

  router.put('/me/language', async (req, res) => {
    const { principal } = await httpAuth.credentials(req, { allow: ['user'] });
    await languages.setLanguage(principal.userEntityRef, req.body.language);
    res.json({ language: req.body.language, picked: true });
  });

  // Other plugins read languages to write notifications; users cannot list
  // who speaks what.
  router.post('/user-languages', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const found = await languages.getLanguages(req.body.userRefs);
    res.json({
      items: Object.entries(found).map(([userRef, language]) => ({
        userRef,
        language,
      })),
    });
  });

  return router;
}
