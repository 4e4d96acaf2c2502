export { ReturnsModule, type ReturnsModuleOptions } from './returns.module';
export { returnsEntities, returnsMigrations } from './returns-persistence';
export { ReturnsError, RETURNS_ERROR_KINDS, type ReturnsErrorCode } from './return/returns.errors';
export { RETURN_STATUSES, RETURN_TRANSITIONS, type ReturnStatus } from './return/return-state-machine';
export {
  RETURN_GRADES,
  DISPOSITIONS,
  RETURN_METHODS,
  RETURN_CREATORS,
  SHIPPING_REFUND_RULES,
  type ReturnGrade,
  type Disposition,
} from './return/return-vocabulary';
export { largestRemainder } from './refund/largest-remainder';
export { calculateRefund } from './refund/refund-calculator';
