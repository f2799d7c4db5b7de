import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { LocalizedNotificationService } from '@qaztech/plugin-registry-node';
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
 * each in the language they picked in Settings (the configured language for
 * those who never did). A failure to send is logged, never thrown:
 * the caller has already recorded that the notice is due.
 */
export class SecurityReadinessNotifier {
  readonly #sender: LocalizedNotificationService;
  readonly #logger: LoggerService;
  readonly #language: NotificationLanguage;
  readonly #scorecard: Scorecard;

  constructor(options: {
    sender: LocalizedNotificationService;
    logger: LoggerService;
    /** The language of people who never picked one. */
    language: NotificationLanguage;
    /** For the titles of checks. */
    scorecard: Scorecard;
  }) {
    this.#sender = options.sender;
    this.#logger = options.logger;
    this.#language = options.language;
    this.#scorecard = options.scorecard;
  }

  #checkTitle(checkId: string, language: NotificationLanguage): string {
    const check = this.#scorecard.checks.find(c => c.id === checkId);
    return check?.title[language] ?? checkId;
  }

  /** The system's owner (its state body group), before an attestation expires. */
  async attestationExpiring(
    attestation: Attestation,
    system: { ownerRef: string; title: string },
  ): Promise<void> {
    await this.#send(
      attestation.systemRef,
      [system.ownerRef],
      language => ({
        kind: 'attestation-expiring',
        systemTitle: system.title,
        checkTitle: this.#checkTitle(attestation.checkId, language),
        expiresAt: attestation.expiresAt,
      }),
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
      () => ({
        kind: 'signoff-dropped',
        systemTitle: system.title,
        signedLevel: signOff.level,
        currentLevel: current.level,
        score: current.score,
      }),
      `signoff-dropped:${signOff.id}`,
      'high',
    );
  }

  async #send(
    systemRef: string,
    entityRef: string[],
    message: (language: NotificationLanguage) => SecurityReadinessMessage,
    scope: string,
    severity: NotificationSeverity,
  ): Promise<void> {
    try {
      await this.#sender.send({
        recipients: [...new Set(entityRef)],
        defaultLanguage: this.#language,
        render: language => ({
          ...renderMessage(message(language), language),
          link: scorecardLink(systemRef),
          topic: 'security-readiness',
          scope: `security-readiness:${systemRef}:${scope}`,
          severity,
        }),
      });
    } catch (error) {
      this.#logger.warn('Could not send a security readiness notification', {
        systemRef,
        notification: message(this.#language).kind,
        error: String(error),
      });
    }
  }
}
