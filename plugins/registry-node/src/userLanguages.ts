import {
  AuthService,
  DiscoveryService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { UserLanguage, isUserLanguage } from '@qaztech/plugin-registry-common';

/**
 * Reads the language each person picked in the app's Settings.
 *
 * @public
 */
export interface UserLanguageReader {
  /**
   * The recorded language of each user entity ref that has one; users who
   * never picked a language are left out.
   */
  getLanguages(userEntityRefs: string[]): Promise<Record<string, UserLanguage>>;
}

/**
 * Reads people's languages from the registry backend
 * (`POST /api/registry/user-languages`, open to other plugins only).
 *
 * @public
 */
export class RegistryUserLanguageClient implements UserLanguageReader {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  async getLanguages(
    userEntityRefs: string[],
  ): Promise<Record<string, UserLanguage>> {
    if (userEntityRefs.length === 0) {
      return {};
    }
    const baseUrl = await this.#discovery.getBaseUrl('registry');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'registry',
    });
    const response = await fetch(`${baseUrl}/user-languages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ userRefs: userEntityRefs }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as {
      items: Array<{ userRef: string; language: string }>;
    };
    const languages: Record<string, UserLanguage> = {};
    for (const item of body.items) {
      if (isUserLanguage(item.language)) {
        languages[item.userRef] = item.language;
      }
    }
    return languages;
  }
}

/**
 * The service that reads people's languages; by default from the registry
 * backend over HTTP.
 *
 * @public
 */
export const userLanguageReaderServiceRef =
  createServiceRef<UserLanguageReader>({
    id: 'registry.user-languages',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          discovery: coreServices.discovery,
          auth: coreServices.auth,
        },
        factory: ({ discovery, auth }) =>
          new RegistryUserLanguageClient({ discovery, auth }),
      }),
  });
