import { Route, Routes } from 'react-router-dom';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { IntegrationsPage } from './IntegrationsPage';
import { RegisterPage } from './RegisterPage';

/**
 * The register's pages under its mount point: the register itself, the
 * campaigns and one campaign, and the integration graph.
 *
 * @public
 */
export function RegistryRoutes() {
  return (
    <Routes>
      <Route path="/" element={<RegisterPage />} />
      <Route path="/campaigns" element={<CampaignsPage />} />
      <Route path="/campaigns/:id" element={<CampaignPage />} />
      <Route path="/integrations" element={<IntegrationsPage />} />
    </Routes>
  );
}
