import {
  Campaign,
  CampaignAction,
  CampaignBodyProgress,
  CampaignHistoryPoint,
  CampaignInput,
  CampaignState,
  CampaignSummary,
  CampaignSystemPage,
  CampaignReadinessLevel,
  ProgressStatus,
  RegistryTitle,
  SystemCampaign,
} from '@qaztech/plugin-registry-common';

/** A campaign as written by the app or read from config. @public */
export type CampaignWrite = Required<Pick<CampaignInput, 'id'>> &
  CampaignInput & {
    state: CampaignState;
  };

/** One system's computed progress, as the task writes it. @public */
export type CampaignSystemRow = {
  entityRef: string;
  stateBodyRef: string;
  title: RegistryTitle;
  status: ProgressStatus;
  done: boolean;
  whatToDo: CampaignAction;
};

/** Everything one computation of a campaign produced. @public */
export type CampaignComputation = {
  summary: NonNullable<CampaignSummary['progress']>;
  bodies: CampaignBodyProgress[];
  systems: CampaignSystemRow[];
  /** The local day (Asia/Almaty) of the history row. */
  date: string;
  /** Also write today's history row (active campaigns only). */
  writeHistory: boolean;
};

/** A system's readiness as the security readiness plugin last reported it. @public */
export type ReadinessRow = {
  systemRef: string;
  level: CampaignReadinessLevel;
  /** Check ids that pass; undefined when not known. */
  passedChecks?: string[];
  evaluatedAt: string;
};

/**
 * Campaigns, their progress and history, the readiness projection and the
 * log of notifications sent.
 *
 * @public
 */
export interface CampaignStore {
  listCampaigns(filter?: {
    states?: CampaignState[];
  }): Promise<CampaignSummary[]>;
  getCampaign(id: string): Promise<CampaignSummary | undefined>;
  /** Throws ConflictError when the id is taken. */
  createCampaign(
    campaign: CampaignWrite,
    by: string,
    source?: Campaign['source'],
  ): Promise<Campaign>;
  /**
   * Replaces an app campaign's definition when it is at `version`; throws
   * NotFoundError, or ConflictError when someone changed it since.
   */
  updateCampaign(
    id: string,
    input: CampaignInput,
    version: number,
    by: string,
  ): Promise<Campaign>;
  /** Moves a campaign to a state, conditionally on its current version. */
  setState(
    id: string,
    state: CampaignState,
    version: number,
    by: string,
  ): Promise<Campaign>;
  /**
   * Makes the config campaigns exactly these: new ones are added, changed
   * ones updated (keeping their state unless config sets one), removed ones
   * deleted with their progress. Returns ids that clash with app campaigns.
   */
  syncConfigCampaigns(campaigns: CampaignWrite[]): Promise<{
    clashes: string[];
  }>;

  /** Writes a computation: replaces progress and bodies, upserts history. */
  saveComputation(
    campaignId: string,
    computation: CampaignComputation,
  ): Promise<void>;
  listBodies(campaignId: string): Promise<CampaignBodyProgress[]>;
  listSystems(
    campaignId: string,
    options: {
      stateBody?: string;
      status?: ProgressStatus[];
      limit: number;
      cursor?: string;
    },
  ): Promise<CampaignSystemPage>;
  /** Every system of a campaign with one of the statuses, a batch at a time. */
  streamSystems(
    campaignId: string,
    status: ProgressStatus[],
    batchSize?: number,
  ): AsyncIterable<CampaignSystemRow[]>;
  /** The burn-up history, oldest first; per body when `byBody`. */
  history(
    campaignId: string,
    options?: { stateBody?: string; byBody?: boolean },
  ): Promise<CampaignHistoryPoint[]>;
  /** The campaigns (not archived) a system is in, with its status. */
  systemCampaigns(entityRef: string): Promise<SystemCampaign[]>;

  /**
   * Records the day each system entered the campaign's scope, keeping the
   * day already recorded for a system, and returns every system's recorded
   * day (lower-case refs). A system not yet recorded gets `firstRun` when
   * the campaign has no entries at all (its first computation: the systems
   * already there count from the campaign's start), otherwise `today`.
   */
  recordEntries(
    campaignId: string,
    systemRefs: string[],
    days: { today: string; firstRun: string },
  ): Promise<Map<string, string>>;

  /**
   * Writes rebuilt burn-up points for past days, leaving every day that
   * already has a point as it is (a computed day is never overwritten).
   */
  addHistory(
    campaignId: string,
    points: Array<{
      date: string;
      stateBodyRef: string;
      total: number;
      done: number;
    }>,
  ): Promise<void>;
  /** Whether the campaign has any burn-up point. */
  hasHistory(campaignId: string): Promise<boolean>;

  /** Replaces the readiness projection with a complete pass. */
  replaceReadiness(rows: ReadinessRow[]): Promise<void>;
  /** The readiness of these systems (any letter case). */
  readiness(systemRefs: string[]): Promise<Map<string, ReadinessRow>>;

  /**
   * Records that a notification is due; true only for the first caller
   * with this key, who then sends it.
   */
  claimNotification(key: string, campaignId: string): Promise<boolean>;

  /** The latest notice of a kind sent to a recipient for a campaign. */
  lastNotice(
    campaignId: string,
    recipient: string,
    kind: CampaignNoticeKind,
  ): Promise<CampaignNotice | undefined>;
  /**
   * Records a notice as sent for its period; true only for the first caller
   * (one replica), who then sends it.
   */
  recordNotice(notice: CampaignNotice): Promise<boolean>;
}

/**
 * The kinds of grouped campaign notices: a body's daily notice and weekly
 * digest, and the late bodies to a campaign's owner.
 */
export type CampaignNoticeKind =
  | 'body-daily'
  | 'body-digest'
  | 'owner-late-bodies';

/** A grouped notice as kept in the database. */
export interface CampaignNotice {
  campaignId: string;
  /** The state body's Group ref. */
  recipient: string;
  kind: CampaignNoticeKind;
  /** YYYY-MM-DD (daily) or YYYY-Www (weekly). */
  period: string;
  /** Digest of what it said; an unchanged notice is not sent again. */
  contentHash: string;
  /** What it said (counts, worst systems), as sent. */
  summary: object;
  sentAt?: string;
}
