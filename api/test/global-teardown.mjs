export default async function globalTeardown() {
  const pg = globalThis.__JALONS_PG__;
  if (pg) await pg.stop();
}
