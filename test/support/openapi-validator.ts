import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | undefined>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  operationId?: string;
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

/** One response as the client saw it. */
export interface ObservedResponse {
  method: string;
  /** Path and query, as requested. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** Parsed JSON, when the response was JSON. */
  body: unknown;
  /** Raw text, when the response was text (empty for none). */
  text: string | undefined;
}

const DOC_ID = 'lumbung-openapi';
const SCHEMA_KEYS = ['items', 'additionalProperties', 'not'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a null type (or a null branch),
 * refs point into the registered document, and every object that lists its properties is closed
 * (`additionalProperties: false` unless it says otherwise), so an undocumented field fails.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = { ...source };
  delete out.nullable;
  delete out.example;
  if (typeof out.$ref === 'string' && out.$ref.startsWith('#/')) out.$ref = `${DOC_ID}${out.$ref}`;
  if (out.properties && typeof out.properties === 'object') {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([name, s]) => [name, toJsonSchema(s)]),
    );
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  for (const key of SCHEMA_KEYS) {
    if (out[key] && typeof out[key] === 'object') out[key] = toJsonSchema(out[key]);
  }
  for (const key of SCHEMA_LISTS) {
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(toJsonSchema);
  }
  if (source.nullable !== true) return out;
  const simple = typeof out.type === 'string' && !out.allOf && !out.oneOf && !out.anyOf;
  if (!simple) return { anyOf: [{ type: 'null' }, out] };
  return {
    ...out,
    type: [out.type, 'null'],
    ...(Array.isArray(out.enum) ? { enum: [...(out.enum as unknown[]), null] } : {}),
  };
}

interface Template {
  path: string;
  pattern: RegExp;
  literals: number;
}

