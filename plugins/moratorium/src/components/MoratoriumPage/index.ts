export { MoratoriumPage } from './MoratoriumPage';
