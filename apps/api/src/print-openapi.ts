import 'reflect-metadata';
import { previewOpenApi } from './openapi-document';

/**
 * Prints the API's OpenAPI document (JSON) with no database: the portal's typed client is
 * generated from it (npm run openapi; npm run check fails when the committed client is stale).
 */
previewOpenApi().then(
  (document) => process.stdout.write(`${JSON.stringify(document, null, 2)}\n`),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
