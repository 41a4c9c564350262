// Preloaded into the Prisma CLI by src/db/migrate.ts (node --import).
//
// Prisma 6.19's WebAssembly schema engine arms a 10 s timer on PostgreSQL
// (a lock timeout) and never clears it, so `migrate deploy` sits idle for
// 10 s after it has finished. Timers armed from WebAssembly are unref'd here:
// they still fire if the engine is really waiting, because its open database
// socket keeps the process alive, but they no longer hold the exit.
const armTimer = globalThis.setTimeout;
globalThis.setTimeout = function setTimeoutUnrefFromWasm(callback, delay, ...args) {
  const timer = armTimer(callback, delay, ...args);
  if (delay >= 1000 && new Error().stack?.includes('wasm://')) timer.unref();
  return timer;
};
