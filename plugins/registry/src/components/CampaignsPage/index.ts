export { CampaignsPage } from './CampaignsPage';
export { CampaignFormDialog } from './CampaignFormDialog';
