import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type AppError, CommonErrors } from './app-error';
import type { FieldProblem } from './field-problem';

/**
 * Deepest nesting of objects and arrays a JSON body or an import line may have (the outer value
 * is level 1). The deepest shape the API takes is 3 (`{ sets: [[…]] }`); 32 leaves room and keeps
 * the validators, which recurse, far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach an object's prototype chain in JavaScript; refused like any unknown key. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Problems found in a value that never reaches a DTO, let alone PostgreSQL. */
export const InputProblems = {
  /** PostgreSQL text cannot hold U+0000 (every such insert or comparison is an error). */
  nul: 'contains_nul',
  /** A lone UTF-16 surrogate has no UTF-8 encoding (PostgreSQL and Meilisearch refuse it). */
  notWellFormed: 'not_well_formed_unicode',
  /** No request field takes JSON null: a field is sent with a value or left out. */
  null: 'null_not_allowed',
  /** The same problem class-validator reports for an unknown key. */
  unknownKey: 'whitelistValidation',
} as const;

/** Matches a lone surrogate only: with the `u` flag a proper pair is one code point. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The problem with one string, if any: NUL, or not well-formed Unicode. */
export function stringProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return InputProblems.nul;
  if (LONE_SURROGATE.test(s)) return InputProblems.notWellFormed;
  return undefined;
}

export type JsonInspection =
  | { ok: true }
  | { ok: false; tooDeep: true }
  | { ok: false; tooDeep: false; problems: FieldProblem[] };

/** Enough to name what is wrong; a body full of NULs should not make a huge error. */
const MAX_REPORTED = 20;

/**
 * Walks a parsed JSON value without recursion (so any depth is safe to inspect): nesting beyond
 * `maxDepth`, NUL or lone surrogates in any string or key, prototype keys and nulls. Fields are
 * named like the validation pipe names them (`sections.rencana`, `sets.0.1`).
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonInspection {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: string): void => {
    if (problems.length < MAX_REPORTED) problems.push({ field, problems: [problem] });
  };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = stringProblem(v);
      if (problem) add(path, problem);
      continue;
    }
    if (v === null) {
      add(path, InputProblems.null);
      continue;
    }
    if (typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { ok: false, tooDeep: true };
    for (const key of Object.keys(v)) {
      const field = path ? `${path}.${key}` : key;
      const keyProblem = PROTOTYPE_KEYS.has(key) ? InputProblems.unknownKey : stringProblem(key);
      if (keyProblem) {
        add(field, keyProblem);
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  if (problems.length === 0) return { ok: true };
  problems.sort((a, b) => a.field.localeCompare(b.field));
  return { ok: false, tooDeep: false, problems };
}

/**
 * The error for a parsed value, if it has any of the problems `inspectJson` looks for; `where`
 * names the value in a NESTING_TOO_DEEP answer (the walk stops before it knows a deeper field).
 */
export function hostileInputError(value: unknown, where = 'body'): AppError | undefined {
  const result = inspectJson(value);
  if (result.ok) return undefined;
  return result.tooDeep
    ? CommonErrors.nestingTooDeep(MAX_JSON_DEPTH, where)
    : CommonErrors.validation(result.problems);
}

/**
 * Express middleware after the JSON body parser: every path's encoding, query string and JSON
 * body, on every route and before any guard, is inspected; a bad one is 400 (`VALIDATION_FAILED`
 * naming the fields, or `NESTING_TOO_DEEP`) and never reaches a handler.
 */
export function rejectHostileInput(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  next(
    pathEncodingError(req.path) ??
      hostileInputError(req.query, 'query') ??
      (typeof body === 'object' && body !== null ? hostileInputError(body) : undefined),
  );
}

/** A path the router cannot percent-decode (`%ED%A0%80` is a lone surrogate in CESU-8). */
function pathEncodingError(path: string): AppError | undefined {
  try {
    decodeURIComponent(path);
    return undefined;
  } catch {
    return CommonErrors.validation([{ field: 'path', problems: ['malformed_encoding'] }]);
  }
}

/**
 * Global pipe for path parameters (whose names only the route knows): NUL and lone surrogates
 * are 400 naming the parameter. Query strings and bodies are inspected by `rejectHostileInput`.
 */
@Injectable()
export class PathParamPipe implements PipeTransform<unknown> {
  transform(value: unknown, { type, data }: ArgumentMetadata): unknown {
    if (type !== 'param' || typeof value !== 'string') return value;
    const problem = stringProblem(value);
    if (problem) throw CommonErrors.validation([{ field: data ?? 'path', problems: [problem] }]);
    return value;
  }
}
