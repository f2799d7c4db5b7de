import { Campaign, CampaignMilestone, CampaignState } from './campaigns';
import { CampaignAction, ProgressStatus } from './campaignsProgress';
import { MoratoriumStatusKind } from './moratorium';
import { CalendarDate, RegistryTitle } from './types';

/** A page of campaigns, as `GET /campaigns` returns it. @public */
export type CampaignList = {
  items: CampaignSummary[];
};

/** A campaign with its latest computed progress. @public */
export type CampaignSummary = Campaign & {
  /** Absent until the campaign was first computed (e.g. a draft). */
  progress?: {
    status: ProgressStatus;
    share: number;
    total: number;
    done: number;
    /** The share the passed milestones ask for by today. */
    requiredShare: number;
    nextMilestone?: CampaignMilestone;
    /** Bodies by status. */
    bodies: Record<ProgressStatus, number>;
    computedAt: string;
  };
};

/** One state body's progress in a campaign. @public */
export type CampaignBodyProgress = {
  stateBodyRef: string;
  /** The Group's title (or name) in the catalog. */
  title: string;
  /** User refs of the body's digitalization heads. */
  responsible: string[];
  total: number;
  done: number;
  share: number;
  status: ProgressStatus;
};

/** One system's progress in a campaign. @public */
export type CampaignSystemProgress = {
  entityRef: string;
  title: RegistryTitle;
  stateBodyRef: string;
  status: ProgressStatus;
  done: boolean;
  whatToDo: CampaignAction;
};

/** A page of systems of a campaign, in keyset order. @public */
export type CampaignSystemPage = {
  items: CampaignSystemProgress[];
  nextCursor?: string;
  totalCount: number;
};

/** One day of a campaign's burn-up chart. @public */
export type CampaignHistoryPoint = {
  date: CalendarDate;
  total: number;
  done: number;
  share: number;
  /** Per state body, when asked for one body or all. */
  byBody?: Record<string, { total: number; done: number }>;
};

/** `GET /campaigns/{id}/progress`. @public */
export type CampaignProgress = {
  campaign: Campaign;
  status: ProgressStatus;
  share: number;
  total: number;
  done: number;
  /** The share the passed milestones ask for by today. */
  requiredShare: number;
  nextMilestone?: CampaignMilestone;
  /** Bodies sorted by lateness: late first, then the lowest share. */
  bodies: CampaignBodyProgress[];
  systems: CampaignSystemPage;
  history: CampaignHistoryPoint[];
  /** When progress was last computed; absent before the first run. */
  computedAt?: string;
};

/** A campaign one system is in: `GET /systems/{ns}/{name}/campaigns`. @public */
export type SystemCampaign = {
  id: string;
  title: Campaign['title'];
  state: CampaignState;
  goal: Campaign['goal'];
  nextMilestone?: CampaignMilestone;
  status: ProgressStatus;
  done: boolean;
  whatToDo: CampaignAction;
};

/** A system whose purpose overlaps another's. @public */
export type SimilarSystem = {
  entityRef: string;
  title: RegistryTitle;
  stateBodyRef: string;
  platformStatus: MoratoriumStatusKind;
  /** The words of the purpose both share. */
  sharedTerms: string[];
  /** 0..1, the higher the closer. */
  score: number;
};

/** The integrations between registry systems. @public */
export type IntegrationGraph = {
  nodes: Array<{
    entityRef: string;
    /** The ref itself for a system not in the register. */
    title: RegistryTitle;
    /** Absent for a system not in the register. */
    stateBodyRef?: string;
    /** Absent for a system not in the register. */
    platformStatus?: MoratoriumStatusKind;
    /** False for a system named by an integration but not in the register. */
    registered: boolean;
  }>;
  edges: Array<{ from: string; to: string; via: 'shep' | 'direct' }>;
  /** True when more systems matched than the graph holds. */
  truncated?: boolean;
};
