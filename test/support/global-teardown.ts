/** Stops the services global-setup started (external servers are left alone). */
export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__lumbungServices;
  await services?.meili?.stop();
  await services?.pg?.stop();
}
