import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  Attestation,
  ScorecardResult,
  Scorecard,
  SignOff,
} from '@qaztech/plugin-security-readiness-common';
import type { NotificationLanguage } from '../service/readSecurityReadinessConfig';
import { SecurityReadinessMessage, renderMessage } from './messages';

/**
 * The scorecard tab of a System page in the app: the catalog's entity page
 * (`/catalog/:namespace/:kind/:name`) and the tab the frontend mounts there
 * (`ENTITY_TAB_PATH` in plugins/security-readiness/src/routes.ts).
 */
export function scorecardLink(systemRef: string): string {
  const { namespace, name } = parseEntityRef(systemRef);
  return `/catalog/${encodeURIComponent(namespace)}/system/${encodeURIComponent(
    name,
  )}/security-readiness`;
}

/**
 * Tells people about security readiness through the notifications plugin,
 * in the configured language. A failure to send is logged, never thrown:
 * the caller has already recorded that the notice is due.
 */
export class SecurityReadinessNotifier {
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;
  readonly #language: NotificationLanguage;
  readonly #scorecard: Scorecard;

  constructor(options: {
    notifications: NotificationService;
    logger: LoggerService;
    language: NotificationLanguage;
    /** For the titles of checks. */
    scorecard: Scorecard;
  }) {
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#language = options.language;
    this.#scorecard = options.scorecard;
  }

  #checkTitle(checkId: string): string {
    const check = this.#scorecard.checks.find(c => c.id === checkId);
    return check?.title[this.#language] ?? checkId;
  }

  /** The system's owner (its state body group), before an attestation expires. */
  async attestationExpiring(
    attestation: Attestation,
    system: { ownerRef: string; title: string },
  ): Promise<void> {
    await this.#send(
      attestation.systemRef,
      [system.ownerRef],
      {
        kind: 'attestation-expiring',
        systemTitle: system.title,
        checkTitle: this.#checkTitle(attestation.checkId),
        expiresAt: attestation.expiresAt,
      },
      `attestation-expiring:${attestation.id}`,
      'normal',
    );
  }

  /** The owner and the signing officer, when the level drops below the signed one. */
  async signOffDropped(
    signOff: SignOff,
    current: ScorecardResult,
    system: { ownerRef: string; title: string },
  ): Promise<void> {
    await this.#send(
      signOff.systemRef,
      [system.ownerRef, signOff.signedBy],
      {
        kind: 'signoff-dropped',
        systemTitle: system.title,
        signedLevel: signOff.level,
        currentLevel: current.level,
        score: current.score,
      },
      `signoff-dropped:${signOff.id}`,
      'high',
    );
  }

  async #send(
    systemRef: string,
    entityRef: string[],
    message: SecurityReadinessMessage,
    scope: string,
    severity: NotificationSeverity,
  ): Promise<void> {
    try {
      await this.#notifications.send({
        recipients: { type: 'entity', entityRef: [...new Set(entityRef)] },
        payload: {
          ...renderMessage(message, this.#language),
          link: scorecardLink(systemRef),
          topic: 'security-readiness',
          scope: `security-readiness:${systemRef}:${scope}`,
          severity,
        },
      });
    } catch (error) {
      this.#logger.warn('Could not send a security readiness notification', {
        systemRef,
        notification: message.kind,
        error: String(error),
      });
    }
  }
}