/**
 * Checks observed responses against an OpenAPI document: the route and status are declared, the
 * content type is one the response declares, and a JSON body matches its schema. Anything under
 * the API prefix that is no documented operation must be the error shape with 404 or 405.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  private readonly templates: Template[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly doc: OpenApiDocument,
    private readonly prefix = '/api/v1',
  ) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(
      {
        $id: DOC_ID,
        components: {
          schemas: Object.fromEntries(
            Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => [
              name,
              toJsonSchema(schema),
            ]),
          ),
        },
      },
      DOC_ID,
    );
    this.templates = Object.keys(doc.paths).map((path) => ({
      path,
      pattern: new RegExp(
        `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      ),
      literals: path.split('/').filter((s) => s && !s.startsWith('{')).length,
    }));
  }

  /** Problems with one response (none when it matches the document), and the operation used. */
  check(res: ObservedResponse): { operation?: string; problems: string[] } {
    const template = this.operationPath(res);
    const problems = template === undefined ? [] : this.problems(res, template);
    return { operation: template || undefined, problems };
  }

  /** The documented path the response belongs to ('' for none; undefined outside the API). */
  private operationPath(res: ObservedResponse): string | undefined {
    const path = res.url.split('?')[0];
    if (!path.startsWith(`${this.prefix}/`) && path !== this.prefix) return undefined;
    const method = methodOf(res);
    const matches = this.templates
      .filter((t) => t.pattern.test(path))
      .sort((a, b) => b.literals - a.literals);
    return matches.find((t) => this.doc.paths[t.path][method])?.path ?? '';
  }

  private problems(res: ObservedResponse, template: string): string[] {
    const method = methodOf(res);
    if (!template) return this.checkUndocumented(res);
    const op = this.doc.paths[template][method] as Operation;
    const declared = op.responses[String(res.status)] ?? op.responses.default;
    if (!declared) {
      return [
        `status ${res.status} is not declared (declared: ${Object.keys(op.responses).join(', ')}); ` +
          `body: ${preview(res.body ?? res.text)}`,
      ];
    }
    const media = mediaType(res.contentType);
    const content = declared.content ?? {};
    if (Object.keys(content).length === 0) {
      return res.text
        ? [`no body is declared, got ${media ?? 'untyped'} ${preview(res.text)}`]
        : [];
    }
    const key = Object.keys(content).find((k) => mediaMatches(k, media));
    if (!key) {
      return [
        `content type ${media ?? '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`,
      ];
    }
    if (res.method.toLowerCase() === 'head' || !isJson(key)) return [];
    const pointer = [template, method, res.status, key];
    return this.validate(content[key].schema, pointer.join('\u0000'), res.body, res.status);
  }

  private checkUndocumented(res: ObservedResponse): string[] {
    const path = res.url.split('?')[0];
    const expected = this.templates.some((t) => t.pattern.test(path)) ? [405] : [404];
    const problems = expected.includes(res.status)
      ? []
      : [`no documented operation; expected ${expected.join(' or ')}, got ${res.status}`];
    return [
      ...problems,
      ...this.validate(
        { $ref: '#/components/schemas/ErrorResponseDto' },
        'error',
        res.body,
        res.status,
      ),
    ];
  }

  /** `status`: a 400's details (whatever its code) must be the field list, like VALIDATION_FAILED's. */
  private validate(schema: unknown, cacheKey: string, body: unknown, status?: number): string[] {
    if (schema === undefined) return ['the declared content has no schema'];
    const validate = this.compile(cacheKey, () => toJsonSchema(schema) as object);
    const problems = validate(body) ? [] : this.describe(validate.errors ?? []);
    if (hasFieldDetails(body, status)) {
      const details = this.validate(
        { type: 'array', items: { $ref: '#/components/schemas/FieldProblemDto' } },
        'validation-details',
        body.details,
      );
      problems.push(...details.map((p) => p.replace(/^body/, 'body/details')));
    }
    return [...new Set(problems)];
  }

  private compile(key: string, schema: () => object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema());
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /**
   * Ajv errors as "where: what (expected …, got …)". A value that fails a oneOf/anyOf (nullable
   * values among them) is explained by the branch it comes closest to: one of its own type, with
   * the fewest errors; when it has the type of none, "must be a or b".
   */
  private describe(errors: ErrorObject[]): string[] {
    const choices = errors
      .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
      .sort((a, b) => a.instancePath.length - b.instancePath.length);
    const explained: string[] = [];
    const lines: string[] = [];
    const within = (path: string, root: string): boolean =>
      path === root || path.startsWith(`${root}/`);
    for (const choice of choices) {
      if (explained.some((root) => within(choice.instancePath, root))) continue;
      explained.push(choice.instancePath);
      lines.push(
        ...this.closestBranch(choice).map((l) => l.replace(/^body/, `body${choice.instancePath}`)),
      );
    }
    for (const e of errors) {
      if (explained.some((root) => within(e.instancePath, root))) continue;
      const extra =
        e.keyword === 'additionalProperties'
          ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'`
          : e.keyword === 'required'
            ? ''
            : ` (expected ${preview(e.schema)}, got ${preview(e.data)})`;
      lines.push(`body${e.instancePath}: ${e.message ?? e.keyword}${extra}`);
    }
    return lines;
  }

  private closestBranch(choice: ErrorObject): string[] {
    const results = (choice.schema as object[]).map((branch) => {
      const validate = this.compile(`branch:${JSON.stringify(branch)}`, () => branch);
      const errors = validate(choice.data) ? [] : [...(validate.errors ?? [])];
      const wrongType = errors.find((e) => e.keyword === 'type' && e.instancePath === '');
      return { errors, wrongType };
    });
    if (results.every((r) => r.errors.length === 0)) {
      return [`body: matches more than one schema of oneOf (got ${preview(choice.data)})`];
    }
    const typed = results
      .filter((r) => !r.wrongType)
      .sort((a, b) => a.errors.length - b.errors.length);
    if (typed.length > 0) return this.describe(typed[0].errors);
    const types = results.map((r) => (r.wrongType?.params as { type: string }).type).join(' or ');
    return [`body: must be ${types} (got ${preview(choice.data)})`];
  }
}

function methodOf(res: ObservedResponse): string {
  const method = res.method.toLowerCase();
  return method === 'head' ? 'get' : method;
}

/** Error bodies whose details must be the field list: every 400, and VALIDATION_FAILED anywhere. */
function hasFieldDetails(body: unknown, status?: number): body is { details: unknown } {
  const b = body as { code?: unknown; details?: unknown } | null;
  // Details that are no object at all already fail the error schema itself.
  if (b === null || typeof b !== 'object' || typeof b.details !== 'object' || b.details === null)
    return false;
  return status === 400 || b.code === 'VALIDATION_FAILED';
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? '');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

function mediaMatches(declared: string, actual: string | undefined): boolean {
  if (!actual) return false;
  if (declared === '*/*' || declared === actual) return true;
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1));
}

function isJson(media: string): boolean {
  return media === 'application/json' || media.endsWith('+json');
}

/** "GET /api/v1/assets/x → 200 (operation GET /api/v1/assets/{id})" and one line per problem. */
export function mismatchMessage(
  res: ObservedResponse,
  { operation, problems }: { operation?: string; problems: string[] },
): string {
  const method = res.method.toUpperCase();
  return [
    `Response does not match the OpenAPI document: ${method} ${res.url} → ${res.status}` +
      (operation ? ` (operation ${method} ${operation})` : ' (no documented operation)'),
    ...problems.map((p) => `  - ${p}`),
  ].join('\n');
}
