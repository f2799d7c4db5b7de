export {
  EntityCollector,
  ENTITY_FACT_TYPE,
  entityFactValue,
} from './EntityCollector';
export { HttpJsonCollector, repositoryOf } from './HttpJsonCollector';
