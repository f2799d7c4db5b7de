export { UnverifiedClaims } from './UnverifiedClaims';
