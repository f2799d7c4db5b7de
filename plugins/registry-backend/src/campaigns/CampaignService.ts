import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignInput,
  CampaignProgress,
  CampaignState,
  CampaignSummary,
  IntegrationGraph,
  ProgressStatus,
  SimilarSystem,
  SystemCampaign,
  campaignIdFromTitle,
  describeCampaignProblems,
  validateCampaign,
} from '@qaztech/plugin-registry-common';
import { CampaignStore, CampaignSystemRow } from '../database/CampaignStore';
import { RegistryStore } from '../database/RegistryStore';
import { searchTerms } from '@qaztech/plugin-registry-common';
import { NotificationLanguage } from './readCampaignsConfig';

/**
 * What a create or update request carries besides the definition. The
 * OpenAPI spec checks its shape; {@link validateCampaign} the rest.
 */
type CampaignBody = {
  state?: 'draft' | 'active';
  version?: number;
  [field: string]: unknown;
};

/** Nodes an integration graph holds at most. */
const MAX_GRAPH_NODES = 2000;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** An integration's `system` (a name or ref) as a System entity ref. */
function toSystemRef(value: string): string {
  const ref = value.includes(':') ? value : `system:${value}`;
  const [kind, rest] = [
    ref.slice(0, ref.indexOf(':')),
    ref.slice(ref.indexOf(':') + 1),
  ];
  return lower(`${kind}:${rest.includes('/') ? rest : `default/${rest}`}`);
}

/**
 * What the campaign routes do, behind the permission checks of the router:
 * validation, defaults, and a recomputation after every change.
 */
export class CampaignService {
  readonly #store: CampaignStore;
  readonly #registry: RegistryStore;
  readonly #logger: LoggerService;
  readonly #recompute: (campaignId: string) => Promise<void>;
  /** The language of texts the API writes (the CSV's "what to do"). */
  readonly language: NotificationLanguage;

  constructor(options: {
    store: CampaignStore;
    registry: RegistryStore;
    logger: LoggerService;
    /** Recomputes one campaign; the service does not wait for it. */
    recompute: (campaignId: string) => Promise<void>;
    language: NotificationLanguage;
  }) {
    this.language = options.language;
    this.#store = options.store;
    this.#registry = options.registry;
    this.#logger = options.logger;
    this.#recompute = options.recompute;
  }

