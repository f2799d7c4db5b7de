export {
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
  RegistryCard,
} from './RegistryCard';
