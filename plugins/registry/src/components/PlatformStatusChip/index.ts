export { PlatformStatusChip, isPlatformStatus } from './PlatformStatusChip';
export { PLATFORM_STATUS_COLORS } from './platformStatusColors';
