export { AttestDialog } from './AttestDialog';
export { SignOffDialog } from './SignOffDialog';
export { WaiverDecisionDialog } from './WaiverDecisionDialog';
export { WaiverRequestDialog } from './WaiverRequestDialog';
