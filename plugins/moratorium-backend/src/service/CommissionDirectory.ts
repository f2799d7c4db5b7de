import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** What a conflict of interest is judged on. */
export type ConflictSubject = { applicant: string; stateBodyRef?: string };

/** Groups nested deeper than this are not followed (a guard against cycles). */
const MAX_DEPTH = 5;

/**
 * Reads the commission and the state bodies from the catalog: members of a
 * Group are its `hasMember` relations, and those of its child groups.
 */
export class CommissionDirectory {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #commissionGroups: string[];

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    commissionGroups: string[];
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#commissionGroups = options.commissionGroups;
  }

  /**
   * How many commission members may vote on a request: the members of the
   * commission groups, minus the applicant and the members of the request's
   * state body.
   */
  async eligibleMembers(request: ConflictSubject): Promise<number> {
    const members = await this.membersOf(this.#commissionGroups);
    const conflicted = request.stateBodyRef
      ? await this.membersOf([request.stateBodyRef])
      : new Set<string>();
    conflicted.add(request.applicant.toLocaleLowerCase('en-US'));
    return [...members].filter(m => !conflicted.has(m)).length;
  }

  /** The User refs of the members of the groups, child groups included. */
  async membersOf(groupRefs: string[]): Promise<Set<string>> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const members = new Set<string>();
    const seen = new Set<string>();
    let next = groupRefs.map(ref => ref.toLocaleLowerCase('en-US'));
    for (let depth = 0; depth < MAX_DEPTH && next.length > 0; depth++) {
      next.forEach(ref => seen.add(ref));
      const { items } = await this.#catalog.getEntitiesByRefs(
        { entityRefs: next, fields: ['kind', 'metadata', 'relations'] },
        { credentials },
      );
      const children: string[] = [];
      for (const group of items.filter((g): g is Entity => Boolean(g))) {
        for (const relation of group.relations ?? []) {
          const target = relation.targetRef.toLocaleLowerCase('en-US');
          if (relation.type === RELATION_HAS_MEMBER) {
            members.add(target);
          } else if (
            relation.type === RELATION_PARENT_OF &&
            !seen.has(target)
          ) {
            children.push(target);
          }
        }
      }
      next = [...new Set(children)];
    }
    return members;
  }

  /**
   * What is wrong with the state body a request names, read from the
   * catalog (never from the request): it must be a Group of `spec.type`
   * `state-body`, and own the system when the request is about an existing
   * one. Undefined when it is right.
   */
  async stateBodyProblem(content: {
    stateBodyRef?: string;
    system?: { kind: string; entityRef?: string };
  }): Promise<string | undefined> {
    const bodyRef = content.stateBodyRef;
    if (!bodyRef) {
      return undefined;
    }
    const credentials = await this.#auth.getOwnServiceCredentials();
    const system = content.system;
    const systemRef =
      system?.kind === 'existing' && system.entityRef
        ? system.entityRef
        : undefined;
    const { items } = await this.#catalog.getEntitiesByRefs(
      {
        entityRefs: [bodyRef, ...(systemRef ? [systemRef] : [])],
        fields: ['kind', 'metadata', 'spec.type', 'spec.owner', 'relations'],
      },
      { credentials },
    );
    const [body, systemEntity] = items;
    if (
      !body ||
      body.kind.toLocaleLowerCase('en-US') !== 'group' ||
      body.spec?.type !== 'state-body'
    ) {
      return `content.stateBodyRef ${bodyRef} is not a state body: it must be a Group of spec.type state-body in the catalog`;
    }
    if (systemRef && systemEntity) {
      let owners = (systemEntity.relations ?? [])
        .filter(r => r.type === RELATION_OWNED_BY)
        .map(r => r.targetRef.toLocaleLowerCase('en-US'));
      const specOwner = systemEntity.spec?.owner;
      if (owners.length === 0 && typeof specOwner === 'string') {
        // Not processed yet: the owner the catalog stores for it.
        owners = [
          stringifyEntityRef(
            parseEntityRef(specOwner, {
              defaultKind: 'group',
              defaultNamespace: 'default',
            }),
          ).toLocaleLowerCase('en-US'),
        ];
      }
      if (
        !owners.includes(stringifyEntityRef(body).toLocaleLowerCase('en-US'))
      ) {
        return `content.stateBodyRef ${bodyRef} does not own ${systemRef} (its owner is ${
          owners.join(', ') || 'not recorded'
        }): a request is filed by the state body that owns the system`;
      }
    }
    return undefined;
  }

  /**
   * The caller's state body: the first Group of type `state-body` among
   * what they belong to, if any.
   */
  async stateBodyOf(actor: {
    ownershipRefs: string[];
  }): Promise<string | undefined> {
    const groups = actor.ownershipRefs.filter(ref => ref.startsWith('group:'));
    if (groups.length === 0) {
      return undefined;
    }
    const credentials = await this.#auth.getOwnServiceCredentials();
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs: groups, fields: ['kind', 'metadata', 'spec.type'] },
      { credentials },
    );
    const body = items.find(e => e?.spec?.type === 'state-body');
    return body ? stringifyEntityRef(body) : undefined;
  }
}
