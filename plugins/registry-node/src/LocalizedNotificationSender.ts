import {
  AuthService,
  LoggerService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_USER_LANGUAGE,
  USER_LANGUAGES,
  UserLanguage,
} from '@qaztech/plugin-registry-common';
import {
  UserLanguageReader,
  userLanguageReaderServiceRef,
} from './userLanguages';

/**
 * A notification written in every language, sent to each person in theirs.
 *
 * @public
 */
export interface LocalizedNotification {
  /**
   * Entity refs of users, groups (every member, with sub-groups) or other
   * entities (their owners).
   */
  recipients: string[];
  /** Users left out, e.g. the person who caused the notice. */
  excludedRecipients?: string[];
  /** The notification in a language. */
  render(language: UserLanguage): NotificationPayload;
  /** The language of people who never picked one; ru unless given. */
  defaultLanguage?: UserLanguage;
}

/**
 * Who got a localized notification, by language.
 *
 * @public
 */
export type LocalizedNotificationResult = Partial<
  Record<UserLanguage, string[]>
>;

/**
 * Sends notifications in the reader's language.
 *
 * @public
 */
export interface LocalizedNotificationService {
  /**
   * Expands the recipients to users through the catalog, groups them by the
   * language each picked in Settings, and sends one notification per
   * language. Throws when the notifications backend refuses one.
   */
  send(
    notification: LocalizedNotification,
  ): Promise<LocalizedNotificationResult>;
}

/** Entity refs read from the catalog in one request. */
const BATCH = 200;

/**
 * Sends each person a notification in the language they picked in the
 * app's Settings (`ru` when they never picked one), through Backstage's
 * notifications backend: recipients are expanded to users through the
 * catalog, and one notification goes out per language.
 *
 * @public
 */
export class LocalizedNotificationSender
  implements LocalizedNotificationService
{
  readonly #notifications: NotificationService;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #languages: UserLanguageReader;
  readonly #logger: LoggerService;

  constructor(options: {
    notifications: NotificationService;
    catalog: CatalogService;
    auth: AuthService;
    languages: UserLanguageReader;
    logger: LoggerService;
  }) {
    this.#notifications = options.notifications;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#languages = options.languages;
    this.#logger = options.logger;
  }

  async send(
    notification: LocalizedNotification,
  ): Promise<LocalizedNotificationResult> {
    const excluded = new Set(
      (notification.excludedRecipients ?? []).map(ref =>
        stringifyEntityRef(parseEntityRef(ref)),
      ),
    );
    const users = (await this.expandToUsers(notification.recipients)).filter(
      user => !excluded.has(user),
    );
    if (users.length === 0) {
      return {};
    }
    let picked: Record<string, UserLanguage> = {};
    try {
      picked = await this.#languages.getLanguages(users);
    } catch (error) {
      // A notice in the default language beats no notice at all.
      this.#logger.warn(
        'Could not read the languages of recipients; writing to them in the default language',
        { error: String(error) },
      );
    }
    const byLanguage: LocalizedNotificationResult = {};
    for (const user of users) {
      const language =
        picked[user] ?? notification.defaultLanguage ?? DEFAULT_USER_LANGUAGE;
      (byLanguage[language] ??= []).push(user);
    }
    for (const language of USER_LANGUAGES) {
      const entityRef = byLanguage[language];
      if (entityRef) {
        await this.#notifications.send({
          recipients: { type: 'entity', entityRef },
          payload: notification.render(language),
        });
      }
    }
    return byLanguage;
  }

  /**
   * The users behind entity refs: users themselves, the members of groups
   * and of their sub-groups, and the owners of other entities. Users are
   * kept even when the catalog does not know them.
   */
  async expandToUsers(entityRefs: string[]): Promise<string[]> {
    const users = new Set<string>();
    const seen = new Set<string>();
    let pending = entityRefs.map(ref =>
      stringifyEntityRef(parseEntityRef(ref)),
    );
    const options = {
      credentials: await this.#auth.getOwnServiceCredentials(),
    };
    while (pending.length > 0) {
      const next: string[] = [];
      const toRead: string[] = [];
      for (const ref of pending) {
        if (seen.has(ref)) {
          continue;
        }
        seen.add(ref);
        if (parseEntityRef(ref).kind === 'user') {
          users.add(ref);
        } else {
          toRead.push(ref);
        }
      }
      for (let i = 0; i < toRead.length; i += BATCH) {
        const { items } = await this.#catalog.getEntitiesByRefs(
          {
            entityRefs: toRead.slice(i, i + BATCH),
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'relations',
            ],
          },
          options,
        );
        for (const entity of items) {
          if (!entity) {
            continue;
          }
          const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
          const followed = isGroup
            ? [RELATION_HAS_MEMBER, RELATION_PARENT_OF]
            : [RELATION_OWNED_BY];
          for (const relation of entity.relations ?? []) {
            if (followed.includes(relation.type)) {
              next.push(relation.targetRef);
            }
          }
        }
      }
      pending = next;
    }
    return [...users].sort();
  }
}

/**
 * Sends notifications in each reader's language, for backend plugins.
 *
 * @example
 * ```ts
 * deps: { notifier: localizedNotificationServiceRef },
 * async init({ notifier }) {
 *   await notifier.send({
 *     recipients: ['group:default/qaztech-commission'],
 *     render: language => ({ title: titles[language] }),
 *   });
 * }
 * ```
 *
 * @public
 */
export const localizedNotificationServiceRef =
  createServiceRef<LocalizedNotificationService>({
    id: 'registry.localized-notifications',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          notifications: notificationService,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
          logger: coreServices.logger,
          languages: userLanguageReaderServiceRef,
        },
        factory: deps => new LocalizedNotificationSender(deps),
      }),
  });
