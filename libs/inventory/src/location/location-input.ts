import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireRange, requireText } from '../input-rules';
import { LOCATION_CAPABILITIES, LOCATION_TYPES } from './location-kinds';

const TYPES: ReadonlySet<string> = new Set(LOCATION_TYPES);
const CAPABILITIES: ReadonlySet<string> = new Set(LOCATION_CAPABILITIES);

/** Every problem with a CreateLocation request, so the caller can fix them all at once. */
export function validateCreateLocation(request: inventoryV1.CreateLocationRequest): FieldViolation[] {
  const violations = [
    ...requireIdentifier('code', request.code),
    ...requireText('name', request.name),
    ...requireRange('latitude', request.latitude, -90, 90),
    ...requireRange('longitude', request.longitude, -180, 180),
  ];
  if (!TYPES.has(request.type)) {
    violations.push({ field: 'type', message: `must be one of ${LOCATION_TYPES.join(', ')}` });
  }
  request.capabilities.forEach((capability, index) => {
    if (!CAPABILITIES.has(capability)) {
      violations.push({
        field: `capabilities[${index}]`,
        message: `must be one of ${LOCATION_CAPABILITIES.join(', ')}`,
      });
    } else if (request.capabilities.indexOf(capability) !== index) {
      violations.push({ field: `capabilities[${index}]`, message: 'is listed twice' });
    }
  });
  return violations;
}
