import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request, { type Test } from 'supertest';
import { ASPECT_KEYS } from '@lumbung/award';
import { checkedAgent } from '../support/openapi-check';
import { type ObservedResponse, OpenApiValidator } from '../support/openapi-validator';
import { createTestApp, type TestApp } from '../support/test-app';

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const ERROR = { $ref: '#/components/schemas/ErrorResponseDto' };

/** A small document in the shapes the real one uses, to show what the validator catches. */
const FIXTURE = {
  paths: {
    '/api/v1/things/{id}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '400': { content: { 'application/json': { schema: ERROR } } },
          '404': { content: { 'application/json': { schema: ERROR } } },
        },
      },
      delete: { responses: { '204': { description: '' } } },
    },
    '/api/v1/things/{id}/export': {
      get: {
        responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name', 'publishedAt', 'owner', 'kind'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          publishedAt: { type: 'string', format: 'date-time', nullable: true },
          owner: {
            nullable: true,
            type: 'object',
            allOf: [{ $ref: '#/components/schemas/Person' }],
          },
          kind: { type: 'string', enum: ['a', 'b'], nullable: true },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      Person: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' } },
      },
      FieldProblemDto: {
        type: 'object',
        required: ['field', 'problems'],
        properties: {
          field: { type: 'string' },
          problems: { type: 'array', items: { type: 'string' } },
          details: { type: 'object', additionalProperties: true },
        },
      },
      ErrorResponseDto: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          details: {
            oneOf: [
              { type: 'array', items: { $ref: '#/components/schemas/FieldProblemDto' } },
              { type: 'object', additionalProperties: true },
            ],
          },
        },
      },
    },
  },
};

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const THING = {
  id: ID,
  name: 'Satu',
  publishedAt: '2025-03-31T02:00:00.000Z',
  owner: { name: 'Wulan' },
  kind: 'a',
};

function observed(over: Partial<ObservedResponse>): ObservedResponse {
  return {
    method: 'get',
    url: `/api/v1/things/${ID}`,
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: THING,
    text: JSON.stringify(THING),
    ...over,
  };
}

