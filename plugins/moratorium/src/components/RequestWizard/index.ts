export { RequestWizard } from './RequestWizard';
