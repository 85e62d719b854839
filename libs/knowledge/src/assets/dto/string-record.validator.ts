import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A plain object whose keys are snake_case and whose values are strings up to `maxLength`. */
export function IsStringRecord(maxKeys: number, maxLength: number, options?: ValidationOptions) {
  return (target: object, propertyName: string): void => {
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must map section keys to text`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          if (Object.getPrototypeOf(value) !== Object.prototype) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= maxKeys &&
            entries.every(
              ([k, v]) =>
                /^[a-z][a-z_]{1,40}$/.test(k) && typeof v === 'string' && v.length <= maxLength,
            )
          );
        },
      },
    });
  };
}