describe('OpenAPI response validator (on a fixture document)', () => {
  const validator = new OpenApiValidator(FIXTURE);
  const problems = (over: Partial<ObservedResponse>): string[] =>
    validator.check(observed(over)).problems;

  it('accepts a response that matches, with nulls where the document allows them', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ body: { ...THING, publishedAt: null, owner: null, kind: null } })).toEqual(
      [],
    );
    expect(validator.check(observed({})).operation).toBe('/api/v1/things/{id}');
  });

  it('names the path, expectation and value of a wrong type', () => {
    expect(problems({ body: { ...THING, name: 42 } })).toEqual([
      'body/name: must be string (expected "string", got 42)',
    ]);
    expect(problems({ body: { ...THING, publishedAt: 'kemarin' } })).toEqual([
      'body/publishedAt: must match format "date-time" (expected "date-time", got "kemarin")',
    ]);
    expect(problems({ body: { ...THING, kind: 'c' } }).join('\n')).toContain('body/kind');
    expect(problems({ body: { ...THING, owner: { name: 7 } } })).toContain(
      'body/owner/name: must be string (expected "string", got 7)',
    );
  });

  it('fails on a missing required property and on an undocumented one', () => {
    const { name: _, ...nameless } = THING;
    expect(problems({ body: nameless })).toEqual(["body: must have required property 'name'"]);
    expect(problems({ body: { ...THING, secret: 'x' } })).toEqual([
      "body: must NOT have additional properties 'secret'",
    ]);
  });

  it('catches the bug this validator was written for: a nullable string documented as an object', () => {
    const wrong = structuredClone(FIXTURE);
    wrong.components.schemas.Thing.properties.publishedAt = {
      type: 'object',
      nullable: true,
    } as never;
    expect(new OpenApiValidator(wrong).check(observed({})).problems).toEqual([
      'body/publishedAt: must be object,null (expected ["object","null"], got "2025-03-31T02:00:00.000Z")',
    ]);
  });

  it('fails on an undeclared status and on an undeclared content type', () => {
    expect(problems({ status: 500, body: { code: 'INTERNAL_ERROR', message: 'x' } })).toEqual([
      'status 500 is not declared (declared: 200, 400, 404); body: {"code":"INTERNAL_ERROR","message":"x"}',
    ]);
    expect(problems({ contentType: 'text/html; charset=utf-8', body: {}, text: '<p>' })).toEqual([
      'content type text/html is not declared (declared: application/json)',
    ]);
    expect(
      problems({
        url: `/api/v1/things/${ID}/export`,
        contentType: 'text/csv',
        body: {},
        text: 'a',
      }),
    ).toEqual([]);
    expect(
      problems({ method: 'delete', status: 204, body: {}, text: '', contentType: undefined }),
    ).toEqual([]);
  });

  it('holds errors to the one shape, the details of every 400 to the field list', () => {
    const error = (body: unknown): string[] => problems({ status: 400, body });
    expect(
      error({
        code: 'VALIDATION_FAILED',
        message: 'x',
        details: [{ field: 'a', problems: ['isInt'] }],
      }),
    ).toEqual([]);
    expect(
      error({
        code: 'UNKNOWN_USERS',
        message: 'x',
        details: [{ field: 'a', problems: ['unknown'], details: { unknown: ['b'] } }],
      }),
    ).toEqual([]);
    // Facts are for other statuses: a 400 with any other code names its fields too.
    expect(
      problems({ status: 404, body: { code: 'X', message: 'x', details: { currentVersion: 2 } } }),
    ).toEqual([]);
    expect(
      error({ code: 'UNKNOWN_USERS', message: 'x', details: { field: 'a', unknown: ['b'] } }),
    ).toEqual([
      'body/details: must be array (expected "array", got {"field":"a","unknown":["b"]})',
    ]);
    expect(error({ code: 'VALIDATION_FAILED', message: 'x', details: { rubric: [] } })).toEqual([
      'body/details: must be array (expected "array", got {"rubric":[]})',
    ]);
    expect(
      error({ code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'a', message: 'no' }] }),
    ).toEqual([
      "body/details/0: must have required property 'problems'",
      "body/details/0: must NOT have additional properties 'message'",
    ]);
    expect(error({ message: 'x' })).toEqual(["body: must have required property 'code'"]);
    expect(error({ code: 'X', message: 'x', details: 'teks' })).toEqual([
      'body/details: must be array or object (got "teks")',
    ]);
  });

  it('expects 404 (unknown path) or 405 (known path, other method) outside the document', () => {
    const notFound = { code: 'NOT_FOUND', message: 'x' };
    expect(problems({ url: '/api/v1/nothing', status: 404, body: notFound })).toEqual([]);
    expect(problems({ url: '/api/v1/nothing', status: 200, body: notFound })).toEqual([
      'no documented operation; expected 404, got 200',
    ]);
    expect(problems({ method: 'put', status: 405, body: notFound })).toEqual([]);
    expect(problems({ url: '/api/docs', status: 200, body: {}, text: '<html>' })).toEqual([]);
  });

  it('fails the request that received a mismatching response, with a message that says why', async () => {
    const server: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ...THING, name: null }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const http = checkedAgent(
        () => request(url),
        () => FIXTURE,
      );
      const failureOf = (test: Test): Promise<string | undefined> =>
        test.then(
          () => undefined,
          (error: Error) => error.message,
        );
      const failure = await failureOf(http().get(`/api/v1/things/${ID}`).expect(200));
      expect(failure).toBe(
        `Response does not match the OpenAPI document: GET /api/v1/things/${ID} → 200 ` +
          '(operation GET /api/v1/things/{id})\n' +
          '  - body/name: must be string (expected "string", got null)',
      );
      // The test's own expectations come first: a wrong status reports as such.
      const status = await failureOf(http().get(`/api/v1/things/${ID}`).expect(404));
      expect(status).toBe('expected 404 "Not Found", got 200 "OK"');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const operations = (): [string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation],
      ),
    );

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('has no bare object where the value has a known shape', () => {
    const bare: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const s = node as Schema;
      if (s.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf && !s.oneOf)
        bare.push(at);
      for (const [key, child] of Object.entries(s)) walk(child, `${at}/${key}`);
    };
    walk(doc.components.schemas, '#/components/schemas');
    walk(doc.paths, '#/paths');
    expect(bare).toEqual([]);
  });

  it('gives every response a schema and every 4xx the one error shape', () => {
    const problems: string[] = [];
    for (const [name, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const content = Object.entries(response.content ?? {});
        if (status === '204') {
          if (content.length > 0) problems.push(`${name} ${status}: a body on 204`);
        } else if (status === '302') {
          // A redirect (single sign-on) has no body, only where it leads.
          if (content.length > 0) problems.push(`${name} ${status}: a body on a redirect`);
          if (!(response as { headers?: Record<string, unknown> }).headers?.Location)
            problems.push(`${name} ${status}: a redirect without Location`);
        } else if (content.length === 0 || content.some(([, c]) => !c.schema)) {
          problems.push(`${name} ${status}: no schema`);
        } else if (status.startsWith('4') && content[0][1].schema?.$ref !== ERROR.$ref) {
          problems.push(`${name} ${status}: not ErrorResponseDto`);
        }
      }
      if (!op.responses['401']) problems.push(`${name}: no 401`);
      if (!op.responses['429'] && name !== 'GET /api/v1/health') problems.push(`${name}: no 429`);
      if (op.requestBody && !(op.responses['400'] && op.responses['413'] && op.responses['415']))
        problems.push(`${name}: a body without 400, 413 and 415`);
      if (op.parameters?.some((p) => p.in === 'path') && !op.responses['404'])
        problems.push(`${name}: path parameters without 404`);
    }
    expect(problems).toEqual([]);
  });

  it('holds real responses to it strictly: no missing, extra or mistyped property passes', async () => {
    const validator = new OpenApiValidator(doc);
    const res = await t.http().get('/api/v1/opds/BPSDM').expect(200);
    const seen = (body: unknown): string[] =>
      validator.check({
        method: 'get',
        url: '/api/v1/opds/BPSDM',
        status: 200,
        contentType: String(res.headers['content-type']),
        body,
        text: res.text,
      }).problems;
    const opd = res.body as Record<string, unknown>;
    expect(seen(opd)).toEqual([]);
    const { headcount: _, ...partial } = opd;
    expect(seen(partial)).toEqual(["body: must have required property 'headcount'"]);
    expect(seen({ ...opd, internal: true })).toEqual([
      "body: must NOT have additional properties 'internal'",
    ]);
    expect(seen({ ...opd, updatedAt: 'today' })).toEqual([
      'body/updatedAt: must match format "date-time" (expected "date-time", got "today")',
    ]);
  });

  it('says which routes need a token, which take one optionally and which need none', () => {
    const security = Object.fromEntries(operations().map(([name, op]) => [name, op.security]));
    const bearer = [{ bearer: [] }];
    const optional = [{}, { bearer: [] }];
    expect(security['POST /api/v1/auth/login']).toEqual([]);
    expect(security['GET /api/v1/opds']).toEqual([]);
    expect(security['GET /api/v1/health']).toEqual([]);
    expect(security['GET /api/v1/search']).toEqual(optional);
    expect(security['GET /api/v1/assets/{id}']).toEqual(optional);
    expect(security['GET /api/v1/attachments/{id}']).toEqual(optional);
    expect(security['GET /api/v1/users']).toEqual(bearer);
    expect(security['GET /api/v1/search/people']).toEqual(bearer);
    expect(security['POST /api/v1/auth/password-reset']).toEqual([]);
    expect(security['GET /api/v1/metrics/opds']).toEqual(bearer);
    expect(Object.values(security).every((s) => s !== undefined)).toBe(true);
  });

  it('documents every parameter with a type, and enums where the values are fixed', () => {
    const untyped = operations().flatMap(([name, op]) =>
      (op.parameters ?? [])
        .filter((p) => !p.schema?.type && !p.schema?.$ref)
        .map((p) => `${name} ${p.in}:${p.name}`),
    );
    expect(untyped).toEqual([]);
    const param = (name: string, p: string): Schema | undefined =>
      operations()
        .find(([n]) => n === name)?.[1]
        .parameters?.find((x) => x.name === p)?.schema;
    const assess = 'PUT /api/v1/awards/{year}/assessments/{opdCode}/{aspect}';
    expect(param(assess, 'aspect')?.enum).toEqual(ASPECT_KEYS);
    expect(param(assess, 'year')).toMatchObject({ type: 'integer', minimum: 2000, maximum: 2100 });
    expect(param('GET /api/v1/assets/{id}', 'id')).toMatchObject({
      type: 'string',
      format: 'uuid',
    });
    expect(param('GET /api/v1/search', 'sort')?.enum).toEqual(['relevance', 'newest', 'oldest']);
    expect(param('GET /api/v1/search', 'page')).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('has one optional Idempotency-Key header on POST /events', () => {
    const [, events] = operations().find(([n]) => n === 'POST /api/v1/events')!;
    const headers = (events.parameters ?? []).filter((p) => p.in === 'header');
    expect(headers).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', required: false }),
    ]);
  });

  it('declares the content types of downloads and exports', () => {
    const content = (name: string): string[] =>
      Object.keys(operations().find(([n]) => n === name)![1].responses['200'].content ?? {});
    expect(content('GET /api/v1/awards/{year}/export')).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(content('GET /api/v1/attachments/{id}')).toEqual(
      expect.arrayContaining(['application/pdf', 'image/png', 'text/plain', 'video/mp4']),
    );
  });
});
