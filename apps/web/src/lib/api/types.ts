import type { components } from './schema';

/** Response and request shapes of the API, named after its DTOs (generated, never written by hand). */
export type Schemas = components['schemas'];
export type SessionUser = Schemas['SessionUserDto'];
export type LoginResponse = Schemas['LoginResponseDto'];
export type LogoutResponse = Schemas['LogoutResponseDto'];
/** One permission of the API's vocabulary (the enum of SessionUserDto.permissions). */
export type Permission = SessionUser['permissions'][number];
