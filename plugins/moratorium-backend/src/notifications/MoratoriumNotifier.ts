import { LoggerService } from '@backstage/backend-plugin-api';
import type { LocalizedNotificationService } from '@qaztech/plugin-registry-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { RequestState } from '@qaztech/plugin-moratorium-common';
import { NotificationLanguage } from '../service/readMoratoriumConfig';
import { MoratoriumMessage, renderMessage } from './messages';

/** The request a notification is about. */
export type NotifiedRequest = {
  id: string;
  number: string;
  applicant: string;
  stateBodyRef?: string;
};

/** The link of a request's dossier in the app. */
export function requestLink(id: string): string {
  return `/moratorium/requests/${encodeURIComponent(id)}`;
}

/**
 * Tells people about requests through the notifications plugin, each in
 * the language they picked in Settings (the configured language for those
 * who never did). Sending happens after the change is committed, and a
 * failure to send is logged, never thrown: a lost notice must not undo a
 * recorded transition.
 */
export class MoratoriumNotifier {
  readonly #sender: LocalizedNotificationService;
  readonly #logger: LoggerService;
  readonly #language: NotificationLanguage;
  readonly #secretaryGroups: string[];
  readonly #commissionGroups: string[];

  constructor(options: {
    sender: LocalizedNotificationService;
    logger: LoggerService;
    /** The language of people who never picked one. */
    language: NotificationLanguage;
    secretaryGroups: string[];
    commissionGroups: string[];
  }) {
    this.#sender = options.sender;
    this.#logger = options.logger;
    this.#language = options.language;
    this.#secretaryGroups = options.secretaryGroups;
    this.#commissionGroups = options.commissionGroups;
  }

  /** The applicant, on every change of state. */
  async transition(
    request: NotifiedRequest,
    to: RequestState,
    version: number,
  ): Promise<void> {
    await this.#send(
      request,
      [request.applicant],
      { kind: 'transition', number: request.number, to },
      `transition:${version}`,
      to === 'rejected' || to === 'revoked' ? 'high' : 'normal',
    );
  }

  /** The secretaries, on each submission. */
  async submitted(request: NotifiedRequest): Promise<void> {
    await this.#send(
      request,
      this.#secretaryGroups,
      {
        kind: 'submitted',
        number: request.number,
        stateBodyRef: request.stateBodyRef,
      },
      'submitted',
      'normal',
    );
  }

  /** The commission's members, when the request is put on an agenda. */
  async agendaSet(
    request: NotifiedRequest,
    sittingDate: string,
  ): Promise<void> {
    await this.#send(
      request,
      this.#commissionGroups,
      { kind: 'agenda-set', number: request.number, sittingDate },
      `agenda:${sittingDate}`,
      'normal',
    );
  }

  /** The applicant and the secretaries, before a deadline or once it is missed. */
  async deadline(
    request: NotifiedRequest,
    kind: 'deadline-reminder' | 'deadline-missed',
    subject: string,
    dueDate: string,
  ): Promise<void> {
    await this.#send(
      request,
      [request.applicant, ...this.#secretaryGroups],
      { kind, number: request.number, subject, dueDate },
      `${kind}:${subject}:${dueDate}`,
      kind === 'deadline-missed' ? 'high' : 'normal',
    );
  }

  /**
   * The applicant, when the scheduled task closed the request (or revoked
   * its exemption) because its system has left the catalog.
   */
  async systemLeftCatalog(
    request: NotifiedRequest,
    to: 'withdrawn' | 'revoked',
    systemRef: string,
  ): Promise<void> {
    await this.#send(
      request,
      [request.applicant],
      { kind: 'system-left-catalog', number: request.number, systemRef, to },
      `system-left-catalog:${to}`,
      to === 'revoked' ? 'high' : 'normal',
    );
  }

  async #send(
    request: NotifiedRequest,
    entityRef: string[],
    message: MoratoriumMessage,
    scope: string,
    severity: NotificationSeverity,
  ): Promise<void> {
    try {
      await this.#sender.send({
        recipients: entityRef,
        defaultLanguage: this.#language,
        render: language => ({
          ...renderMessage(message, language),
          link: requestLink(request.id),
          topic: 'moratorium',
          scope: `moratorium:${request.id}:${scope}`,
          severity,
        }),
      });
    } catch (error) {
      this.#logger.warn('Could not send a moratorium notification', {
        requestId: request.id,
        notification: message.kind,
        error: String(error),
      });
    }
  }
}
