import { startJobs } from '@jsga/kernel';
import { readConfig, startPlatform } from './bootstrap';

const config = readConfig();
const platform = await startPlatform(config);
const { app } = platform;

let jobs: ReturnType<typeof startJobs> | undefined;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, '正在停止服务');
  const force = setTimeout(() => process.exit(1), 15_000).unref(); // in-flight requests get 15 s
  try {
    await jobs?.stop();
    await platform.close();
    clearTimeout(force);
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, '停止服务出错');
    process.exit(1);
  }
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

await app.listen({ port: config.PORT, host: config.HOST });
if (config.JOBS_ENABLED) jobs = startJobs(platform.jobSources, app.log);
app.log.info({ db: platform.database.kind, version: config.version }, `平台已启动 http://localhost:${(app.server.address() as { port: number }).port}`);
