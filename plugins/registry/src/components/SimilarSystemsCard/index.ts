export { SimilarSystemsCard } from './SimilarSystemsCard';
