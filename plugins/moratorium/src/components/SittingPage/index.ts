export { SittingPage } from './SittingPage';
