import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CampaignMessage, renderCampaignMessage } from './campaignMessages';
import type { NotificationLanguage } from './readCampaignsConfig';

/**
 * The campaign page in the app (the frontend mounts it under the register
 * page), optionally narrowed to one state body.
 */
export function campaignLink(campaignId: string, stateBody?: string): string {
  const path = `/registry/campaigns/${encodeURIComponent(campaignId)}`;
  return stateBody ? `${path}?${new URLSearchParams({ stateBody })}` : path;
}

/** The campaigns page in the app, narrowed to one state body. */
export function campaignsLink(stateBody: string): string {
  return `/registry/campaigns?${new URLSearchParams({ stateBody })}`;
}

/**
 * Sends campaign reminders and escalations through the notifications
 * plugin, in the configured language. A failure to send is logged, never
 * thrown: progress is already saved.
 */
export class CampaignNotifier {
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;
  readonly #language: NotificationLanguage;

  constructor(options: {
    notifications: NotificationService;
    logger: LoggerService;
    language: NotificationLanguage;
  }) {
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#language = options.language;
  }

  get language(): NotificationLanguage {
    return this.#language;
  }

  /**
   * Sends a message to entities (users or groups). `scope` identifies the
   * notification: a newer one with the same scope replaces the older in
   * each recipient's inbox.
   */
  async send(options: {
    campaignId: string;
    recipients: string[];
    message: CampaignMessage;
    scope: string;
    severity: NotificationSeverity;
    stateBody?: string;
    /** Where it leads; the campaign's page (for the body) by default. */
    link?: string;
  }): Promise<boolean> {
    const recipients = [...new Set(options.recipients)];
    if (recipients.length === 0) {
      return false;
    }
    try {
      await this.#notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          ...renderCampaignMessage(options.message, this.#language),
          link:
            options.link ?? campaignLink(options.campaignId, options.stateBody),
          topic: 'registry-campaigns',
          scope: `registry:campaign:${options.campaignId}:${options.scope}`,
          severity: options.severity,
        },
      });
      return true;
    } catch (error) {
      this.#logger.warn('Could not send a campaign notification', {
        campaignId: options.campaignId,
        notification: options.message.kind,
        error: String(error),
      });
      return false;
    }
  }
}
