import { AuditorService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';

/** One audit event as the actions record it. */
export interface RecordedAuditEvent {
  eventId: string;
  severityLevel?: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  after?: Record<string, unknown>;
  error?: string;
}

/** An auditor that keeps its events for the test to read. */
export function recordingAuditor(): AuditorService & {
  events: RecordedAuditEvent[];
} {
  const events: RecordedAuditEvent[] = [];
  return {
    events,
    async createEvent(options) {
      const event: RecordedAuditEvent = {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        meta: options.meta,
      };
      events.push(event);
      return {
        async success(o) {
          event.outcome = 'success';
          event.after = o?.meta;
        },
        async fail(o) {
          event.outcome = 'fail';
          event.error = String(o.error);
        },
      };
    },
  };
}

/** The state body of the tests, as the demo data has it. */
export const MCRIAP: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'mcriap',
    namespace: 'default',
    title: 'МЦРИАП РК',
    labels: { 'qaztech.kz/owner-kind': 'state-body' },
    annotations: { 'qaztech.kz/bin': '190740682689' },
  },
  spec: {
    type: 'state-body',
    profile: {
      displayName:
        'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
    },
    children: [],
  },
};

/** A Group that is not a state body. */
export const DEVELOPERS: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'qaztech-developers', namespace: 'default' },
  spec: { type: 'role', children: [] },
};

/** A registry block a form could give for a new system on the platform. */
export function newSystemRegistry(): Record<string, unknown> {
  return {
    title: {
      ru: 'Электронные разрешения',
      kk: 'Электрондық рұқсаттар',
      en: '',
    },
    purpose: 'Выдача разрешений в электронной форме.',
    lifecycle: { stage: 'creation' },
    platform: { onPlatform: true },
    hosting: { kind: 'platform', country: 'KZ' },
    classification: {
      critical: false,
      confidentiality: 'medium',
      integrity: 'medium',
      availability: 'medium',
    },
    dataCategories: ['open'],
  };
}
