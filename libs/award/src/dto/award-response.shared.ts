import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { ASPECT_KEYS, type AspectKey } from '../scoring';

/** A schema with one property per aspect of ASPECT_KEYS, so the document follows the list. */
export function perAspect(name: string, property: ApiPropertyOptions): Type {
  const dto = class {};
  Object.defineProperty(dto, 'name', { value: name });
  for (const key of ASPECT_KEYS) ApiProperty(property)(dto.prototype, key);
  return dto;
}

/** A number per aspect (weights, data scores). */
export const AspectNumbersDto = perAspect('AspectNumbersDto', { type: Number });
export type AspectNumbersDto = Record<AspectKey, number>;
