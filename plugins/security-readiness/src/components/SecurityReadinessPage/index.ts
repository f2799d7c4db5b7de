export { SecurityReadinessPage } from './SecurityReadinessPage';
