import {
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
} from '@backstage/frontend-plugin-api';

/** Where the chosen demo user is kept, so a reload stays signed in. */
export const DEMO_USER_STORAGE_KEY = 'qaztech.demoSignIn.user';

/** The header the backend's `demo` auth provider reads. */
const DEMO_USER_HEADER = 'x-qaztech-demo-user';

/** Refresh the token this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

interface RefreshResponse {
  profile: ProfileInfo;
  backstageIdentity: {
    token: string;
    expiresInSeconds?: number;
    identity: BackstageUserIdentity;
  };
}

/**
 * The identity of a person signed in through the backend's `demo` provider:
 * a Backstage token for a catalog User, renewed before it expires.
 */
export class DemoIdentity implements IdentityApi {
  static async signIn(options: {
    discoveryApi: DiscoveryApi;
    userName: string;
  }): Promise<DemoIdentity> {
    const identity = new DemoIdentity(options.discoveryApi, options.userName);
    await identity.#refresh();
    localStorage.setItem(DEMO_USER_STORAGE_KEY, options.userName);
    return identity;
  }

  readonly #discoveryApi: DiscoveryApi;
  readonly #userName: string;
  #session?: { response: RefreshResponse; expiresAt: number };
  #pending?: Promise<RefreshResponse>;

  private constructor(discoveryApi: DiscoveryApi, userName: string) {
    this.#discoveryApi = discoveryApi;
    this.#userName = userName;
  }

  async getProfileInfo(): Promise<ProfileInfo> {
    return (await this.#current()).profile;
  }

  async getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return (await this.#current()).backstageIdentity.identity;
  }

  async getCredentials(): Promise<{ token?: string }> {
    return { token: (await this.#current()).backstageIdentity.token };
  }

  async signOut(): Promise<void> {
    localStorage.removeItem(DEMO_USER_STORAGE_KEY);
    this.#session = undefined;
    window.location.href = '/';
  }

  async #current(): Promise<RefreshResponse> {
    if (
      this.#session &&
      this.#session.expiresAt - Date.now() > REFRESH_MARGIN_MS
    ) {
      return this.#session.response;
    }
    return this.#refresh();
  }

  #refresh(): Promise<RefreshResponse> {
    // Concurrent callers share one request.
    this.#pending ??= this.#fetchSession().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetchSession(): Promise<RefreshResponse> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('auth');
    const res = await fetch(`${baseUrl}/demo/refresh`, {
      headers: {
        'x-requested-with': 'XMLHttpRequest',
        [DEMO_USER_HEADER]: this.#userName,
      },
      credentials: 'include',
    });
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        const body = await res.json();
        message = body?.error?.message ?? message;
      } catch {
        // The body was not the standard error JSON; keep the status line.
      }
      throw new Error(message);
    }
    const response: RefreshResponse = await res.json();
    const lifetimeMs =
      (response.backstageIdentity.expiresInSeconds ?? 3600) * 1000;
    this.#session = { response, expiresAt: Date.now() + lifetimeMs };
    return response;
  }
}
