import { loadConfig, openDatabase, shouldSeedDemo, type AppConfig } from '@jsga/kernel';
import { appVersion, buildApp, migrationsFolder, seedDatabase } from './app';

export const readConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(env, appVersion);

export const openConfiguredDatabase = (config: AppConfig) =>
  openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: config.DB_POOL_MAX });

/** Opens the database, migrates, seeds and builds the app: the whole start-up minus listening. */
export async function startPlatform(config: AppConfig) {
  const database = await openConfiguredDatabase(config);
  if (config.MIGRATE_ON_START) await database.migrate(migrationsFolder);
  const built = await buildApp({ config, database });
  await seedDatabase(database, built.modules, { demo: shouldSeedDemo(config), demoPassword: config.DEMO_PASSWORD });
  return {
    ...built,
    database,
    async close() {
      await built.close();
      await database.close();
    },
  };
}
