import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import type { LocalizedNotificationService } from '@qaztech/plugin-registry-node';
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

/**
 * Sends campaign reminders and escalations through the notifications
 * plugin, each person in the language they picked in Settings (the
 * configured language for those who never did). A failure to send is
 * logged, never thrown: progress is already saved.
 */
export class CampaignNotifier {
  readonly #sender: LocalizedNotificationService;
  readonly #logger: LoggerService;
  readonly #language: NotificationLanguage;

  constructor(options: {
    sender: LocalizedNotificationService;
    logger: LoggerService;
    /** The language of people who never picked one. */
    language: NotificationLanguage;
  }) {
    this.#sender = options.sender;
    this.#logger = options.logger;
    this.#language = options.language;
  }

  /**
   * Sends a message to entities (users or groups). `scope` identifies the
   * notification: a newer one with the same scope replaces the older in
   * each recipient's inbox.
   */
  async send(options: {
    campaignId: string;
    recipients: string[];
    /** The message, with what it needs in a reader's language. */
    message: (language: NotificationLanguage) => CampaignMessage;
    scope: string;
    severity: NotificationSeverity;
    stateBody?: string;
  }): Promise<boolean> {
    const recipients = [...new Set(options.recipients)];
    if (recipients.length === 0) {
      return false;
    }
    try {
      const sent = await this.#sender.send({
        recipients,
        defaultLanguage: this.#language,
        render: language => ({
          ...renderCampaignMessage(options.message(language), language),
          link: campaignLink(options.campaignId, options.stateBody),
          topic: 'registry-campaigns',
          scope: `registry:campaign:${options.campaignId}:${options.scope}`,
          severity: options.severity,
        }),
      });
      return Object.keys(sent).length > 0;
    } catch (error) {
      this.#logger.warn('Could not send a campaign notification', {
        campaignId: options.campaignId,
        notification: options.message(this.#language).kind,
        error: String(error),
      });
      return false;
    }
  }
}
