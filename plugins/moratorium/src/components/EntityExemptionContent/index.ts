export { EntityExemptionContent } from './EntityExemptionContent';
