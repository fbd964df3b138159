import { defineConfig } from 'drizzle-kit';

// Schema set: the kernel's tables plus every centre's and module's db/*.schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./packages/kernel/src/**/*.schema.ts', './apps/server/src/{centres,modules}/*/db/*.schema.ts'],
  out: './apps/server/drizzle',
  strict: true,
  verbose: false,
});