  /** Starts a recomputation; the request does not wait for it. */
  #changed(campaignId: string) {
    this.#recompute(campaignId).catch(error => {
      this.#logger.warn(`Could not recompute campaign ${campaignId}`, {
        campaignId,
        error: String(error),
      });
    });
  }

  list(states?: CampaignState[]): Promise<CampaignSummary[]> {
    return this.#store.listCampaigns({ states });
  }

  async get(id: string): Promise<CampaignSummary> {
    const campaign = await this.#store.getCampaign(id);
    if (!campaign) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return campaign;
  }

  #validate(body: CampaignBody): CampaignInput {
    const { state: _, version: __, ...input } = body;
    const problems = validateCampaign(input);
    if (problems.length) {
      throw new InputError(describeCampaignProblems(problems));
    }
    return input as CampaignInput;
  }

  async create(body: CampaignBody, by: string): Promise<Campaign> {
    const input = this.#validate(body);
    const campaign = await this.#store.createCampaign(
      {
        ...input,
        id: input.id ?? campaignIdFromTitle(input.title.en),
        state: body.state ?? 'draft',
      },
      by,
    );
    this.#changed(campaign.id);
    return campaign;
  }

  async update(id: string, body: CampaignBody, by: string): Promise<Campaign> {
    if (body.version === undefined) {
      throw new InputError(
        'version is required: send the version of the campaign you changed',
      );
    }
    const input = this.#validate(body);
    if (input.id !== undefined && input.id !== id) {
      throw new InputError(`id ${input.id} does not match the campaign ${id}`);
    }
    const campaign = await this.#store.updateCampaign(
      id,
      input,
      body.version,
      by,
    );
    this.#changed(id);
    return campaign;
  }

  async setState(
    id: string,
    state: CampaignState,
    version: number,
    by: string,
  ): Promise<Campaign> {
    const campaign = await this.#store.setState(id, state, version, by);
    this.#changed(id);
    return campaign;
  }

  async progress(
    id: string,
    query: {
      stateBody?: string;
      status?: ProgressStatus[];
      byBody?: boolean;
      limit?: number;
      cursor?: string;
    },
  ): Promise<CampaignProgress> {
    const { progress, ...campaign } = await this.get(id);
    const [bodies, systems, history] = await Promise.all([
      this.#store.listBodies(id),
      this.#store.listSystems(id, {
        stateBody: query.stateBody,
        status: query.status,
        limit: query.limit ?? 50,
        cursor: query.cursor,
      }),
      this.#store.history(id, {
        stateBody: query.stateBody,
        byBody: query.byBody,
      }),
    ]);
    const summary = progress;
    return {
      campaign,
      status: summary?.status ?? 'on-track',
      share: summary?.share ?? 0,
      total: summary?.total ?? 0,
      done: summary?.done ?? 0,
      requiredShare: summary?.requiredShare ?? 0,
      ...(summary?.nextMilestone
        ? { nextMilestone: summary.nextMilestone }
        : {}),
      bodies: bodies.sort(
        (a, b) =>
          ['late', 'at-risk', 'on-track', 'done'].indexOf(a.status) -
            ['late', 'at-risk', 'on-track', 'done'].indexOf(b.status) ||
          a.share - b.share ||
          (a.stateBodyRef < b.stateBodyRef ? -1 : 1),
      ),
      systems,
      history,
      ...(summary?.computedAt ? { computedAt: summary.computedAt } : {}),
    };
  }

  /** The late systems with their body, a batch at a time. */
  async *lateSystems(
    id: string,
    stateBody?: string,
  ): AsyncIterable<
    Array<CampaignSystemRow & { bodyTitle: string; responsible: string[] }>
  > {
    await this.get(id);
    const bodies = new Map(
      (await this.#store.listBodies(id)).map(b => [b.stateBodyRef, b]),
    );
    for await (const batch of this.#store.streamSystems(id, ['late'])) {
      yield batch
        .filter(s => !stateBody || s.stateBodyRef === lower(stateBody))
        .map(s => ({
          ...s,
          bodyTitle: bodies.get(s.stateBodyRef)?.title ?? s.stateBodyRef,
          responsible: bodies.get(s.stateBodyRef)?.responsible ?? [],
        }));
    }
  }

  systemCampaigns(entityRef: string): Promise<SystemCampaign[]> {
    return this.#store.systemCampaigns(entityRef);
  }

  /**
   * Systems whose titles share meaningful words with the system's title and
   * purpose, found with the register's own search, one query a word.
   */
  async similar(entityRef: string): Promise<SimilarSystem[]> {
    const system = await this.#registry.getSystem(entityRef);
    if (!system) {
      throw new NotFoundError(`No system ${entityRef} in the register`);
    }
    const terms = searchTerms(
      [
        system.record.title.ru,
        system.record.title.kk,
        system.record.title.en ?? '',
        system.record.purpose,
      ].join(' '),
      8,
    );
    const found = new Map<string, SimilarSystem>();
    for (const term of terms) {
      const page = await this.#registry.listSystems({
        filter: { q: term },
        sort: { field: 'name', order: 'asc' },
        limit: 20,
      });
      for (const item of page.items) {
        if (lower(item.entityRef) === lower(system.entityRef)) {
          continue;
        }
        const known = found.get(item.entityRef) ?? {
          entityRef: item.entityRef,
          title: item.title,
          stateBodyRef: item.owner.ref,
          platformStatus: item.platformStatus,
          sharedTerms: [],
          score: 0,
        };
        known.sharedTerms.push(term);
        known.score = known.sharedTerms.length / terms.length;
        found.set(item.entityRef, known);
      }
    }
    return [...found.values()]
      .sort((a, b) => b.score - a.score || (a.entityRef < b.entityRef ? -1 : 1))
      .slice(0, 10);
  }

  /**
   * The integrations between registry systems as a graph. With a state
   * body: its systems and every system they exchange data with, either way.
   */
  async integrations(stateBody?: string): Promise<IntegrationGraph> {
    const body = stateBody ? lower(stateBody) : undefined;
    type Node = IntegrationGraph['nodes'][number];
    const known = new Map<string, Node>();
    const edges: IntegrationGraph['edges'] = [];
    for await (const batch of this.#registry.streamRecords()) {
      for (const system of batch) {
        const ref = lower(system.entityRef);
        known.set(ref, {
          entityRef: ref,
          title: system.title,
          stateBodyRef: lower(system.owner.ref),
          platformStatus: system.platformStatus,
          registered: true,
        });
        for (const integration of system.record.integrations ?? []) {
          edges.push({
            from: ref,
            to: toSystemRef(integration.system),
            via: integration.via,
          });
        }
      }
    }
    const inBody = (ref: string) =>
      !body || known.get(ref)?.stateBodyRef === body;
    const kept = edges.filter(e => inBody(e.from) || inBody(e.to));
    const refs = new Set<string>();
    for (const e of kept) {
      refs.add(e.from);
      refs.add(e.to);
    }
    if (body) {
      for (const [ref, node] of known) {
        if (node.stateBodyRef === body) {
          refs.add(ref);
        }
      }
    }
    const nodes = [...refs].sort().map(
      ref =>
        known.get(ref) ?? {
          entityRef: ref,
          title: { ru: ref, kk: ref },
          registered: false,
        },
    );
    if (nodes.length > MAX_GRAPH_NODES) {
      const shown = new Set(
        nodes.slice(0, MAX_GRAPH_NODES).map(n => n.entityRef),
      );
      return {
        nodes: nodes.filter(n => shown.has(n.entityRef)),
        edges: kept.filter(e => shown.has(e.from) && shown.has(e.to)),
        truncated: true,
      };
    }
    return { nodes, edges: kept };
  }
}
