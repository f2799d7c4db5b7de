export { BurnUpChart } from './BurnUpChart';
export { CampaignStateChip } from './CampaignStateChip';
export { MilestoneProgress } from './MilestoneProgress';
export { ProgressStatusChip } from './ProgressStatusChip';
export { PROGRESS_STATUS_COLORS, formatShare } from './progressStatusColors';
export { useCampaignPermissions } from './useCampaignPermissions';
export { useGoalText } from './useGoalText';
export { useWhatToDo } from './useWhatToDo';
