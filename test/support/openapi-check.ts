import type { Response, Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import {
  mismatchMessage,
  type ObservedResponse,
  type OpenApiDocument,
  OpenApiValidator,
} from './openapi-validator';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
type Verb = (typeof VERBS)[number];

/**
 * Wraps supertest so that every response is checked against the OpenAPI document: the check is
 * the request's last assertion, so a test's own expectations report first and a response the
 * document does not describe (status, content type, body) fails the test that received it.
 */
export function checkedAgent(make: () => TestAgent, document: () => unknown): () => TestAgent {
  let validator: OpenApiValidator | undefined;
  const checker =
    (method: Verb, url: string) =>
    (res: Response): void => {
      validator ??= new OpenApiValidator(document() as OpenApiDocument);
      const observed = observe(method, url, res);
      const result = validator.check(observed);
      if (result.problems.length > 0) throw new Error(mismatchMessage(observed, result));
    };
  return () => {
    const agent = make();
    const checked = { ...agent } as TestAgent;
    for (const verb of VERBS) {
      const send: (url: string) => Test = agent[verb].bind(agent);
      (checked as unknown as Record<Verb, (url: string) => Test>)[verb] = (url: string) =>
        lastAssertion(send(url), checker(verb, url));
    }
    return checked;
  };
}

function lastAssertion(test: Test, check: (res: Response) => void): Test {
  const end = test.end.bind(test);
  let added = false;
  test.end = (fn) => {
    if (!added) test.expect(check);
    added = true;
    return end(fn);
  };
  return test;
}

function observe(method: string, url: string, res: Response): ObservedResponse {
  const contentType = res.headers['content-type'] as string | undefined;
  // A test that parsed the body itself (as text) still gets its JSON checked.
  const raw = typeof res.body === 'string' ? res.body : undefined;
  let body = res.body as unknown;
  if (raw !== undefined && /[/+]json\b/.test(contentType ?? '')) body = JSON.parse(raw) as unknown;
  return { method, url, status: res.status, contentType, body, text: res.text ?? raw };
}
